"""Write functions of the meetings app, one module per area. Every state change goes
through one of them; each checks meetings.rules before it writes.

meetings       planning a meeting, changing it, inviting, marking held, cancelling
registrations  registering, withdrawing, the waiting list, recording attendance
agenda         agenda items: add, change, remove, reorder, carry over to the next meeting
minutes        minutes (write, publish, correct, approve) and decisions
action_items   action items: record them, tick them off
documents      meeting documents (uploads)
groups         working groups
calendar       the personal calendar feed's secret
publication    which of a meeting's records are public (issue 16)
"""
