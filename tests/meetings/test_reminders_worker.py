"""Reminders through a real Celery worker and a real Redis, counted in the mails the worker
actually wrote (Django's file backend), including a worker killed in the middle."""

import email
import email.policy
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from common.tasks import mails_requeue_stale
from kreishaus.tasks import ping_database
from meetings.enums import MeetingState
from meetings.reminders import reminders_dispatch
from meetings.tasks import reminders_dispatch as reminders_dispatch_task
from tests.factories import AdministrationFactory, UserFactory

from .test_reminders import make_group, make_meeting, register

pytestmark = pytest.mark.worker


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    path = tmp_path / "mails"
    path.mkdir()
    return path


@pytest.fixture
def celery_worker_env(mail_dir):
    return {
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        # The outbox's requeue beat task takes every queued mail at once, so the test need
        # not wait ten minutes for the task the killed worker took with it.
        "OUTBOX_REQUEUE_AFTER_SECONDS": "0",
    }


def sent_mails(mail_dir: Path) -> list[email.message.Message]:
    """Every message the worker wrote; the file backend separates them with 79 dashes."""
    messages = []
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


def wait_until(condition, timeout: float = 60, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError("timed out")


def all_sent() -> bool:
    return not OutgoingMail.objects.filter(state=MailState.QUEUED).exists()


def drain() -> None:
    """The worker takes tasks in order, so a round trip means it has done all before it."""
    ping_database.delay("barrier").get(timeout=60)


def test_worker_sends_due_reminders_exactly_once_and_nothing_on_a_second_beat(
        celery_worker_process, mail_dir):
    member = AdministrationFactory()
    people = UserFactory.create_batch(6, administration=member)
    group = make_group(member)
    starts = timezone.now() + timedelta(days=10)  # past the 14-day point, before the 1-day one
    meeting = make_meeting(group, starts_at=starts, title="Sitzung im Plan")
    for person in people[:2]:
        register(meeting, person)
    cancelled = make_meeting(group, starts_at=starts, title="Abgesagte Sitzung",
                             state=MeetingState.CANCELLED, cancel_reason="Raum fehlt")
    register(cancelled, people[5])
    make_meeting(group, starts_at=timezone.now() - timedelta(minutes=30), title="Läuft schon")

    assert reminders_dispatch_task.delay().get(timeout=60) == 6 + 6 + 1
    wait_until(all_sent)
    assert reminders_dispatch_task.delay().get(timeout=60) == 0  # beat fires again
    assert reminders_dispatch_task.delay().get(timeout=60) == 0
    drain()

    messages = sent_mails(mail_dir)
    with translation.override("de"):
        day = date_format(timezone.localtime(starts), "j. F Y")
    expected = Counter()
    for index, person in enumerate(people):
        reminder = "Erinnerung" if index < 2 else "Bitte melden Sie sich an oder ab"
        expected[(person.email, f"[Kreishaus] Einladung: Sitzung im Plan am {day}")] += 1
        expected[(person.email, f"[Kreishaus] {reminder}: Sitzung im Plan am {day}")] += 1
    expected[(people[5].email, f"[Kreishaus] Abgesagt: Abgesagte Sitzung am {day}")] += 1
    assert Counter((message["To"], message["Subject"]) for message in messages) == expected
    assert len(messages) == 13
    assert not any("Läuft schon" in message["Subject"] for message in messages)
    assert celery_worker_process.poll() is None


def test_worker_killed_mid_batch_loses_no_mail_and_doubles_none(
        celery_worker_process, celery_worker_spawn, mail_dir):
    member = AdministrationFactory()
    people = UserFactory.create_batch(200, administration=member)
    make_meeting(make_group(member, reminder_days=[]),
                 starts_at=timezone.now() + timedelta(days=20), title="Große Runde")

    # The beat task's work, done here: 200 reminder rows and mails, 200 tasks in Redis.
    assert reminders_dispatch() == 200
    wait_until(lambda: OutgoingMail.objects.filter(state=MailState.SENT).count() >= 40,
               interval=0.005)
    celery_worker_process.kill()  # SIGKILL: no cleanup, no acknowledgement
    celery_worker_process.wait(timeout=10)
    sent_at_kill = OutgoingMail.objects.filter(state=MailState.SENT).count()
    assert sent_at_kill < 200, "the worker must die in the middle of the batch"

    celery_worker_spawn()
    # The next beats: nothing new is due, and the outbox's requeue enqueues the mails the
    # dead worker held (and every other queued one; sending skips those already sent).
    assert reminders_dispatch_task.delay().get(timeout=60) == 0
    mails_requeue_stale.delay().get(timeout=60)
    wait_until(all_sent)
    drain()

    per_person = Counter(message["To"] for message in sent_mails(mail_dir))
    assert per_person == Counter({person.email: 1 for person in people})
    assert Reminder.objects.count() == OutgoingMail.objects.count() == 200
    assert OutgoingMail.objects.filter(state=MailState.SENT, attempts=1).count() == 200
