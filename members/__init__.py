"""Floor 2, members: administrations, their Steckbrief and contacts, user accounts and roles.
Imports only common."""
