"""Floor 3, meetings: working groups, meetings, agenda, registrations, minutes, decisions,
action items, calendar. Imports only members and common (projects only as lazy model
references)."""
