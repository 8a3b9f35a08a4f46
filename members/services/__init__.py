"""Write functions of the members app, one module per area; every state change of members
goes through one of them, and each checks the permission of members.rules itself.

- administrations: an administration's facts, Steckbrief and contacts
- invitations: invite, resend, revoke and accept (the mail goes through the outbox)
- accounts: a person's role and activation, their own profile and reminder settings
- removal: removing accounts on request and contact persons (DSGVO Art. 17)
"""
