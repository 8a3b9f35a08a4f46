"""Floor 2, members: who is in the network and who may do what.

The directory of administrations (districts, cities, municipalities, IT service providers)
with their facts, Steckbrief and contact persons; the people with a login, their
administration and role (reader, Redaktion, Koordinierungsstelle) and the invitations that
create their accounts; the login itself (django-allauth with a second factor). The roles
are defined once, in `members.rules`, and every other app builds its permissions on them.
Imports only common; meetings, projects and knowledge add their sections to the
administration page (`members.sections`).

Where things are:

- models/ (administrations, accounts), enums, validators: the tables
- rules: roles and permissions
- selectors (reads), services/ (writes: administrations, invitations, accounts)
- views/ (directory, administration, staff, invitations, notifications), forms, filters,
  urls; templates/members/ and templates/account/notifications.html
- login/: allauth adapter (mails through the outbox), second factor, rate limits
- importing and management/commands/import_administrations: the Destatis CSV import
- demo, demo_texts, data/: the demo network
- search, sections: what members adds to the site-wide search and the pages other apps fill
"""
