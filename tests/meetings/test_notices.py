"""Notices that were missing: moving up from the waiting list, a new date, time or place of
an invited meeting, and being made responsible for an action item (or a new due date).
Mails are checked as Django sends them (`mail.outbox`, the outbox runs in-process), with
the .ics attachment's SEQUENCE; each event is mailed exactly once."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.models import Reminder
from meetings.enums import MeetingState, MinutesState, RegistrationStatus
from meetings.models import ActionItem, Meeting, Minutes, Registration
from meetings.notices import meeting_change_notify, moved_up_notify
from meetings.reminders import reminders_dispatch
from meetings.services.action_items import action_item_save
from meetings.services.meetings import meeting_save
from meetings.services.minutes import minutes_publish
from meetings.services.registrations import waiting_list_move_up
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.test_reminders import BERLIN, START, mails_to, make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return AdministrationFactory(name="Landkreis Cochem-Zell", short_name="COC")


@pytest.fixture
def office(member):
    return UserFactory(administration=member, role="coordinator", email="koordination@example.org")


def ics_of(message) -> str:
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    return content


def sequence_in(ics: str) -> int:
    [line] = [line for line in ics.splitlines() if line.startswith("SEQUENCE:")]
    return int(line.partition(":")[2])


def register(meeting, user, status=RegistrationStatus.REGISTERED) -> Registration:
    return Registration.objects.create(meeting=meeting, user=user, status=status)


# --- moving up from the waiting list ---------------------------------------------------

def test_moving_up_after_a_withdrawal_is_told_with_the_ics_once(
        client, member, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), capacity=1, starts_at=timezone.now()
                           + timedelta(days=20))
    leaving = UserFactory(administration=member)
    waiting = UserFactory(administration=member, first_name="Wanda", last_name="Warteliste")
    register(meeting, leaving)
    registration = register(meeting, waiting, RegistrationStatus.WAITING)
    client.force_login(leaving)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:decline", args=[meeting.pk]))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    (message,) = mail.outbox
    assert message.to == [waiting.email]
    assert message.subject.startswith("[Kreishaus] Sie sind nachgerückt: Arbeitskreis E-Akte am ")
    assert message.body.startswith("Guten Tag Wanda Warteliste,\n")
    assert "Sie sind nachgerückt: Für die Sitzung „Arbeitskreis E-Akte“ ist ein Platz frei " \
           "geworden." in message.body
    ics = ics_of(message)
    assert "SUMMARY:Arbeitskreis E-Akte" in ics
    assert sequence_in(ics) == meeting.sequence
    # The same event again (a re-run) mails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        assert moved_up_notify(meeting, [registration]) == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.filter(recipient=waiting, kind__startswith="moved_up_").count() == 1


def test_moving_up_by_more_places_tells_each_person_once(
        member, office, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), capacity=1)
    register(meeting, UserFactory(administration=member))
    first, second, third = (UserFactory(administration=member) for _ in range(3))
    for user in (first, second, third):
        register(meeting, user, RegistrationStatus.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=meeting, fields={"capacity": 3}, by=office)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=Meeting.objects.get(pk=meeting.pk), fields={"capacity": 3},
                     by=office)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    assert mails_to(third) == []
    assert all(m.subject.startswith("[Kreishaus] Sie sind nachgerückt") for m in mail.outbox)


def test_moving_up_for_a_planned_meeting_sends_nothing(member, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), state=MeetingState.PLANNED, capacity=1)
    registration = register(meeting, UserFactory(administration=member), RegistrationStatus.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        assert waiting_list_move_up(meeting) == [registration]

    assert mail.outbox == []


# --- date, time or place of an invited meeting -----------------------------------------

def form_data(meeting, **changes) -> dict:
    local = {name: timezone.localtime(getattr(meeting, name)).strftime("%Y-%m-%dT%H:%M")
             for name in ("starts_at", "ends_at")}
    return {"title": meeting.title, "format": meeting.format, "location": meeting.location,
            "online_link": meeting.online_link, "host": "", "capacity": "",
            "registration_deadline": "", **local, **changes}


def test_new_date_mails_registered_with_raised_sequence_and_waiting_list_without(
        client, member, office, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), capacity=1)
    registered = UserFactory(administration=member, first_name="Rolf", last_name="Angemeldet")
    waiting = UserFactory(administration=member)
    declined = UserFactory(administration=member)
    uninvolved = UserFactory(administration=member)
    register(meeting, registered)
    register(meeting, waiting, RegistrationStatus.WAITING)
    register(meeting, declined, RegistrationStatus.DECLINED)
    sequence_before = meeting.sequence
    client.force_login(office)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:edit", args=[meeting.pk]), form_data(
            meeting, starts_at="2099-03-10T13:00", ends_at="2099-03-10T15:30", capacity="1"))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime(2099, 3, 10, 13, 0, tzinfo=BERLIN)
    assert meeting.sequence == sequence_before + 1
    (message,) = mails_to(registered)
    assert message.subject == "[Kreishaus] Geändert: Arbeitskreis E-Akte, jetzt am 10. März 2099"
    assert "Termin: Dienstag, 10. März 2099, 13:00–15:30 Uhr\n" \
           "bisher: Dienstag, 3. März 2099, 10:00–12:00 Uhr" in message.body
    assert "Ihre Anmeldung gilt weiter." in message.body
    ics = ics_of(message)
    assert sequence_in(ics) == sequence_before + 1
    assert "DTSTART:20990310T120000Z" in ics
    (note,) = mails_to(waiting)
    assert note.attachments == []
    assert "Sie stehen weiterhin auf der Warteliste" in note.body
    assert mails_to(declined) == mails_to(uninvolved) == []
    # The same change told again (a re-run) mails nobody.
    before = Meeting.objects.get(pk=meeting.pk)
    before.starts_at = START
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_change_notify(before, meeting) == 0
    assert len(mail.outbox) == 2


def test_new_place_is_told_and_other_edits_are_not(member, office,
                                                  django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member))
    person = UserFactory(administration=member)
    register(meeting, person)

    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=meeting, fields={"title": "Arbeitskreis E-Akte (2. Termin)",
                                              "capacity": 40}, by=office)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=Meeting.objects.get(pk=meeting.pk),
                     fields={"location": "Kreisverwaltung, Sitzungssaal 2"}, by=office)
    (message,) = mail.outbox
    assert "Ort: Präsenz, Kreisverwaltung, Sitzungssaal 2\n" \
           "bisher: Präsenz, Kreishaus, Raum 101" in message.body
    assert "LOCATION:Kreisverwaltung\\, Sitzungssaal 2" in ics_of(message)
    assert sequence_in(ics_of(message)) == 2


def test_changing_a_planned_meeting_mails_nobody(member, office,
                                                django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), state=MeetingState.PLANNED)
    register(meeting, UserFactory(administration=member))

    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=meeting, fields={"starts_at": START + timedelta(days=1),
                                              "ends_at": START + timedelta(days=1, hours=2)},
                     by=office)

    assert mail.outbox == []


def test_a_change_notice_is_dropped_when_the_meeting_is_cancelled_before_sending(
        member, office):
    meeting = make_meeting(make_group(member))
    register(meeting, UserFactory(administration=member))
    meeting_save(meeting=meeting, fields={"location": "Neuer Raum"}, by=office)  # not sent yet
    Meeting.objects.filter(pk=meeting.pk).update(state=MeetingState.CANCELLED)

    from common.outbox import mail_send
    reminder = Reminder.objects.get(kind__startswith="changed_")
    mail_send(reminder.mail_id)

    reminder.mail.refresh_from_db()
    assert reminder.mail.last_error == "Nicht versandt: Die Sitzung ist abgesagt oder vorbei."
    assert mail.outbox == []


# --- action items: made responsible, new due date --------------------------------------

@pytest.fixture
def published(member):
    meeting = make_meeting(make_group(member), state=MeetingState.MINUTES_PUBLISHED,
                           starts_at=timezone.now() - timedelta(days=12))
    # Published more than a week ago: its own notice to the group is no longer due.
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=timezone.now() - timedelta(days=10))
    return meeting


def item_data(**fields) -> dict:
    return {"title": "Musterdienstanweisung E-Akte abstimmen", "description": "",
            "responsible_administration": "", "responsible_user": "", "due_date": "",
            "status": "open", **fields}


def test_person_made_responsible_is_told_with_due_date_and_link_once(
        client, member, office, published, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://kreishaus.example.org"
    person = UserFactory(administration=member, first_name="Paul", last_name="Pflicht")
    client.force_login(office)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:action_create", args=[published.pk]),
                               item_data(responsible_user=person.pk, due_date="2099-05-04"))

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "[Kreishaus] Neue Aufgabe: Musterdienstanweisung E-Akte abstimmen"
    assert "Sie sind jetzt für die folgende Aufgabe zuständig:" in message.body
    assert "Fällig am: Montag, 4. Mai 2099" in message.body
    link = f"https://kreishaus.example.org/sitzungen/{published.pk}/#aufgaben"
    assert link in message.body
    assert f'<a href="{link}">' in message.alternatives[0][0]
    assert "abbestellen" in message.body  # it can be switched off
    # A re-run of the dispatch sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_dispatch() == 0
    assert len(mail.outbox) == 1
    # In the app too, once: the bell of the person responsible.
    from notifications.models import Notification

    (notice,) = Notification.objects.filter(user=person)
    assert notice.personal and notice.title == (
        "Aufgabe für Sie: Musterdienstanweisung E-Akte abstimmen")
    assert notice.url == f"/sitzungen/{published.pk}/#aufgaben"


def test_new_due_date_is_told_unrelated_edits_are_not(
        member, office, published, django_capture_on_commit_callbacks):
    person = UserFactory(administration=member)
    item = ActionItem(meeting=published)
    with django_capture_on_commit_callbacks(execute=True):
        action_item_save(item=item, fields={"title": "Leitfaden", "responsible_user": person,
                                            "due_date": date(2099, 5, 4)}, by=office)
    with django_capture_on_commit_callbacks(execute=True):
        action_item_save(item=ActionItem.objects.get(pk=item.pk),
                         fields={"title": "Leitfaden schreiben", "description": "Entwurf"},
                         by=office)
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        action_item_save(item=ActionItem.objects.get(pk=item.pk),
                         fields={"due_date": date(2099, 6, 1)}, by=office)

    assert len(mail.outbox) == 2
    message = mail.outbox[1]
    assert message.subject == "[Kreishaus] Aufgabe geändert: Leitfaden schreiben"
    assert "eine Aufgabe, für die Sie zuständig sind, wurde geändert:" in message.body
    assert "Fällig am: Montag, 1. Juni 2099" in message.body


def test_responsible_administration_tells_its_editors_unless_muted(
        member, office, published, django_capture_on_commit_callbacks):
    other = AdministrationFactory(name="Landkreis Vulkaneifel")
    published.working_group.members.add(other)
    editor = UserFactory(administration=other, role="editor")
    muted = UserFactory(administration=other, role="editor", muted_reminders=["action_assigned"])
    reader = UserFactory(administration=other, role="reader")

    with django_capture_on_commit_callbacks(execute=True):
        action_item_save(item=ActionItem(meeting=published), fields={
            "title": "Schnittstelle testen", "responsible_administration": other}, by=office)

    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert "Landkreis Vulkaneifel ist jetzt für die folgende Aufgabe zuständig:" in message.body
    assert "Ohne Fälligkeitsdatum." in message.body
    assert mails_to(muted) == mails_to(reader) == []


def test_items_of_draft_minutes_are_told_when_the_minutes_are_published(
        member, office, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member), state=MeetingState.HELD,
                           starts_at=timezone.now() - timedelta(days=2))
    person = UserFactory(administration=member)
    with django_capture_on_commit_callbacks(execute=True):
        action_item_save(item=ActionItem(meeting=meeting), fields={
            "title": "Leitfaden", "responsible_user": person}, by=office)
    assert mails_to(person) == []

    with django_capture_on_commit_callbacks(execute=True):
        minutes_publish(meeting=meeting, by=office)

    subjects = [m.subject for m in mails_to(person)]
    assert subjects.count("[Kreishaus] Neue Aufgabe: Leitfaden") == 1


def test_existing_items_are_not_told_after_the_update(member, published):
    """Items from before this notice existed (notice_sequence 0) send nothing."""
    ActionItem.objects.create(meeting=published, title="Alt",
                              responsible_user=UserFactory(administration=member))

    assert reminders_dispatch() == 0


def test_feed_and_download_carry_the_sequence_of_the_mailed_ics(
        client, member, office, django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(member))
    person = UserFactory(administration=member)
    register(meeting, person)

    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=meeting, fields={"location": "Neuer Raum"}, by=office)

    (message,) = mails_to(person)
    mailed = sequence_in(ics_of(message))
    feed = client.get(reverse("meetings:feed", args=[person.calendar_token])).content.decode()
    client.force_login(person)
    download = client.get(reverse("meetings:ics", args=[meeting.pk])).content.decode()
    assert mailed == sequence_in(feed) == sequence_in(download) == 1
