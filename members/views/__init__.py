"""Pages of the members app, one module per area. Each view declares its permission
(common.permissions with a rule of members.rules) and calls one service to change anything.

- directory: the list of members and an administration's page (public)
- administration: editing an administration's facts, Steckbrief and contacts
- staff: who has access to an administration, their roles and activation
- invitations: inviting, resending, revoking, and accepting an invitation by its link
- notifications: a person's reminder settings (beside allauth's account pages)
- account: a person's own account overview, profile, data (page and JSON) and removal
  request (under /konto/, members.urls_account)
- removals: the coordination office's list of removal requests and account removal
"""
