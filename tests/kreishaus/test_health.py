"""/healthz and the dashboard's health panel: what the report says in each state of the
background (in-process, worker and beat alive, missing or late, broker down, outbox backlog),
with a real Redis and a real Celery worker for the heartbeat."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from common.enums import MailState
from common.health import HEARTBEAT_SECONDS, STALE_SECONDS, beat_task_intervals, heartbeat_write
from common.models import Heartbeat, OutgoingMail
from common.tasks import mails_requeue_stale
from kreishaus.celery import app as celery_app
from tests.celery_worker import _reset_celery_connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_broker(redis_url, settings):
    """The portal as production runs it: tasks go to a broker (a real Redis), not
    in-process. No worker is started."""
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=redis_url, task_always_eager=False)
    _reset_celery_connections()
    yield redis_url
    celery_app.conf.update(previous)
    _reset_celery_connections()


def _all_alive(ago: timedelta = timedelta(seconds=5)) -> None:
    at = timezone.now() - ago
    heartbeat_write("worker:celery@host-1", at)
    heartbeat_write("beat", at)
    for name in beat_task_intervals():
        heartbeat_write(f"task:{name}", at)


def _health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_healthz_in_process_is_ok_in_two_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        status, report = _health(client)

    assert status == 200
    assert report["status"] == "ok"
    assert report["database"] == "ok"
    assert report["broker"] == "in-process"
    assert report["worker"] == {"status": "in-process"}
    assert report["beat"] == {"status": "in-process"}
    assert report["tasks"]["reminders-dispatch"] == {"status": "in-process"}
    assert report["outbox"] == {"status": "ok", "queued": 0, "failed": 0,
                                "oldest_queued_seconds": None, "oldest_due_seconds": None}
    assert report["problems"] == []


def test_healthz_with_broker_but_no_worker_ever_is_degraded(client, with_broker):
    status, report = _health(client)

    assert status == 200
    assert report["status"] == "degraded"
    assert report["broker"] == "ok"
    assert report["worker"] == {"status": "missing", "last_seen": None, "age_seconds": None,
                                "count": 0}
    assert report["beat"]["status"] == "missing"
    assert report["tasks"]["reminders-dispatch"]["status"] == "never"
    assert report["problems"][:2] == ["worker", "beat"]
    assert "task:reminders-dispatch" in report["problems"]


def test_healthz_with_fresh_heartbeats_is_ok(client, with_broker):
    _all_alive()

    status, report = _health(client)

    assert status == 200
    assert report["status"] == "ok", report["problems"]
    assert report["worker"]["status"] == "ok"
    assert report["worker"]["count"] == 1
    assert 4 <= report["worker"]["age_seconds"] <= 7
    assert report["tasks"]["reminders-dispatch"]["status"] == "ok"
    assert report["tasks"]["reminders-dispatch"]["every_seconds"] == 600.0


def test_healthz_worker_silent_for_minutes_is_missing(client, with_broker):
    _all_alive()
    heartbeat_write("worker:celery@host-1", timezone.now() - timedelta(seconds=STALE_SECONDS + 1))

    status, report = _health(client)

    assert status == 200
    assert report["status"] == "degraded"
    assert report["worker"]["status"] == "missing"
    assert report["worker"]["count"] == 0
    assert report["problems"] == ["worker"]


def test_healthz_reminder_dispatch_late_when_beat_stopped_running_it(client, with_broker):
    _all_alive()
    # Twice the interval and a minute have passed since the last run: beat is late.
    heartbeat_write("task:reminders-dispatch", timezone.now() - timedelta(seconds=2 * 600 + 61))

    status, report = _health(client)

    assert status == 200
    assert report["tasks"]["reminders-dispatch"]["status"] == "late"
    assert report["tasks"]["reminders-dispatch"]["age_seconds"] == 1261
    assert report["problems"] == ["task:reminders-dispatch"]


def test_healthz_broker_unreachable_is_degraded(client, with_broker, tmp_path):
    _all_alive()
    celery_app.conf.broker_url = f"redis+socket://{tmp_path / 'nothing.sock'}"

    status, report = _health(client)

    assert status == 200
    assert report["broker"] == "unreachable"
    assert report["problems"] == ["broker"]


def test_healthz_outbox_backlog_counts_queued_failed_and_the_oldest(client, settings):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 600
    mail = {"to": "a@example.org", "subject": "Betreff", "body_text": "Text"}
    old = OutgoingMail.objects.create(**mail, state=MailState.QUEUED)
    OutgoingMail.objects.create(**mail, state=MailState.QUEUED)
    OutgoingMail.objects.create(**mail, state=MailState.FAILED)
    OutgoingMail.objects.create(**mail, state=MailState.SENT)
    OutgoingMail.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=800))

    status, report = _health(client)
    # Waiting less than the requeue delay and five minutes is no backlog yet.
    assert report["outbox"]["status"] == "ok"
    assert report["status"] == "ok"

    OutgoingMail.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=3600))
    status, report = _health(client)

    assert status == 200
    assert report["status"] == "degraded"
    assert report["problems"] == ["outbox"]
    outbox = report["outbox"]
    assert (outbox["status"], outbox["queued"], outbox["failed"]) == ("backlog", 2, 1)
    assert 3599 <= outbox["oldest_queued_seconds"] <= 3602
    assert 3599 <= outbox["oldest_due_seconds"] <= 3602


def test_healthz_a_mail_waiting_for_its_retry_time_is_no_backlog(client):
    OutgoingMail.objects.create(to="a@example.org", subject="S", body_text="T",
                                state=MailState.QUEUED,
                                next_attempt_at=timezone.now() + timedelta(minutes=30))
    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(hours=2))

    _, report = _health(client)

    assert report["outbox"]["status"] == "ok"
    assert report["outbox"]["oldest_due_seconds"] is None
    assert report["outbox"]["oldest_queued_seconds"] >= 7199


def _panel(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("start"))
    assert response.status_code == 200
    return response.content.decode().replace("\xa0", " ")


def test_dashboard_shows_coordinators_what_is_wrong(client, with_broker, coordinator):
    _all_alive()
    heartbeat_write("worker:celery@host-1", timezone.now() - timedelta(minutes=10))
    heartbeat_write("task:reminders-dispatch", timezone.now() - timedelta(hours=2))

    page = _panel(client, coordinator)

    assert "Betrieb eingeschränkt" in page
    assert ("Kein Hintergrunddienst (Celery-Worker) hat sich seit 10 Minuten gemeldet. "
            "E-Mails und Erinnerungen werden nicht versendet.") in page
    assert ("Die regelmäßige Aufgabe „Erinnerungen an Sitzungen und Aufgaben“ lief zuletzt "
            "vor 2 Stunden.") in page


def test_dashboard_health_panel_not_for_readers_nor_when_all_is_well(
        client, with_broker, coordinator, reader):
    assert "Betrieb eingeschränkt" not in _panel(client, reader)

    _all_alive()
    assert "Betrieb eingeschränkt" not in _panel(client, coordinator)


def test_dashboard_names_a_broker_outage_and_the_waiting_mails(client, with_broker, settings,
                                                               coordinator, tmp_path):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 600
    _all_alive()
    celery_app.conf.broker_url = f"redis+socket://{tmp_path / 'nothing.sock'}"
    OutgoingMail.objects.create(to="a@example.org", subject="S", body_text="T")
    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(minutes=20))

    page = _panel(client, coordinator)

    assert ("Der Nachrichtendienst (Redis) ist nicht erreichbar. E-Mails bleiben im "
            "Postausgang, bis er wieder läuft.") in page
    assert "Im Postausgang warten 1 E-Mails, die älteste fällige seit 20 Minuten." in page


def test_heartbeat_check_command_passes_fresh_and_fails_stale():
    heartbeat_write("worker:celery@box", timezone.now() - timedelta(seconds=20))
    heartbeat_write("beat", timezone.now() - timedelta(seconds=STALE_SECONDS + 5))
    out = StringIO()

    call_command("heartbeat_check", "worker", node="celery@box", stdout=out)

    assert "worker:celery@box: last heartbeat 20 s ago" in out.getvalue()
    with pytest.raises(CommandError, match=r"beat: last heartbeat 18[56] s ago"):
        call_command("heartbeat_check", "beat")
    with pytest.raises(CommandError, match="worker:celery@other: no heartbeat yet"):
        call_command("heartbeat_check", "worker", node="celery@other")


def _wait_for(condition, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


@pytest.mark.worker
def test_real_worker_writes_heartbeat_and_periodic_task_runs(client, celery_worker_process):
    key = _wait_for(lambda: Heartbeat.objects.filter(key__startswith="worker:")
                    .values_list("key", flat=True).first())
    assert key.startswith("worker:celery@")
    assert HEARTBEAT_SECONDS < STALE_SECONDS

    mails_requeue_stale.delay().get(timeout=60)
    _wait_for(lambda: Heartbeat.objects.filter(key="task:mails-requeue-stale").exists())

    status, report = _health(client)
    assert status == 200
    assert report["broker"] == "ok"
    assert report["worker"]["status"] == "ok"
    assert report["worker"]["count"] == 1
    assert report["tasks"]["mails-requeue-stale"]["status"] == "ok"
    # No beat runs in this test, and the report says so.
    assert report["beat"]["status"] == "missing"
    assert report["status"] == "degraded"
    assert "beat" in report["problems"]
    assert "worker" not in report["problems"]
