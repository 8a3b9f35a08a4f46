"""Minutes and decisions: written after the meeting, published once (the working group is
told by mail), afterwards changed only as a documented correction, approved in a later
meeting of the same group."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.permissions import permission_check
from members.models import User
from notifications.services import notifications_dispatch_after_commit

from ..enums import MeetingState, MinutesState
from ..models import Decision, Meeting, Minutes, MinutesRevision
from ..rules import check_state, minutes_are_published
from ..selectors.confirmations import minutes_content
from .meetings import reminders_dispatch_after_commit
from .registrations import meeting_lock

EMPTY_MINUTES_REFUSAL = gettext_lazy(
    "Das Protokoll ist leer: Es enthält weder Notizen noch Beschlüsse, Aufgaben oder eine "
    "erfasste Anwesenheit. Bitte schreiben Sie zuerst das Protokoll.")


def _minutes_content(minutes: Minutes) -> dict:
    meeting = minutes.meeting
    return {
        "summary": minutes.summary,
        "notes": {str(i.pk): i.notes for i in meeting.agenda_items.all()},
        "decisions": [{"wording": d.wording, "result": d.result}
                      for d in meeting.decisions.all()],
    }


def minutes_save(*, meeting: Meeting, summary: str, notes: dict[int, str], by: User,
                 correction_reason: str = "") -> Minutes:
    """Write the minutes. Once published they change only as a documented correction."""
    permission_check(by, "meetings.manage_meeting", meeting)
    with transaction.atomic():
        meeting = meeting_lock(meeting)
        correction = minutes_are_published(by, meeting)
        check_state(by, "meetings.correct_minutes" if correction else "meetings.change_minutes",
                    meeting)
        minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
        if correction:
            if not correction_reason.strip():
                raise ValidationError(_("Das Protokoll ist veröffentlicht und schreibgeschützt. "
                                        "Eine Berichtigung braucht eine Begründung."))
            MinutesRevision.objects.create(minutes=minutes, created_by=by,
                                           reason=correction_reason.strip(),
                                           content=_minutes_content(minutes))
        minutes.summary = summary
        minutes.save()
        for item in meeting.agenda_items.all():
            if item.pk in notes and notes[item.pk] != item.notes:
                item.notes = notes[item.pk]
                item.save(update_fields=["notes"])
    return minutes


def minutes_publish(*, meeting: Meeting, by: User) -> Minutes:
    """Publish the minutes of a held meeting; the working group is told by mail. Empty
    minutes (no notes, decisions, action items or attendance) are refused."""
    with transaction.atomic():
        meeting = meeting_lock(meeting)
        check_state(by, "meetings.publish_minutes", meeting)
        if minutes_content(meeting).is_empty:
            raise ValidationError(EMPTY_MINUTES_REFUSAL)
        minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
        minutes.state = MinutesState.PUBLISHED
        minutes.published_at = timezone.now()
        minutes.published_by = by
        minutes.save()
        meeting.state = MeetingState.MINUTES_PUBLISHED
        meeting.save(update_fields=["state", "updated_at"])
        reminders_dispatch_after_commit()
        notifications_dispatch_after_commit()
    return minutes


def minutes_approve(*, minutes: Minutes, in_meeting: Meeting, by: User) -> None:
    """Mark published minutes as approved at a later meeting of the same group."""
    with transaction.atomic():
        stored = Minutes.objects.select_for_update().select_related("meeting").get(
            pk=minutes.pk)
        check_state(by, "meetings.approve_minutes", stored.meeting)
        if (in_meeting.working_group_id != stored.meeting.working_group_id
                or in_meeting.starts_at <= stored.meeting.starts_at):
            raise ValidationError(_("Genehmigt wird in einer späteren Sitzung derselben "
                                    "Arbeitsgruppe."))
        minutes.approved_at = stored.approved_at = timezone.now()
        minutes.approved_in = stored.approved_in = in_meeting
        stored.save(update_fields=["approved_at", "approved_in"])


def decision_save(*, decision: Decision, fields: dict, by: User) -> Decision:
    """Record or change a decision while the minutes are a draft."""
    for name, value in fields.items():
        setattr(decision, name, value)
    with transaction.atomic():
        check_state(by, "meetings.change_decisions", meeting_lock(decision.meeting))
        decision.full_clean()
        decision.save()
    return decision


def decision_delete(*, decision: Decision, by: User) -> None:
    with transaction.atomic():
        check_state(by, "meetings.change_decisions", meeting_lock(decision.meeting))
        decision.delete()
