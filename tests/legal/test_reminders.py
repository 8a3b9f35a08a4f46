"""The reminder about the one-month answer deadline of a feedback message (§ 12b BGG):
derived from the database by the beat task, one mail per active coordinator a week before
the deadline, exactly once however often beat fires, none for answered messages, and a
queued one dropped by the outbox if the message is answered before it leaves."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from common.models import OutgoingMail, Reminder
from common.reminders import reminder_expired_reason, reminder_kinds
from legal.enums import FeedbackState
from legal.reminders import FEEDBACK, feedback_reminders_dispatch
from legal.tasks import feedback_reminders_dispatch as task
from tests.factories import UserFactory
from tests.legal.helpers import feedback_make

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
RECEIVED = date(2099, 3, 10)  # answer due 10 April 2099


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BERLIN)


@pytest.fixture
def feedback():
    return feedback_make(message="Das Menü lässt sich mit der Tastatur nicht öffnen.",
                         received=RECEIVED, page_path="/mitglieder/")


def test_beat_schedule_runs_the_task():
    entries = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "legal.tasks.feedback_reminders_dispatch" in entries


def test_kind_offered_on_the_notification_settings():
    assert FEEDBACK in reminder_kinds()


def test_only_coordinators_are_offered_the_kind(client, coordinator, reader):
    client.force_login(reader)
    assert 'name="feedback"' not in client.get("/konto/benachrichtigungen/").content.decode()
    client.force_login(coordinator)
    assert 'name="feedback"' in client.get("/konto/benachrichtigungen/").content.decode()

    client.post("/konto/benachrichtigungen/", {"meeting": "on"})

    coordinator.refresh_from_db()
    assert "feedback" in coordinator.muted_reminders


def test_no_reminder_before_the_window(feedback, coordinator):
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 2))) == 0
    assert not OutgoingMail.objects.exists()


def test_reminder_exactly_once_when_beat_fires_twice(feedback, coordinator, reader):
    other = UserFactory(role="coordinator", first_name="Jonas")
    UserFactory(role="coordinator", is_active=False)
    now = at(date(2099, 4, 3))

    assert feedback_reminders_dispatch(now=now) == 2
    assert feedback_reminders_dispatch(now=now) == 0
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 9))) == 0  # later runs too

    mails = list(OutgoingMail.objects.order_by("to"))
    assert sorted(mail.to for mail in mails) == sorted([coordinator.email, other.email])
    assert Reminder.objects.filter(kind="feedback_due",
                                   object_key=f"feedback:{feedback.pk}").count() == 2
    mail = next(m for m in mails if m.to == coordinator.email)
    assert mail.subject == "[Kreishaus] Erinnerung: Rückmeldung bis 10.04.2099 beantworten"
    assert "Die Monatsfrist endet am 10.04.2099, in 7 Tagen." in mail.body_text
    assert "Das Menü lässt sich mit der Tastatur nicht öffnen." in mail.body_text
    assert f"{settings.SITE_URL}/rueckmeldungen/{feedback.pk}/" in mail.body_text
    assert f'href="{settings.SITE_URL}/rueckmeldungen/{feedback.pk}/"' in mail.body_html


def test_task_runs_the_same_dispatch(feedback, coordinator):
    # The task asks about "now"; a deadline long past is due at any time.
    feedback.answer_due = date(2020, 1, 1)
    feedback.save()
    assert task() == 1
    assert task() == 0
    mail = OutgoingMail.objects.get()
    assert mail.subject == ("[Kreishaus] Frist abgelaufen: Rückmeldung war bis 01.01.2020 zu "
                            "beantworten")


def test_late_beat_still_reminds_once(feedback, coordinator):
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 20))) == 1
    assert "ist am 10.04.2099 abgelaufen" in OutgoingMail.objects.get().body_text


def test_answered_message_is_not_reminded(feedback, coordinator):
    feedback.state, feedback.answered_at = FeedbackState.ANSWERED, timezone.now()
    feedback.save()
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 5))) == 0


def test_in_progress_message_is_reminded(feedback, coordinator):
    feedback.state = FeedbackState.IN_PROGRESS
    feedback.save()
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 5))) == 1


def test_queued_reminder_dropped_once_answered(feedback, coordinator):
    feedback_reminders_dispatch(now=at(date(2099, 4, 3)))
    reminder = Reminder.objects.get()
    assert reminder_expired_reason(reminder, timezone.now()) == ""
    feedback.state, feedback.answered_at = FeedbackState.ANSWERED, timezone.now()
    feedback.save()
    assert reminder_expired_reason(reminder, timezone.now()) == (
        "Nicht versandt: Die Rückmeldung ist beantwortet.")
    feedback.delete()
    assert reminder_expired_reason(reminder, timezone.now()) == (
        "Nicht versandt: Die Rückmeldung gibt es nicht mehr.")


def test_muted_coordinator_not_reminded(feedback, coordinator):
    coordinator.muted_reminders = [FEEDBACK.value]
    coordinator.save()
    assert feedback_reminders_dispatch(now=at(date(2099, 4, 3))) == 0
