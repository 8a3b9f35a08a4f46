"""The outbox (common.outbox): send once, retry transient SMTP errors, never twice.

SMTP errors come from a real server: a small SMTP responder on 127.0.0.1 that can refuse
connections with 421 or reject recipients with 550, or from a closed local port.
"""

import smtplib
import socket
import socketserver
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections, transaction
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from common.outbox import (
    ERASED_TEXT,
    TransientMailError,
    mail_queue,
    mail_send,
    mails_requeue_stale,
    retry_delay,
)
from common.tasks import mails_requeue_stale as requeue_task
from common.tasks import send_mail
from kreishaus.celery import app as celery_app
from kreishaus.tasks import send_mail_old_name
from tests.mail_backends import FlakyBackend

pytestmark = pytest.mark.django_db


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server = self.server
        if server.refuse_connections > 0:
            server.refuse_connections -= 1
            self.reply("421 4.3.2 Service not available, try again later")
            return
        self.reply("220 test.invalid ESMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith(b"RCPT") and server.reject_recipients:
                self.reply("550 5.1.1 Mailbox unavailable")
            elif command == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data)
                server.messages.append(b"".join(lines))
                self.reply("250 2.0.0 Ok: queued")
            elif command == b"QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 test.invalid")


class _SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPHandler)
        self.messages: list[bytes] = []
        self.refuse_connections = 0
        self.reject_recipients = False


@pytest.fixture
def smtp_server(settings):
    server = _SMTPServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def queued(django_capture_on_commit_callbacks):
    """A queued mail whose task has not run (its on-commit enqueue is held back)."""
    with django_capture_on_commit_callbacks(execute=False):
        return mail_queue(to="rita@example.org", subject="Erinnerung", text="Hallo Rita",
                          html="<p>Hallo Rita</p>",
                          attachment=("sitzung.ics", "BEGIN:VCALENDAR\r\n", "text/calendar"))


def test_mail_send_sends_once_and_marks_sent(queued):
    mail_send(queued.pk)
    mail_send(queued.pk)

    (message,) = mail.outbox
    assert (message.to, message.subject, message.body) == (
        ["rita@example.org"], "Erinnerung", "Hallo Rita")
    assert message.alternatives[0] == ("<p>Hallo Rita</p>", "text/html")
    assert message.attachments[0] == ("sitzung.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")
    queued.refresh_from_db()
    assert (queued.state, queued.attempts, queued.last_error) == (MailState.SENT, 1, "")
    assert queued.sent_at is not None


def test_mail_queue_sends_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mail_queue(to="erik@example.org", subject="Einladung", text="Hallo Erik")
        assert mail.outbox == []

    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["erik@example.org"]]
    assert OutgoingMail.objects.get().state == MailState.SENT


def test_transient_421_is_recorded_retried_and_then_sent_exactly_once(queued, smtp_server):
    smtp_server.refuse_connections = 1
    before = timezone.now()

    with pytest.raises(TransientMailError) as error:
        mail_send(queued.pk)

    queued.refresh_from_db()
    assert queued.state == MailState.QUEUED
    assert queued.attempts == 1
    assert "SMTPConnectError" in queued.last_error
    assert "421" in queued.last_error
    assert error.value.retry_in == 60
    assert before + timedelta(seconds=59) < queued.next_attempt_at
    assert queued.next_attempt_at < timezone.now() + timedelta(seconds=61)
    assert smtp_server.messages == []

    mail_send(queued.pk)  # the retry
    mail_send(queued.pk)  # a duplicate delivery of the task

    assert len(smtp_server.messages) == 1
    assert b"Subject: Erinnerung" in smtp_server.messages[0]
    queued.refresh_from_db()
    assert (queued.state, queued.attempts, queued.next_attempt_at) == (MailState.SENT, 2, None)


def test_refused_connection_is_transient(queued, settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port

    with pytest.raises(TransientMailError):
        mail_send(queued.pk)

    queued.refresh_from_db()
    assert queued.state == MailState.QUEUED
    assert queued.last_error.startswith("ConnectionRefusedError")


def test_rejected_recipient_fails_permanently_without_retry(queued, smtp_server):
    smtp_server.reject_recipients = True

    mail_send(queued.pk)

    queued.refresh_from_db()
    assert (queued.state, queued.attempts, queued.next_attempt_at) == (MailState.FAILED, 1, None)
    assert "550" in queued.last_error
    mail_send(queued.pk)
    assert smtp_server.messages == []


def test_gives_up_after_the_last_attempt(queued, smtp_server, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    smtp_server.refuse_connections = 5

    with pytest.raises(TransientMailError):
        mail_send(queued.pk)
    mail_send(queued.pk)

    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.FAILED, 2)


def test_backoff_doubles_up_to_the_limit(settings):
    settings.OUTBOX_RETRY_BASE_SECONDS = 60
    settings.OUTBOX_RETRY_MAX_SECONDS = 6 * 3600

    assert [retry_delay(n) for n in (1, 2, 3, 4, 9, 10, 20)] == [
        60, 120, 240, 480, 15360, 21600, 21600]


def test_task_in_process_records_the_error_and_leaves_the_retry_to_the_requeue(
        queued, smtp_server):
    smtp_server.refuse_connections = 1

    send_mail.delay(queued.pk)

    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.QUEUED, 1)
    assert smtp_server.messages == []


def test_requeue_picks_up_a_mail_whose_task_was_lost(queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert mails_requeue_stale() == 0  # fresh: its task may still be on its way
    assert mail.outbox == []

    later = timezone.now() + timedelta(minutes=11)
    with django_capture_on_commit_callbacks(execute=True):
        assert mails_requeue_stale(later) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert mails_requeue_stale(later + timedelta(minutes=30)) == 0

    assert [m.to for m in mail.outbox] == [["rita@example.org"]]


def test_requeue_waits_for_the_retry_time(queued, smtp_server, django_capture_on_commit_callbacks):
    smtp_server.refuse_connections = 1
    with pytest.raises(TransientMailError):
        mail_send(queued.pk)
    queued.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        assert mails_requeue_stale(queued.next_attempt_at - timedelta(seconds=1)) == 0
        assert mails_requeue_stale(queued.next_attempt_at) == 1

    assert len(smtp_server.messages) == 1
    queued.refresh_from_db()
    assert queued.state == MailState.SENT


def test_requeue_is_its_own_beat_task(queued, settings, django_capture_on_commit_callbacks):
    settings.OUTBOX_REQUEUE_AFTER_SECONDS = 0

    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_task.delay().get() == 1

    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    entry = settings.CELERY_BEAT_SCHEDULE["mails-requeue-stale"]
    assert entry["task"] == requeue_task.name == "common.tasks.mails_requeue_stale"
    assert entry["schedule"] == 60
    assert requeue_task.name in celery_app.tasks


def test_task_under_its_old_name_still_sends(queued):
    """Task messages queued before the outbox moved to common name the old task."""
    assert send_mail_old_name.name == "kreishaus.tasks.send_mail" in celery_app.tasks

    send_mail_old_name.apply((queued.pk,))
    send_mail_old_name.apply((queued.pk,))

    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.SENT, 1)


def test_reminder_about_an_object_without_expiry_check_is_sent(queued, reader):
    Reminder.objects.create(recipient=reader, object_key="other:1", kind="other", mail=queued)

    mail_send(queued.pk)

    assert [m.to for m in mail.outbox] == [["rita@example.org"]]


def test_message_id_is_the_same_on_every_attempt(queued, settings):
    settings.SITE_URL = "https://kreishaus.example.org"

    mail_send(queued.pk)

    message_id = mail.outbox[0].extra_headers["Message-ID"]
    assert message_id.startswith(f"<outbox.{queued.pk}.")
    assert message_id.endswith("@kreishaus.example.org>")


@pytest.mark.django_db(transaction=True)
def test_mail_locked_by_another_worker_is_skipped():
    mail_row = mail_queue(to="olga@example.org", subject="Hallo", text="Hallo Olga")
    mail.outbox.clear()  # sent at once in autocommit mode; make it queued again
    OutgoingMail.objects.filter(pk=mail_row.pk).update(state=MailState.QUEUED)
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                OutgoingMail.objects.select_for_update().get(pk=mail_row.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(10)
    try:
        mail_send(mail_row.pk)  # must neither wait for nor send the locked row
        assert mail.outbox == []
    finally:
        release.set()
        thread.join()

    mail_send(mail_row.pk)
    assert [m.to for m in mail.outbox] == [["olga@example.org"]]


def test_admin_lists_mails_and_reminders_read_only(client, admin_user, queued):
    client.force_login(admin_user)

    response = client.get("/admin/common/outgoingmail/?q=rita")
    assert response.status_code == 200
    assert "rita@example.org" in response.content.decode()
    assert client.get("/admin/common/outgoingmail/add/").status_code == 403
    page = client.get(f"/admin/common/outgoingmail/{queued.pk}/change/").content.decode()
    assert "Hallo Rita" in page
    assert 'name="subject"' not in page  # shown, not editable
    assert client.get("/admin/common/reminder/").status_code == 200


@pytest.fixture
def celery_worker_env(smtp_server):
    """The worker talks SMTP to the test server and retries after 1, 2, 4 … seconds."""
    host, port = smtp_server.server_address
    return {
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host, "EMAIL_PORT": str(port), "EMAIL_USE_TLS": "false",
        "OUTBOX_RETRY_BASE_SECONDS": "1",
    }


@pytest.mark.worker
def test_worker_retries_transient_errors_with_backoff_and_sends_once(
        smtp_server, celery_worker_process):
    smtp_server.refuse_connections = 2

    row = mail_queue(to="rita@example.org", subject="Erinnerung", text="Hallo Rita")

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        row.refresh_from_db()
        if row.state != MailState.QUEUED:
            break
        time.sleep(0.1)
    assert (row.state, row.attempts, row.last_error) == (MailState.SENT, 3, "")
    assert row.sent_at - row.created_at >= timedelta(seconds=3)  # waited 1 s, then 2 s
    assert len(smtp_server.messages) == 1
    assert celery_worker_process.poll() is None


@pytest.mark.worker
def test_worker_sends_a_task_message_queued_under_the_old_name(
        smtp_server, celery_worker_process):
    # A row and a task message as the version before the move left them in Redis.
    row = OutgoingMail.objects.create(to="olga@example.org", subject="Einladung",
                                      body_text="Hallo Olga")
    celery_app.send_task("kreishaus.tasks.send_mail", args=[row.pk])

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        row.refresh_from_db()
        if row.state != MailState.QUEUED:
            break
        time.sleep(0.1)
    assert (row.state, row.attempts, row.last_error) == (MailState.SENT, 1, "")
    assert len(smtp_server.messages) == 1
    assert b"Subject: Einladung" in smtp_server.messages[0]


def test_mail_with_secret_link_loses_its_content_when_it_failed_for_good(settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.attempts = 1, 0
    FlakyBackend.error = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no")})
    try:
        row = mail_queue(to="x@example.org", subject="Einladung", text="Link: /geheim/abc",
                         html="<a href='/geheim/abc'>Link</a>", erase_after_send=True)
        mail_send(row.pk)
    finally:
        FlakyBackend.failures = 0
    row.refresh_from_db()

    assert row.state == MailState.FAILED
    assert row.body_text == ERASED_TEXT
    assert "geheim" not in row.body_html


def test_ordinary_mail_keeps_its_content_after_sending():
    row = mail_queue(to="x@example.org", subject="Erinnerung", text="Sitzung am Montag")
    mail_send(row.pk)
    row.refresh_from_db()

    assert (row.state, row.body_text) == (MailState.SENT, "Sitzung am Montag")
