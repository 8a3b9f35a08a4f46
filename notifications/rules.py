"""Permissions of the notifications app (django-rules): member staff follow things and read
their notifications; visitors and people without an administration have none."""

import rules

from members.rules import is_member_staff

rules.add_perm("notifications.follow", is_member_staff)
rules.add_perm("notifications.view_notifications", is_member_staff)
