"""Pages of the meetings app, one module per area. Every view declares its permission
(common.permissions with meetings.rules); the services check the state rules again.

meetings       meeting list, meeting page, planning and editing, invite / held / cancel
registrations  registering and withdrawing, recording attendance
agenda         agenda items
minutes        minutes (write, publish, correct, approve) and decisions
action_items   action items: record, tick off
documents      meeting documents: upload, download
calendar       .ics download, the personal calendar feed and its settings page
exports        minutes and attendance list as PDF, attendance list as CSV
groups         working groups: list, page, create and edit
form_page      the flow shared by the small coordinator forms
publication    which of a meeting's records are public
"""
