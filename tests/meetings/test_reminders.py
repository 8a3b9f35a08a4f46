"""Reminders derived from the database (meetings.reminders), sent in-process.

Meetings lie in 2099 so that dates in subjects are fixed and the outbox, which checks the
real clock before sending, still finds them in the future; `reminders_dispatch(now=…)`
is asked about the moment under test.
"""

import itertools
import threading
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from kreishaus.celery import app as celery_app
from meetings.enums import ActionItemStatus, MeetingState, MinutesState, RegistrationStatus
from meetings.ical import meeting_ics
from meetings.models import ActionItem, Decision, Meeting, Minutes, Registration, WorkingGroup
from meetings.reminders import reminders_dispatch
from meetings.services.meetings import meeting_transition
from meetings.services.minutes import minutes_publish
from meetings.tasks import reminders_dispatch as task
from tests.factories import AdministrationFactory, UserFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2099, 3, 3, 10, 0, tzinfo=BERLIN)  # a Tuesday
END = START + timedelta(hours=2)
TITLE = "Arbeitskreis E-Akte"
_numbers = itertools.count(1)


# --- helpers (shared with test_reminders_worker) -----------------------------------------

def make_group(*members, coordinating=None, reminder_days=(14, 1)) -> WorkingGroup:
    number = next(_numbers)
    group = WorkingGroup.objects.create(
        name=f"AG Digitale Verwaltung {number}", slug=f"ag-digitale-verwaltung-{number}",
        coordinating_administration=coordinating, reminder_days=list(reminder_days),
    )
    group.members.set(members)
    return group


def make_meeting(group, *, starts_at=START, state=MeetingState.INVITED, invited_at=None,
                 title=TITLE, **fields) -> Meeting:
    return Meeting.objects.create(
        working_group=group, title=title, starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2), state=state,
        invited_at=invited_at or starts_at - timedelta(days=40),
        location="Kreishaus, Raum 101", **fields,
    )


def register(meeting, user, status=RegistrationStatus.REGISTERED) -> Registration:
    return Registration.objects.create(meeting=meeting, user=user, status=status)


def make_action_item(meeting, due_date, **fields) -> ActionItem:
    return ActionItem.objects.create(
        meeting=meeting, title="Musterdienstanweisung E-Akte abstimmen", due_date=due_date,
        **fields)


def at(day: date) -> datetime:
    return datetime.combine(day, time(8, 0), tzinfo=BERLIN)


def mails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def kinds_of(user) -> list[str]:
    return sorted(Reminder.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Dispatch as the beat task does and send what it queued (Celery runs in-process)."""

    def run(now: datetime) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_dispatch(now)

    return run


@pytest.fixture
def member():
    return AdministrationFactory(name="Landkreis Cochem-Zell")


# --- invitations -------------------------------------------------------------------------

def test_invitation_sent_once_to_active_staff_of_members_and_coordinating_office(run, member):
    former = AdministrationFactory(member_until=date(2021, 1, 1))
    office = AdministrationFactory()
    outsider = AdministrationFactory()
    alice = UserFactory(administration=member)
    UserFactory(administration=member, is_active=False)
    UserFactory(administration=former)
    kim = UserFactory(administration=office, role="coordinator")
    UserFactory(administration=outsider)
    make_meeting(make_group(member, former, coordinating=office))

    assert run(START - timedelta(days=30)) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([alice.email, kim.email])

    assert run(START - timedelta(days=29)) == 0
    assert run(START - timedelta(days=29)) == 0
    assert len(mail.outbox) == 2
    assert Reminder.objects.filter(kind="invitation").count() == 2


def test_invitation_mail_is_german_plain_and_html_with_absolute_link(run, member, settings):
    settings.SITE_URL = "https://kreishaus.example.org"
    UserFactory(administration=member, first_name="Erika", last_name="Mustermann")
    meeting = make_meeting(make_group(member))

    run(START - timedelta(days=30))

    (message,) = mail.outbox
    link = "https://kreishaus.example.org" + reverse("meetings:detail", args=[meeting.pk])
    assert message.subject == "[Kreishaus] Einladung: Arbeitskreis E-Akte am 3. März 2099"
    assert message.body.startswith("Guten Tag Erika Mustermann,\n")
    assert "Wann: Dienstag, 3. März 2099, 10:00–12:00 Uhr" in message.body
    assert "Ort: Kreishaus, Raum 101" in message.body
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="de">' in html
    assert f'<a href="{link}">' in html
    # Invitations cannot be switched off, so they do not offer it.
    assert "abbestellen" not in message.body
    assert message.extra_headers["Message-ID"].endswith("@kreishaus.example.org>")


def test_invitation_carries_ics_attachment(run, member):
    UserFactory(administration=member)
    meeting = make_meeting(make_group(member))

    run(START - timedelta(days=30))

    (message,) = mail.outbox
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == (f"sitzung-{meeting.pk}.ics", "text/calendar")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in content
    assert TITLE in content
    assert content.splitlines()[:3] == meeting_ics(meeting).splitlines()[:3]


def test_publishing_a_meeting_sends_invitations_at_once(member, django_capture_on_commit_callbacks):
    coordinator = UserFactory(administration=member, role="coordinator")
    reader = UserFactory(administration=member)
    meeting = make_meeting(make_group(member), state=MeetingState.PLANNED)

    with django_capture_on_commit_callbacks(execute=True):
        meeting_transition(meeting=meeting, to=MeetingState.INVITED, by=coordinator)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([coordinator.email, reader.email])
    assert {m.subject for m in mail.outbox} == {
        "[Kreishaus] Einladung: Arbeitskreis E-Akte am 3. März 2099"}


# --- reminders before a meeting ----------------------------------------------------------

def test_meeting_reminder_goes_to_registered_and_unanswered_once(run, member):
    registered = UserFactory(administration=member)
    waiting = UserFactory(administration=member)
    declined = UserFactory(administration=member)
    unanswered = UserFactory(administration=member)
    guest = UserFactory()  # from an administration outside the group, but registered
    meeting = make_meeting(make_group(member))
    register(meeting, registered)
    register(meeting, waiting, RegistrationStatus.WAITING)
    register(meeting, declined, RegistrationStatus.DECLINED)
    register(meeting, guest)
    run(START - timedelta(days=30))
    mail.outbox.clear()

    assert run(START - timedelta(days=14) + timedelta(hours=1)) == 3

    assert {m.to[0]: m.subject for m in mail.outbox} == {
        registered.email: "[Kreishaus] Erinnerung: Arbeitskreis E-Akte am 3. März 2099",
        guest.email: "[Kreishaus] Erinnerung: Arbeitskreis E-Akte am 3. März 2099",
        unanswered.email: "[Kreishaus] Bitte melden Sie sich an oder ab: Arbeitskreis E-Akte "
                          "am 3. März 2099",
    }
    assert len(mail.outbox) == 3
    assert run(START - timedelta(days=13)) == 0
    assert len(mail.outbox) == 3
    assert kinds_of(waiting) == ["invitation"]
    assert kinds_of(declined) == ["invitation"]


def test_meeting_reminder_mail_offers_switching_it_off(run, member, settings):
    settings.SITE_URL = "https://kreishaus.example.org"
    UserFactory(administration=member)
    meeting = make_meeting(make_group(member), invited_at=START - timedelta(days=20))

    run(START - timedelta(days=14))

    reminder = next(m for m in mail.outbox if "Bitte melden Sie sich" in m.subject)
    link = "https://kreishaus.example.org" + meeting.get_absolute_url()
    assert "noch nicht an- oder abgemeldet" in reminder.body
    assert link in reminder.body
    assert "https://kreishaus.example.org/konto/benachrichtigungen/" in reminder.body
    html, _mimetype = reminder.alternatives[0]
    assert 'href="https://kreishaus.example.org/konto/benachrichtigungen/"' in html


def test_meeting_reminders_14_and_1_day_before_each_sent_once(run, member):
    person = UserFactory(administration=member)
    register(make_meeting(make_group(member)), person)

    for now in [START - timedelta(days=30), START - timedelta(days=14), START - timedelta(days=10),
                START - timedelta(days=1), START - timedelta(hours=3),
                START - timedelta(minutes=1)]:
        run(now)

    assert kinds_of(person) == ["invitation", "meeting_before_1", "meeting_before_14"]
    assert len(mails_to(person)) == 3


def test_meeting_reminder_days_come_from_the_working_group(run, member):
    person = UserFactory(administration=member)
    make_meeting(make_group(member, reminder_days=[7]))

    for days in (15, 14, 8, 7, 2, 1):
        run(START - timedelta(days=days))

    assert kinds_of(person) == ["invitation", "meeting_before_7"]


def test_late_run_still_sends_the_14_day_reminder_once_but_nothing_after_start(run, member):
    person = UserFactory(administration=member)
    make_meeting(make_group(member))

    assert run(START - timedelta(days=12)) == 2  # the worker was down for two days
    assert kinds_of(person) == ["invitation", "meeting_before_14"]
    assert run(START - timedelta(days=12) + timedelta(hours=1)) == 0

    assert run(START + timedelta(minutes=1)) == 0
    assert run(END + timedelta(days=1)) == 0
    assert len(mails_to(person)) == 2


def test_very_late_run_sends_only_the_closest_reminder(run, member):
    person = UserFactory(administration=member)
    make_meeting(make_group(member))

    run(START - timedelta(hours=12))

    assert kinds_of(person) == ["invitation", "meeting_before_1"]


def test_reminder_points_before_the_invitation_are_skipped(run, member):
    person = UserFactory(administration=member)
    make_meeting(make_group(member), invited_at=START - timedelta(days=10))

    run(START - timedelta(days=10) + timedelta(hours=1))
    assert kinds_of(person) == ["invitation"]

    run(START - timedelta(days=1))
    assert kinds_of(person) == ["invitation", "meeting_before_1"]


def test_muted_meeting_reminders_are_skipped_but_invitations_still_sent(run, member):
    muted = UserFactory(administration=member, muted_reminders=["meeting"])
    other_muted = UserFactory(administration=member, muted_reminders=["action_item"])
    make_meeting(make_group(member))

    run(START - timedelta(days=12))

    assert kinds_of(muted) == ["invitation"]
    assert [m.subject for m in mails_to(muted)] == [
        "[Kreishaus] Einladung: Arbeitskreis E-Akte am 3. März 2099"]
    assert kinds_of(other_muted) == ["invitation", "meeting_before_14"]


def test_no_reminder_for_a_meeting_that_already_started(run, member):
    UserFactory(administration=member)
    make_meeting(make_group(member))

    assert run(START + timedelta(minutes=5)) == 0
    assert mail.outbox == []
    assert Reminder.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_queue_each_reminder_once():
    administration = AdministrationFactory()
    people = UserFactory.create_batch(60, administration=administration)
    make_meeting(make_group(administration))
    barrier, counts, errors = threading.Barrier(3), [], []

    def beat():
        try:
            barrier.wait(10)
            counts.append(reminders_dispatch(START - timedelta(days=12)))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=beat) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(counts) == 120  # invitation and 14-day reminder for each of 60
    assert Reminder.objects.count() == OutgoingMail.objects.count() == 120
    assert sorted(m.to[0] for m in mail.outbox) == sorted([p.email for p in people] * 2)


# --- cancellations -------------------------------------------------------------------------

def test_cancelled_meeting_tells_registered_and_waiting_once_and_reminds_nobody(run, member):
    registered = UserFactory(administration=member)
    waiting = UserFactory(administration=member)
    declined = UserFactory(administration=member)
    unanswered = UserFactory(administration=member)
    meeting = make_meeting(make_group(member), state=MeetingState.CANCELLED,
                           cancel_reason="Die Referentin ist erkrankt.")
    register(meeting, registered)
    register(meeting, waiting, RegistrationStatus.WAITING)
    register(meeting, declined, RegistrationStatus.DECLINED)

    assert run(START - timedelta(days=14) + timedelta(hours=1)) == 2
    assert run(START - timedelta(days=1)) == 0

    assert sorted(m.to[0] for m in mail.outbox) == sorted([registered.email, waiting.email])
    message = mails_to(registered)[0]
    assert message.subject == "[Kreishaus] Abgesagt: Arbeitskreis E-Akte am 3. März 2099"
    assert "Grund der Absage: Die Referentin ist erkrankt." in message.body
    assert "abbestellen" not in message.body
    assert kinds_of(unanswered) == kinds_of(declined) == []


def test_cancellation_after_the_start_is_not_sent(run, member):
    person = UserFactory(administration=member)
    register(make_meeting(make_group(member), state=MeetingState.CANCELLED), person)

    assert run(START + timedelta(hours=1)) == 0
    assert mail.outbox == []


def test_queued_reminder_is_dropped_when_the_meeting_is_cancelled_before_sending(
        member, django_capture_on_commit_callbacks):
    UserFactory(administration=member)
    meeting = make_meeting(make_group(member))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reminders_dispatch(START - timedelta(days=30)) == 1
    Meeting.objects.filter(pk=meeting.pk).update(state=MeetingState.CANCELLED)

    for callback in callbacks:
        callback()

    assert mail.outbox == []
    assert list(OutgoingMail.objects.values_list("state", "last_error")) == [
        (MailState.FAILED, "Nicht versandt: Die Sitzung ist abgesagt oder vorbei.")]


def test_queued_reminder_is_dropped_once_the_meeting_has_started(
        member, django_capture_on_commit_callbacks):
    UserFactory(administration=member)
    starts = timezone.now() - timedelta(minutes=10)
    make_meeting(make_group(member), starts_at=starts)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        # Invitation and 1-day reminder queued the day before, but the mail server was
        # down until after the start.
        assert reminders_dispatch(starts - timedelta(days=1)) == 2

    for callback in callbacks:
        callback()

    assert mail.outbox == []
    assert list(OutgoingMail.objects.values_list("state", "last_error")) == [
        (MailState.FAILED, "Nicht versandt: Die Sitzung hat bereits begonnen.")] * 2


# --- action items --------------------------------------------------------------------------

@pytest.fixture
def held_meeting(member):
    return make_meeting(make_group(member), starts_at=START - timedelta(days=30),
                        state=MeetingState.HELD)


def test_action_due_reminder_three_days_before_once(run, member, held_meeting):
    person = UserFactory(administration=member)
    make_action_item(held_meeting, date(2099, 3, 4), responsible_user=person)

    assert run(at(date(2099, 2, 28))) == 0
    assert run(at(date(2099, 3, 1))) == 1
    assert run(at(date(2099, 3, 2))) == 0
    assert run(at(date(2099, 3, 3))) == 0

    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.subject == ("[Kreishaus] Aufgabe fällig am 4. März 2099: "
                               "Musterdienstanweisung E-Akte abstimmen")
    assert held_meeting.get_absolute_url() in message.body
    assert "/konto/benachrichtigungen/" in message.body
    assert kinds_of(person) == ["action_due"]


def test_overdue_action_item_reminded_once_per_week_while_open(run, member, held_meeting):
    person = UserFactory(administration=member)
    item = make_action_item(held_meeting, date(2099, 3, 4), responsible_user=person)

    assert run(at(date(2099, 3, 4))) == 0  # due today: neither coming up nor overdue
    assert run(at(date(2099, 3, 5))) == 1  # Thursday of ISO week 10
    assert run(at(date(2099, 3, 8))) == 0  # Sunday, same week
    assert run(at(date(2099, 3, 9))) == 1  # Monday of week 11
    assert run(at(date(2099, 3, 10))) == 0
    item.status = ActionItemStatus.DONE
    item.save()
    assert run(at(date(2099, 3, 16))) == 0

    assert kinds_of(person) == ["action_overdue_2099-W10", "action_overdue_2099-W11"]
    assert [m.subject for m in mail.outbox] == [
        "[Kreishaus] Aufgabe überfällig seit 4. März 2099: Musterdienstanweisung E-Akte "
        "abstimmen"] * 2


def test_queued_action_reminder_is_dropped_when_the_item_is_done_before_sending(
        member, held_meeting, django_capture_on_commit_callbacks):
    person = UserFactory(administration=member)
    item = make_action_item(held_meeting, date(2099, 3, 4), responsible_user=person)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reminders_dispatch(at(date(2099, 3, 2))) == 1
    ActionItem.objects.filter(pk=item.pk).update(status=ActionItemStatus.DONE)

    for callback in callbacks:
        callback()

    assert mail.outbox == []
    assert list(OutgoingMail.objects.values_list("state", "last_error")) == [
        (MailState.FAILED, "Nicht versandt: Die Aufgabe ist erledigt oder gelöscht.")]


def test_action_item_without_person_goes_to_the_editors_of_the_administration(
        run, member, held_meeting):
    responsible = AdministrationFactory()
    editor = UserFactory(administration=responsible, role="editor")
    coordinator_there = UserFactory(administration=responsible, role="coordinator")
    muted_editor = UserFactory(administration=responsible, role="editor",
                               muted_reminders=["action_item"])
    UserFactory(administration=responsible, role="reader")
    UserFactory(administration=responsible, role="editor", is_active=False)
    UserFactory(administration=member, role="editor")
    make_action_item(held_meeting, date(2099, 3, 4), responsible_administration=responsible)

    assert run(at(date(2099, 3, 2))) == 2

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [editor.email, coordinator_there.email])
    assert kinds_of(muted_editor) == []


def test_inactive_responsible_person_is_replaced_by_the_editors(run, member, held_meeting):
    responsible = AdministrationFactory()
    editor = UserFactory(administration=responsible, role="editor")
    gone = UserFactory(administration=responsible, is_active=False)
    make_action_item(held_meeting, date(2099, 3, 4), responsible_user=gone,
                     responsible_administration=responsible)

    run(at(date(2099, 3, 2)))

    assert [m.to for m in mail.outbox] == [[editor.email]]


# --- minutes -------------------------------------------------------------------------------

def test_missing_minutes_reminded_to_coordinators_after_3_and_7_days(run, member):
    coordinator = UserFactory(administration=member, role="coordinator")
    UserFactory(administration=member, role="coordinator", muted_reminders=["minutes"])
    UserFactory(administration=member, role="coordinator", is_active=False)
    UserFactory(administration=member, role="editor")
    meeting = make_meeting(make_group(member), state=MeetingState.HELD)
    Minutes.objects.create(meeting=meeting, summary="Entwurf")

    assert run(END + timedelta(days=2, hours=23)) == 0
    assert run(END + timedelta(days=3)) == 1
    assert run(END + timedelta(days=5)) == 0
    assert run(END + timedelta(days=7)) == 1
    assert run(END + timedelta(days=8)) == 0

    assert kinds_of(coordinator) == ["minutes_missing_3", "minutes_missing_7"]
    assert [m.to for m in mail.outbox] == [[coordinator.email]] * 2
    assert mail.outbox[0].subject == (
        "[Kreishaus] Protokoll fehlt: Arbeitskreis E-Akte vom 3. März 2099")
    assert "seit 3 Tagen vorbei" in mail.outbox[0].body
    assert "seit 7 Tagen vorbei" in mail.outbox[1].body


def test_missing_minutes_late_run_sends_only_the_7_day_reminder(run, member):
    coordinator = UserFactory(administration=member, role="coordinator")
    make_meeting(make_group(member), state=MeetingState.HELD)

    run(END + timedelta(days=9))

    assert kinds_of(coordinator) == ["minutes_missing_7"]


def test_no_missing_minutes_reminder_once_published(run, member):
    coordinator = UserFactory(administration=member, role="coordinator")
    meeting = make_meeting(make_group(member), state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=END + timedelta(days=1))

    run(END + timedelta(days=7))

    assert "minutes_missing_7" not in kinds_of(coordinator)


def test_published_minutes_notify_the_working_group_once(run, member):
    reader = UserFactory(administration=member)
    UserFactory()  # not in the group
    meeting = make_meeting(make_group(member), state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=END + timedelta(days=2))

    assert run(END + timedelta(days=2, hours=1)) == 1
    assert run(END + timedelta(days=3)) == 0

    (message,) = mail.outbox
    assert message.to == [reader.email]
    assert message.subject == (
        "[Kreishaus] Protokoll veröffentlicht: Arbeitskreis E-Akte vom 3. März 2099")
    assert "abbestellen" not in message.body


def test_minutes_published_long_ago_are_no_news(run, member):
    UserFactory(administration=member)
    meeting = make_meeting(make_group(member), state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=END + timedelta(days=2))

    assert run(END + timedelta(days=10)) == 0


def test_publishing_minutes_notifies_at_once(member, django_capture_on_commit_callbacks):
    coordinator = UserFactory(administration=member, role="coordinator")
    meeting = make_meeting(make_group(member), state=MeetingState.HELD)
    Decision.objects.create(meeting=meeting, wording="Die E-Akte wird eingeführt.")

    with django_capture_on_commit_callbacks(execute=True):
        minutes_publish(meeting=meeting, by=coordinator)

    assert [m.subject for m in mails_to(coordinator)] == [
        "[Kreishaus] Protokoll veröffentlicht: Arbeitskreis E-Akte vom 3. März 2099"]


# --- the task, the schedule, the cost ------------------------------------------------------

def test_beat_task_dispatches_and_is_scheduled(
        member, settings, django_capture_on_commit_callbacks):
    UserFactory(administration=member)
    make_meeting(make_group(member))

    with django_capture_on_commit_callbacks(execute=True):
        assert task.delay().get() == 1
        assert task.delay().get() == 0

    assert len(mail.outbox) == 1
    entry = settings.CELERY_BEAT_SCHEDULE["reminders-dispatch"]
    assert entry["task"] == task.name == "meetings.tasks.reminders_dispatch"
    assert entry["schedule"] == settings.REMINDER_INTERVAL_SECONDS
    assert task.name in celery_app.tasks


def test_dispatch_queries_do_not_grow_with_the_number_of_recipients(
        django_capture_on_commit_callbacks):
    """Selecting who is due is a fixed number of queries (9). Writing is a fixed number
    per (kind, object) whatever the number of recipients: INSERT the reminders, INSERT the
    mails, UPDATE the links, inside a savepoint, plus what the .ics needs. Sending is one
    task per mail and is not counted here."""

    def queries_for(recipients: int) -> int:
        administration = AdministrationFactory()
        UserFactory.create_batch(recipients, administration=administration)
        make_meeting(make_group(administration), title=f"Sitzung mit {recipients}")
        with CaptureQueriesContext(connection) as queries, \
                django_capture_on_commit_callbacks(execute=False):
            assert reminders_dispatch(START - timedelta(days=30)) == recipients
        return len(queries.captured_queries)

    few, many = queries_for(5), queries_for(50)

    assert few == many
    assert many <= 16
