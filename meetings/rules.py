"""Who may do what with meetings and working groups, and when (django-rules): every
predicate and permission of the app.

Roles come from members.rules (member staff, coordinator, editor of an administration);
this module adds what meetings knows: the state of a meeting and its minutes, whether
registration is open, who is responsible for an action item. Views declare these
permissions (common.permissions), templates ask them (`{% load rules %}`), services check
them before they write (`common.permissions.permission_check`, `check_state`).

Two kinds, as in projects.rules and knowledge.rules:

* Role permissions (`manage_meeting`, `take_part`, `view_internals`, …) depend on who the
  user is. Views declare them, so a stale page that asks for something no longer possible
  (publishing an invitation twice, editing the agenda after the minutes went out) gets a
  German message next to the form, not a refusal.
* State rules (`change_agenda`, `change_minutes`, `publish_invitation`, `register`, …) add
  the state of the object (always the meeting). Services check them with `check_state`:
  PermissionDenied if the role never allows the action, ValidationError with the reason
  if only the state forbids it now. Templates ask them with
  `{% test_rule "meetings.change_agenda" user meeting as can_change_agenda %}`: Django's
  `user.has_perm` (and so `{% has_perm %}`) is always true for active superusers and would
  offer an admin to publish an invitation that went out long ago. `rules.test_rule` and
  `rules.has_perm` answer exactly; superusers pass the role predicates anyway
  (members.rules counts them as coordinators and member staff).

The state machine itself (which state may follow which) is `enums.MEETING_TRANSITIONS`;
the state predicates below read it rather than repeating state names.
"""

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.rules import is_coordinator, is_editor_of, is_member_staff

from .enums import MEETING_TRANSITIONS, MeetingState

# --- predicates: who ----------------------------------------------------------------------

# Agenda, registrations, documents, exports and the calendar of meetings are for the staff
# of the member administrations and the coordination office.
sees_internals = is_member_staff | is_coordinator


@rules.predicate
def is_responsible_for(user, item) -> bool:
    """The action item names the user, or the user is an editor of the administration it
    names (coordinators count as editors of every administration)."""
    if item is None or not user.is_authenticated:
        return False
    if item.responsible_user_id is not None and item.responsible_user_id == user.pk:
        return True
    return bool(item.responsible_administration_id is not None
                and is_editor_of(user, item.responsible_administration))


# --- predicates: when (object: the meeting) -------------------------------------------------


def _may_become(meeting, state: MeetingState) -> bool:
    return meeting is not None and state in MEETING_TRANSITIONS[MeetingState(meeting.state)]


@rules.predicate
def invitation_can_be_published(user, meeting) -> bool:
    """Planned: the invitation has not gone out yet."""
    return _may_become(meeting, MeetingState.INVITED)


@rules.predicate
def can_be_marked_held(user, meeting) -> bool:
    """Invited: it can now be marked as held."""
    return _may_become(meeting, MeetingState.HELD)


@rules.predicate
def can_be_cancelled(user, meeting) -> bool:
    """Planned or invited: not held, not cancelled already."""
    return _may_become(meeting, MeetingState.CANCELLED)


@rules.predicate
def has_started(user, meeting) -> bool:
    """Its start has passed: only then can it be marked as held."""
    return meeting is not None and meeting.starts_at <= timezone.now()


@rules.predicate
def is_open_for_changes(user, meeting) -> bool:
    """Its facts (date, place, capacity, …) may still change: neither cancelled nor closed
    with published minutes."""
    return meeting is not None and bool(MEETING_TRANSITIONS[MeetingState(meeting.state)])


@rules.predicate
def was_announced(user, meeting) -> bool:
    """Invited, held or with published minutes: there is an attendance to record."""
    return meeting is not None and meeting.state in (
        MeetingState.INVITED, MeetingState.HELD, MeetingState.MINUTES_PUBLISHED)


@rules.predicate
def minutes_are_draft(user, meeting) -> bool:
    """Held, minutes not published yet: they can be written and published."""
    return meeting is not None and meeting.state == MeetingState.HELD


@rules.predicate
def minutes_are_published(user, meeting) -> bool:
    return meeting is not None and meeting.state == MeetingState.MINUTES_PUBLISHED


@rules.predicate
def registration_is_open(user, meeting) -> bool:
    """Invited, not started, and the registration deadline (if any) not passed."""
    if meeting is None or meeting.state != MeetingState.INVITED:
        return False
    now = timezone.now()
    return meeting.starts_at > now and (
        meeting.registration_deadline is None or now <= meeting.registration_deadline)


# --- permissions ----------------------------------------------------------------------------

# Meetings: everyone sees the list and the dates still to come; member staff the internal
# page, the .ics file, the attendance lists and the documents.
rules.add_perm("meetings.view_internals", sees_internals)
rules.add_perm("meetings.view_document", sees_internals)  # object: the document
rules.add_perm("meetings.subscribe_calendar", sees_internals)
# The coordination office plans and runs meetings (object: the meeting). The state rules
# below say what can be done with a meeting at the moment.
rules.add_perm("meetings.add_meeting", is_coordinator)
rules.add_perm("meetings.manage_meeting", is_coordinator)
rules.add_perm("meetings.change_action_items", is_coordinator)
rules.add_perm("meetings.add_document", is_coordinator)
# Whether a meeting's records (place, agenda items, decisions, minutes) are public is the
# coordination office's decision (issue 16): the flags in the meeting and agenda forms.
rules.add_perm("meetings.publish_records", is_coordinator)
# Member staff register for meetings of their working groups and withdraw again.
rules.add_perm("meetings.take_part", is_member_staff)
# Action items (object: the item): the responsible person, the editors of the responsible
# administration, and the coordination office tick them off (and open them again).
rules.add_perm("meetings.tick_off_action_item", is_coordinator | is_responsible_for)

# Working groups: everyone sees them; the coordination office creates and changes them.
rules.add_perm("meetings.add_workinggroup", is_coordinator)
rules.add_perm("meetings.change_workinggroup", is_coordinator)  # object: the group

# State rules (see the module docstring), object: the meeting. Each is a role and a state;
# `check_state` tells them apart, the permission and the rule are the two together.
STATE_RULES = {
    "meetings.change_meeting": (is_coordinator, is_open_for_changes),
    "meetings.publish_invitation": (is_coordinator, invitation_can_be_published),
    # Only once it has started: before, "held" would be a guess that sends the minutes
    # reminders and closes the registration for a meeting still to come.
    "meetings.mark_held": (is_coordinator, can_be_marked_held & has_started),
    "meetings.cancel_meeting": (is_coordinator, can_be_cancelled),
    "meetings.record_attendance": (is_coordinator, was_announced),
    # Agenda and decisions are part of the minutes: read-only once they are published.
    "meetings.change_agenda": (is_coordinator, ~minutes_are_published),
    "meetings.change_decisions": (is_coordinator, ~minutes_are_published),
    # Minutes are written after the meeting; once published they only change as a
    # documented correction, and can be approved in a later meeting.
    "meetings.change_minutes": (is_coordinator, minutes_are_draft),
    "meetings.publish_minutes": (is_coordinator, minutes_are_draft),
    "meetings.correct_minutes": (is_coordinator, minutes_are_published),
    "meetings.approve_minutes": (is_coordinator, minutes_are_published),
    # Minutes, decisions and action items: drafts are the coordination office's own.
    "meetings.view_minutes": (sees_internals, minutes_are_published | is_coordinator),
    "meetings.register": (is_member_staff, registration_is_open),
}
for _name, (_who, _when) in STATE_RULES.items():
    rules.add_perm(_name, _who & _when)
    rules.add_rule(_name, _who & _when)

# Invited but not started: the page shows why "mark as held" is not offered yet.
rules.add_rule("meetings.mark_held_after_start",
               is_coordinator & can_be_marked_held & ~has_started)

# The texts a service gives when only the state is in the way (check_state's default).
STATE_REFUSALS = {
    "meetings.change_meeting": _("Abgesagte oder abgeschlossene Sitzungen können nicht mehr "
                                 "geändert werden."),
    "meetings.record_attendance": _("Anwesenheit lässt sich erst nach der Einladung "
                                    "erfassen, bei abgesagten Sitzungen gar nicht."),
    "meetings.change_agenda": _("Das Protokoll ist veröffentlicht; die Tagesordnung ist "
                                "schreibgeschützt."),
    "meetings.change_decisions": _("Das Protokoll ist veröffentlicht und schreibgeschützt."),
    "meetings.change_minutes": _("Ein Protokoll lässt sich erst schreiben, wenn die Sitzung "
                                 "stattgefunden hat."),
    "meetings.publish_minutes": _("Ein Protokoll lässt sich erst veröffentlichen, wenn die "
                                  "Sitzung stattgefunden hat."),
    "meetings.approve_minutes": _("Nur veröffentlichte Protokolle können genehmigt werden."),
    "meetings.register": _("Die Anmeldung für diese Sitzung ist geschlossen."),
}


def not_started_refusal(meeting) -> str:
    """Why an invited meeting cannot be marked as held yet."""
    start = timezone.localtime(meeting.starts_at)
    return _("Die Sitzung hat noch nicht begonnen. Als stattgefunden markieren lässt sie sich "
             "erst ab ihrem Beginn am %(date)s um %(time)s Uhr.") % {
        "date": start.strftime("%d.%m.%Y"), "time": start.strftime("%H:%M")}


def check_state(user, rule: str, meeting, message: str = "") -> None:
    """For a state rule: PermissionDenied if the user's role never allows the action,
    ValidationError with `message` (or the rule's own text) if only the meeting's state
    forbids it now."""
    who, when = STATE_RULES[rule]
    if user is None or not who.test(user, meeting):
        raise PermissionDenied
    if not when.test(user, meeting):
        raise ValidationError(message or STATE_REFUSALS[rule])
