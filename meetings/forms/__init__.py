"""Forms of the meetings app, one module per area (as in views and services):

meetings       the meeting form, cancelling, taking over agenda items into the next meeting
registrations  registering for a meeting, recording attendance
agenda         an agenda item
minutes        the minutes (notes per agenda item) and a decision
action_items   an action item
documents      a document upload
groups         a working group
publication    the public records of a meeting
"""
