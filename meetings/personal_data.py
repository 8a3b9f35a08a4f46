"""What meetings holds about a person, and how it is removed (registered with
common.personal_data in MeetingsConfig.ready()).

Registrations for meetings still to come are withdrawn (the waiting list moves up); past
registrations and attendance, minutes, decisions, action items and documents stay, and
name the person by the pseudonym their account gets (members.personal_data). Guests from
outside the network have no account: they are recorded by name and organisation only,
appear in the data of an account with the same full name and are pseudonymised with it;
a guest who asks otherwise is removed from the attendance page (or the admin).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register
from members.services.removal import removal_pseudonym

from .enums import RegistrationStatus
from .models import (
    ActionItem,
    AgendaItem,
    Guest,
    MeetingDocument,
    Minutes,
    MinutesRevision,
    Registration,
)
from .services.registrations import meeting_lock, waiting_list_move_up


def _meeting(meeting) -> dict:
    return {_("Sitzung"): meeting.title, _("Beginn"): iso(meeting.starts_at)}


def _presented(user):
    """Agenda items whose presenter is the person, typed as their full name."""
    name = user.get_full_name().strip()
    if not name:
        return AgendaItem.objects.none()
    return AgendaItem.objects.filter(presenter__iexact=name).select_related("meeting")


def _as_guest(user):
    """Attendance as a guest under the person's full name (e.g. before they had an
    account): guests are recorded by name only."""
    name = user.get_full_name().strip()
    if not name:
        return Guest.objects.none()
    return Guest.objects.filter(name__iexact=name).select_related("meeting")


def collect(user) -> dict:
    return {
        _("Anmeldungen und Anwesenheit"): [
            {**_meeting(registration.meeting),
             _("Status"): registration.get_status_display(),
             _("Teilnahme"): registration.get_mode_display(),
             _("anwesend"): registration.attended,
             _("Angemeldet am"): iso(registration.created_at)}
            for registration in Registration.objects.filter(user=user)
            .select_related("meeting").order_by("meeting__starts_at", "pk")],
        _("Aufgaben, für die Sie zuständig sind oder waren"): [
            {_("Aufgabe"): item.title, **_meeting(item.meeting),
             _("Fällig am"): iso(item.due_date), _("Status"): item.get_status_display()}
            for item in ActionItem.objects.filter(responsible_user=user)
            .select_related("meeting").order_by("meeting__starts_at", "pk")],
        _("Protokolle, die Sie veröffentlicht haben"): [
            {**_meeting(minutes.meeting), _("Veröffentlicht am"): iso(minutes.published_at)}
            for minutes in Minutes.objects.filter(published_by=user)
            .select_related("meeting").order_by("meeting__starts_at")],
        _("Berichtigungen von Protokollen"): [
            {**_meeting(revision.minutes.meeting), _("Berichtigt am"): iso(revision.created_at),
             _("Grund"): revision.reason}
            for revision in MinutesRevision.objects.filter(created_by=user)
            .select_related("minutes__meeting").order_by("created_at")],
        _("Tagesordnungspunkte, die Sie vorstellen"): [
            {**_meeting(item.meeting), _("Tagesordnungspunkt"): item.title}
            for item in _presented(user).order_by("meeting__starts_at", "order")],
        _("Teilnahme als Gast (unter Ihrem Namen erfasst)"): [
            {**_meeting(guest.meeting), _("Name"): guest.name,
             _("Organisation"): guest.organisation}
            for guest in _as_guest(user).order_by("meeting__starts_at", "pk")],
        _("Sitzungsunterlagen, die Sie hochgeladen haben"): [
            {_("Titel"): document.title, **_meeting(document.meeting),
             _("Hochgeladen am"): iso(document.uploaded_at)}
            for document in MeetingDocument.objects.filter(uploaded_by=user)
            .select_related("meeting").order_by("uploaded_at")],
    }


def erase(user) -> None:
    now = timezone.now()
    future = (Registration.objects.filter(user=user, meeting__starts_at__gt=now)
              .select_related("meeting").order_by("meeting_id"))
    for registration in future:
        with transaction.atomic():
            meeting = meeting_lock(registration.meeting)
            was_registered = registration.status == RegistrationStatus.REGISTERED
            registration.delete()
            if was_registered:
                waiting_list_move_up(meeting)
    pseudonym = removal_pseudonym(user.administration)
    for item in _presented(user):
        item.presenter = pseudonym
        item.save(update_fields=["presenter"])  # reindexes the meeting
    _as_guest(user).update(name=pseudonym, organisation="")


def register() -> None:
    """Called once from MeetingsConfig.ready()."""
    personal_data_register("meetings", label=gettext_lazy("Sitzungen"), collect=collect,
                           erase=erase, order=20)
