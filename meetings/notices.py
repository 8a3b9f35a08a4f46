"""Notices about a change that just happened, queued in the transaction that makes it:
moving up from the waiting list, and a new date, time or place of an invited meeting.

They go through the reminder queue (common.reminders), keyed by the event: the kind
"moved_up_<time of the move>" or "changed_<the meeting's new SEQUENCE>" with the object
"meeting:<pk>", once per recipient. A re-run of the same event, or a second submission
that changes nothing, sends nothing. Like invitations and cancellations these concern a
meeting the person registered for and cannot be switched off; inactive accounts and
accounts without an address get nothing. The outbox drops them if the meeting has been
cancelled or has started by the time they are sent (meetings.reminders).
"""

from functools import partial

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from notifications.services import notify_personal

from .enums import MeetingFormat, MeetingState, RegistrationStatus
from .models import Meeting, Registration
from .reminders import _Due, _ics_attachment, _queue

# What makes the calendar entry of a meeting wrong: its date, time and place.
CHANGE_FIELDS = ("starts_at", "ends_at", "format", "location", "online_link")


def _is_upcoming(meeting: Meeting) -> bool:
    return meeting.state == MeetingState.INVITED and meeting.starts_at > timezone.now()


def _eligible(users) -> list:
    return [user for user in users if user.is_active and user.email]


def moved_up_notify(meeting: Meeting, registrations: list[Registration]) -> int:
    """Tell people who just moved up from the waiting list, with the calendar file."""
    if not registrations or not _is_upcoming(meeting):
        return 0
    count = 0
    with translation.override("de"):
        for registration in registrations:
            stamp = registration.status_changed_at.strftime("%Y%m%dT%H%M%S%f")
            due = _Due(f"moved_up_{stamp}", meeting, "moved_up", [registration.user],
                       context={"registration": registration},
                       attachment=partial(_ics_attachment, meeting))
            recipients = _eligible(due.recipients)
            if recipients:
                count += _queue(due, recipients)
                # In the app too (the mail above is the immediate one).
                notify_personal(recipients, kind="moved_up", key=f"meeting:{meeting.pk}:{stamp}",
                                title=_("Sie sind nachgerückt: %(title)s") % {
                                    "title": meeting.title},
                                url=meeting.get_absolute_url(), mail=False)
    return count


def _when(meeting) -> str:
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return (formats.date_format(start, "l, j. F Y") + f", {start:%H:%M}–{end:%H:%M} "
            + _("Uhr"))


def _where(meeting) -> str:
    parts = [str(MeetingFormat(meeting.format).label)]
    if meeting.format != MeetingFormat.ONLINE and meeting.location:
        parts.append(meeting.location)
    if meeting.format != MeetingFormat.IN_PERSON and meeting.online_link:
        parts.append(meeting.online_link)
    return ", ".join(parts)


def meeting_changes(before: Meeting, after: Meeting) -> list[tuple[str, str, str]]:
    """(what, before, now) for the date/time and the place, if they differ."""
    changes = []
    if (before.starts_at, before.ends_at) != (after.starts_at, after.ends_at):
        changes.append((_("Termin"), _when(before), _when(after)))
    if _where(before) != _where(after):
        changes.append((_("Ort"), _where(before), _where(after)))
    return changes


def meeting_change_notify(before: Meeting, meeting: Meeting) -> int:
    """Tell registered people (with the updated calendar file, higher SEQUENCE) and the
    waiting list (without one: they have no place yet) that the meeting moved. `before` is
    the meeting as stored before the change, `meeting` as stored after it."""
    if not _is_upcoming(meeting):
        return 0
    with translation.override("de"):
        changes = meeting_changes(before, meeting)
        if not changes:
            return 0
        people = {RegistrationStatus.REGISTERED: [], RegistrationStatus.WAITING: []}
        for registration in (meeting.registrations.filter(status__in=list(people))
                             .select_related("user").order_by("pk")):
            people[registration.status].append(registration.user)
        kind, count = f"changed_{meeting.sequence}", 0
        for status, users in people.items():
            registered = status == RegistrationStatus.REGISTERED
            due = _Due(kind, meeting, "meeting_changed", users,
                       context={"changes": changes, "registered": registered},
                       attachment=partial(_ics_attachment, meeting) if registered else None)
            recipients = _eligible(users)
            if recipients:
                count += _queue(due, recipients)
    return count
