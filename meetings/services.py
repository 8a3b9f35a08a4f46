"""Write functions of the meetings app. Every state change goes through one of these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import User

from .enums import (
    MEETING_TRANSITIONS,
    ActionItemStatus,
    MeetingState,
    MinutesState,
    RegistrationStatus,
)
from .models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Minutes,
    MinutesRevision,
    Registration,
)


def _require_coordinator(user: User) -> None:
    if not user.is_coordinator:
        raise PermissionDenied


def _dispatch_reminders_after_commit() -> None:
    """Invitations, cancellations and minutes notices go out at once, not at the next beat."""
    from .tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)


def _lock(meeting: Meeting) -> None:
    Meeting.objects.select_for_update().only("pk").get(pk=meeting.pk)


def meeting_save(*, meeting: Meeting, fields: dict, by: User) -> Meeting:
    """Create or change a meeting; calendar clients see a higher SEQUENCE after a change.
    More places (or no limit any more) move people up from the waiting list."""
    _require_coordinator(by)
    if meeting.state in (MeetingState.CANCELLED, MeetingState.MINUTES_PUBLISHED):
        raise ValidationError(_("Abgesagte oder abgeschlossene Sitzungen können nicht mehr "
                                "geändert werden."))
    for name, value in fields.items():
        setattr(meeting, name, value)
    existing = meeting.pk is not None
    if existing:
        meeting.sequence = F("sequence") + 1
    meeting.full_clean(exclude=["sequence"])
    with transaction.atomic():
        if existing:
            # Registrations lock the meeting too: they count places against the capacity
            # that is stored, and nobody registers between the change and the move-up.
            _lock(meeting)
        meeting.save()
        meeting.refresh_from_db()
        upcoming = meeting.state in (MeetingState.PLANNED, MeetingState.INVITED) and (
            meeting.starts_at > timezone.now())
        if existing and upcoming:
            _move_up_waiting_list(meeting)
    return meeting


def meeting_transition(*, meeting: Meeting, to: str, by: User, reason: str = "") -> Meeting:
    """Move a meeting along planned → invited → held → minutes published, or cancel it."""
    _require_coordinator(by)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if to not in MEETING_TRANSITIONS[MeetingState(meeting.state)]:
            raise ValidationError(
                _("Eine Sitzung im Status „%(from)s“ kann nicht in den Status „%(to)s“ "
                  "wechseln.") % {"from": meeting.get_state_display(),
                                   "to": MeetingState(to).label})
        if to == MeetingState.CANCELLED and not reason.strip():
            raise ValidationError(_("Bitte geben Sie einen Grund für die Absage an."))
        if to == MeetingState.MINUTES_PUBLISHED:
            raise ValidationError(_("Protokolle werden über „Protokoll veröffentlichen“ "
                                    "abgeschlossen."))
        meeting.state = to
        if to == MeetingState.INVITED:
            meeting.invited_at = timezone.now()
        if to == MeetingState.CANCELLED:
            meeting.cancel_reason = reason.strip()
        meeting.sequence += 1
        meeting.save()
        if to in (MeetingState.INVITED, MeetingState.CANCELLED):
            _dispatch_reminders_after_commit()
    return meeting


def registration_is_open(meeting: Meeting, now=None) -> bool:
    now = now or timezone.now()
    if meeting.state != MeetingState.INVITED or meeting.starts_at <= now:
        return False
    return meeting.registration_deadline is None or now <= meeting.registration_deadline


def _registered_count(meeting: Meeting) -> int:
    return meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def registration_register(*, meeting: Meeting, user: User, mode: str) -> Registration:
    """Register (or change the mode); over capacity the person goes on the waiting list."""
    if not user.is_member_staff:
        raise PermissionDenied
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not registration_is_open(meeting):
            raise ValidationError(_("Die Anmeldung für diese Sitzung ist geschlossen."))
        registration = Registration.objects.filter(meeting=meeting, user=user).first()
        if registration and registration.status != RegistrationStatus.DECLINED:
            registration.mode = mode
            registration.save(update_fields=["mode"])
            return registration
        full = meeting.capacity is not None and _registered_count(meeting) >= meeting.capacity
        status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
        registration = registration or Registration(meeting=meeting, user=user)
        registration.mode, registration.status = mode, status
        registration.status_changed_at = timezone.now()
        registration.save()
    return registration


def registration_decline(*, meeting: Meeting, user: User) -> Registration:
    """Cancel one's registration (or say one will not come); the waiting list moves up."""
    if not user.is_member_staff:
        raise PermissionDenied
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not registration_is_open(meeting):
            raise ValidationError(_("Die Anmeldefrist ist abgelaufen; Änderungen sind nicht "
                                    "mehr möglich."))
        registration, _created = Registration.objects.get_or_create(
            meeting=meeting, user=user, defaults={"status": RegistrationStatus.DECLINED})
        was_registered = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.DECLINED
        registration.status_changed_at = timezone.now()
        registration.save()
        if was_registered:
            _move_up_waiting_list(meeting)
    return registration


def _move_up_waiting_list(meeting: Meeting) -> list[Registration]:
    """Give free places to the waiting list in the order people asked; the caller holds the
    meeting's lock. Returns the registrations that moved up."""
    waiting = meeting.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "status_changed_at", "pk")
    if meeting.capacity is not None:
        free = max(0, meeting.capacity - _registered_count(meeting))
        waiting = waiting[:free]
    moved = list(waiting)
    now = timezone.now()
    for registration in moved:
        registration.status = RegistrationStatus.REGISTERED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
    return moved


def attendance_record(*, meeting: Meeting, attended_user_ids: set[int], by: User) -> None:
    """Coordinators note who came; registered people not ticked count as absent."""
    _require_coordinator(by)
    if meeting.state not in (MeetingState.HELD, MeetingState.MINUTES_PUBLISHED,
                             MeetingState.INVITED):
        raise ValidationError(_("Anwesenheit lässt sich erst nach der Einladung erfassen."))
    with transaction.atomic():
        # Registering locks the meeting as well, so nobody registers between reading the
        # registrations and adding those who came unregistered (one per person).
        _lock(meeting)
        for registration in meeting.registrations.exclude(status=RegistrationStatus.DECLINED):
            registration.attended = registration.user_id in attended_user_ids
            registration.save(update_fields=["attended"])
        for user_id in attended_user_ids - set(
                meeting.registrations.values_list("user_id", flat=True)):
            Registration.objects.create(meeting=meeting, user_id=user_id, attended=True)


def agenda_item_save(*, item: AgendaItem, fields: dict, by: User) -> AgendaItem:
    """Add or change an agenda item, with its links to topics and joint projects."""
    _require_coordinator(by)
    if item.pk is None:
        last = item.meeting.agenda_items.order_by("-order").values_list("order", flat=True)
        item.order = (last.first() or 0) + 1
    links = {name: fields.pop(name) for name in ("topics", "projects") if name in fields}
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    for name, values in links.items():
        getattr(item, name).set(values)
    Meeting.objects.filter(pk=item.meeting_id).update(sequence=F("sequence") + 1)
    return item


def agenda_item_delete(*, item: AgendaItem, by: User) -> None:
    _require_coordinator(by)
    item.delete()


def agenda_item_move(*, item: AgendaItem, direction: int, by: User) -> None:
    """Swap an item with its neighbour (direction -1: up, +1: down)."""
    _require_coordinator(by)
    with transaction.atomic():
        items = list(item.meeting.agenda_items.select_for_update().order_by("order", "pk"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index + direction
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items, start=1):
            if other.order != position:
                other.order = position
                other.save(update_fields=["order"])


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
    _require_coordinator(by)
    if meeting.state not in (MeetingState.HELD, MeetingState.MINUTES_PUBLISHED):
        raise ValidationError(_("Ein Protokoll lässt sich erst schreiben, wenn die Sitzung "
                                "stattgefunden hat."))
    with transaction.atomic():
        minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
        if minutes.state == MinutesState.PUBLISHED:
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
    """Publish the minutes of a held meeting; the working group is told by mail."""
    _require_coordinator(by)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.state != MeetingState.HELD:
            raise ValidationError(_("Ein Protokoll lässt sich erst veröffentlichen, wenn die "
                                    "Sitzung stattgefunden hat."))
        minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
        minutes.state = MinutesState.PUBLISHED
        minutes.published_at = timezone.now()
        minutes.published_by = by
        minutes.save()
        meeting.state = MeetingState.MINUTES_PUBLISHED
        meeting.save(update_fields=["state", "updated_at"])
        _dispatch_reminders_after_commit()
    return minutes


def minutes_approve(*, minutes: Minutes, in_meeting: Meeting, by: User) -> None:
    """Mark published minutes as approved at a later meeting of the same group."""
    _require_coordinator(by)
    if minutes.state != MinutesState.PUBLISHED:
        raise ValidationError(_("Nur veröffentlichte Protokolle können genehmigt werden."))
    if (in_meeting.working_group_id != minutes.meeting.working_group_id
            or in_meeting.starts_at <= minutes.meeting.starts_at):
        raise ValidationError(_("Genehmigt wird in einer späteren Sitzung derselben "
                                "Arbeitsgruppe."))
    minutes.approved_at = timezone.now()
    minutes.approved_in = in_meeting
    minutes.save(update_fields=["approved_at", "approved_in"])


def _require_open_minutes(meeting: Meeting) -> None:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes and minutes.state == MinutesState.PUBLISHED:
        raise ValidationError(_("Das Protokoll ist veröffentlicht und schreibgeschützt."))


def decision_save(*, decision: Decision, fields: dict, by: User) -> Decision:
    _require_coordinator(by)
    _require_open_minutes(decision.meeting)
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.full_clean()
    decision.save()
    return decision


def decision_delete(*, decision: Decision, by: User) -> None:
    _require_coordinator(by)
    _require_open_minutes(decision.meeting)
    decision.delete()


def action_item_save(*, item: ActionItem, fields: dict, by: User) -> ActionItem:
    _require_coordinator(by)
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


def action_item_may_complete(item: ActionItem, user: User) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_coordinator or item.responsible_user_id == user.pk or (
        item.responsible_administration_id is not None
        and user.is_editor_of(item.responsible_administration))


def action_item_set_done(*, item: ActionItem, done: bool, by: User) -> ActionItem:
    """The responsible person, the responsible office's editors or coordinators tick it off."""
    if not action_item_may_complete(item, by):
        raise PermissionDenied
    item.status = ActionItemStatus.DONE if done else ActionItemStatus.OPEN
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["status", "done_at"])
    return item


def agenda_carry_over(*, source: Meeting, target: Meeting, item_ids: list[int],
                      by: User) -> list[AgendaItem]:
    """Copy chosen agenda items of a meeting to the next one (the open action items of the
    group are listed on every meeting page anyway)."""
    _require_coordinator(by)
    copies = []
    for item in source.agenda_items.filter(pk__in=item_ids).prefetch_related("topics",
                                                                            "projects"):
        copy = AgendaItem(meeting=target)
        copies.append(agenda_item_save(item=copy, fields={
            "title": item.title, "description": item.description,
            "presenter": item.presenter, "duration_minutes": item.duration_minutes,
            "topics": list(item.topics.all()), "projects": list(item.projects.all())}, by=by))
    return copies


def document_add(*, meeting: Meeting, title: str, file, by: User) -> MeetingDocument:
    _require_coordinator(by)
    return MeetingDocument.objects.create(meeting=meeting, title=title, file=file,
                                          uploaded_by=by)
