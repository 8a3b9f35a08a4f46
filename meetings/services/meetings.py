"""Planning a meeting and moving it along planned → invited → held, or cancelling it.
(Publishing the minutes, the last step, is in services.minutes.)"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from members.models import User

from ..enums import MEETING_TRANSITIONS, MeetingState
from ..models import Meeting
from ..notices import meeting_change_notify
from ..rules import can_be_marked_held, check_state, has_started, not_started_refusal
from .agenda import agenda_carry_over
from .registrations import meeting_lock, waiting_list_move_up

# The state rule that allows each step (meetings.rules).
TRANSITION_RULES = {
    MeetingState.INVITED: "meetings.publish_invitation",
    MeetingState.HELD: "meetings.mark_held",
    MeetingState.CANCELLED: "meetings.cancel_meeting",
}


def reminders_dispatch_after_commit() -> None:
    """Invitations, cancellations and minutes notices go out at once, not at the next beat."""
    from ..tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)


def _check_new_meeting(meeting: Meeting) -> None:
    """A new meeting lies ahead and is planned, or it is an earlier one recorded as held
    (importing history): nobody invites to the past, and nothing held lies ahead."""
    state = MeetingState(meeting.state)
    if state not in (MeetingState.PLANNED, MeetingState.HELD):
        raise ValidationError(_("Eine neue Sitzung ist geplant oder wird als stattgefundene "
                                "Sitzung nachgetragen."))
    past = meeting.starts_at is not None and meeting.starts_at <= timezone.now()
    if past and state != MeetingState.HELD:
        raise ValidationError(_("Der Beginn liegt in der Vergangenheit. Frühere Sitzungen "
                                "lassen sich nur als bereits stattgefunden nachtragen."))
    if not past and state == MeetingState.HELD:
        raise ValidationError(_("Eine Sitzung, die noch nicht begonnen hat, kann nicht als "
                                "stattgefunden erfasst werden."))


def meeting_save(*, meeting: Meeting, fields: dict, by: User,
                 carry_over_from: Meeting | None = None,
                 carry_over_items: Iterable[int] = ()) -> Meeting:
    """Create or change a meeting; calendar clients see a higher SEQUENCE after a change.
    More places (or no limit any more) move people up from the waiting list. A new meeting
    can take over chosen agenda items of an earlier one."""
    existing = meeting.pk is not None
    if existing:
        check_state(by, "meetings.change_meeting", meeting)
    else:
        permission_check(by, "meetings.add_meeting")
    if "public_records" in fields and fields["public_records"] != meeting.public_records:
        permission_check(by, "meetings.publish_records", meeting)
    for name, value in fields.items():
        setattr(meeting, name, value)
    if meeting.public_records and meeting.public_records_at is None:
        meeting.public_records_at = timezone.now()
    if existing:
        meeting.sequence = F("sequence") + 1
    if not existing:
        _check_new_meeting(meeting)
    meeting.full_clean(exclude=["sequence"])
    with transaction.atomic():
        if existing:
            # Registrations lock the meeting too: they count places against the capacity
            # that is stored, and nobody registers between the change and the move-up.
            before = meeting_lock(meeting)
            check_state(by, "meetings.change_meeting", before)
            meeting.save(update_fields=[*fields, "sequence", "updated_at",
                                        "public_records_at"])
        else:
            meeting.save()
        meeting.refresh_from_db()
        upcoming = meeting.state in (MeetingState.PLANNED, MeetingState.INVITED) and (
            meeting.starts_at > timezone.now())
        if existing and upcoming:
            waiting_list_move_up(meeting)
        if existing:
            meeting_change_notify(before, meeting)  # a new date, time or place
        if carry_over_from is not None:
            agenda_carry_over(source=carry_over_from, target=meeting,
                              item_ids=list(carry_over_items), by=by)
    return meeting


def meeting_transition(*, meeting: Meeting, to: str, by: User, reason: str = "") -> Meeting:
    """Invite, mark as held or cancel a meeting (cancelling needs a reason)."""
    permission_check(by, "meetings.manage_meeting", meeting)
    with transaction.atomic():
        meeting = meeting_lock(meeting)
        refusal = _("Eine Sitzung im Status „%(from)s“ kann nicht in den Status „%(to)s“ "
                    "wechseln.") % {"from": meeting.get_state_display(),
                                     "to": MeetingState(to).label}
        rule = TRANSITION_RULES.get(to)
        if (to == MeetingState.HELD and can_be_marked_held(by, meeting)
                and not has_started(by, meeting)):
            refusal = not_started_refusal(meeting)
        if rule is None:
            if to == MeetingState.MINUTES_PUBLISHED and to in MEETING_TRANSITIONS[
                    MeetingState(meeting.state)]:
                refusal = _("Protokolle werden über „Protokoll veröffentlichen“ "
                            "abgeschlossen.")
            raise ValidationError(refusal)
        check_state(by, rule, meeting, refusal)
        if to == MeetingState.CANCELLED and not reason.strip():
            raise ValidationError(_("Bitte geben Sie einen Grund für die Absage an."))
        meeting.state = to
        if to == MeetingState.INVITED:
            meeting.invited_at = timezone.now()
        if to == MeetingState.CANCELLED:
            meeting.cancel_reason = reason.strip()
        meeting.sequence += 1
        meeting.save()
        if to in (MeetingState.INVITED, MeetingState.CANCELLED):
            reminders_dispatch_after_commit()
    return meeting
