"""Registering for a meeting, withdrawing, the waiting list, and recording who came."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from members.models import User

from ..enums import RegistrationStatus
from ..models import Guest, Meeting, Registration
from ..notices import moved_up_notify
from ..rules import check_state


def meeting_lock(meeting: Meeting) -> Meeting:
    """Lock the meeting's row until the end of the transaction and return it as stored.
    Everything that counts places or depends on the meeting's state takes this lock."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _registered_count(meeting: Meeting) -> int:
    return meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def registration_register(*, meeting: Meeting, user: User, mode: str) -> Registration:
    """Register (or change the mode); over capacity the person goes on the waiting list."""
    permission_check(user, "meetings.take_part", meeting)
    with transaction.atomic():
        meeting = meeting_lock(meeting)
        check_state(user, "meetings.register", meeting)
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
    permission_check(user, "meetings.take_part", meeting)
    with transaction.atomic():
        meeting = meeting_lock(meeting)
        check_state(user, "meetings.register", meeting,
                    _("Die Anmeldefrist ist abgelaufen; Änderungen sind nicht mehr möglich."))
        registration, _created = Registration.objects.get_or_create(
            meeting=meeting, user=user, defaults={"status": RegistrationStatus.DECLINED})
        was_registered = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.DECLINED
        registration.status_changed_at = timezone.now()
        registration.save()
        if was_registered:
            waiting_list_move_up(meeting)
    return registration


def waiting_list_move_up(meeting: Meeting) -> list[Registration]:
    """Give free places to the waiting list in the order people asked; the caller holds the
    meeting's lock. The people who moved up are told (with the .ics) in the same
    transaction. Returns the registrations that moved up."""
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
    moved_up_notify(meeting, moved)
    return moved


def attendance_record(*, meeting: Meeting, attended_user_ids: set[int], by: User,
                      walk_in_ids: Iterable[int] = (), guests_add: Iterable[tuple[str, str]] = (),
                      guests_keep: Iterable[int] | None = None) -> None:
    """Coordinators note who came; registered people not ticked count as absent. Walk-ins
    (member staff who did not register, the coordinator too) are added as attended, guests
    from outside the network with name and organisation; guests not kept are removed."""
    walk_ins = set(walk_in_ids)
    attended_user_ids = set(attended_user_ids) | walk_ins
    with transaction.atomic():
        # Registering locks the meeting as well, so nobody registers between reading the
        # registrations and adding those who came unregistered (one per person).
        meeting = meeting_lock(meeting)
        check_state(by, "meetings.record_attendance", meeting)
        for registration in meeting.registrations.all():
            if registration.status == RegistrationStatus.DECLINED:
                if registration.user_id not in walk_ins:
                    continue
                # Said no, came anyway: on the list as registered and present.
                registration.status = RegistrationStatus.REGISTERED
                registration.status_changed_at = timezone.now()
            registration.attended = registration.user_id in attended_user_ids
            registration.save(update_fields=["attended", "status", "status_changed_at"])
        for user_id in attended_user_ids - set(
                meeting.registrations.values_list("user_id", flat=True)):
            Registration.objects.create(meeting=meeting, user_id=user_id, attended=True)
        if guests_keep is not None:
            meeting.guests.exclude(pk__in=set(guests_keep)).delete()
        present = {(guest.name, guest.organisation) for guest in meeting.guests.all()}
        for name, organisation in guests_add:
            if (name, organisation) not in present:
                present.add((name, organisation))
                Guest(meeting=meeting, name=name, organisation=organisation).full_clean()
                Guest.objects.create(meeting=meeting, name=name, organisation=organisation)
