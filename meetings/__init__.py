"""Meetings: how the network meets. Working groups and their meetings (planned → invited →
held → minutes published, or cancelled), agenda, registrations with waiting list and
attendance, minutes with decisions and action items, meeting documents, calendar files and
feeds, PDF/CSV exports, and the reminder mails about all of these.

Floor 3: imports only members and common (projects only as lazy model references); the
floors above add to it through registries (knowledge puts its linked articles on the
meeting page, meetings.sections.MEETING_PAGE).

Where things are: who may do what, and when, in `rules.py`; pages in `views/`, writes in
`services/`, reads in `selectors/`, forms in `forms/` — each split by area (meetings,
registrations, agenda, minutes, action_items, documents, groups, calendar, exports).
iCalendar text is `ical.py`, PDFs and tables `exports.py`, reminder mails `reminders.py`,
what the site search finds `search.py`, panels on other pages `sections.py`.
"""
