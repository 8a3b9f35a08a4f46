"""The outbox: mails are written as rows first and sent by a worker exactly once.

Delivery rules, in one place:

* `mail_queue` / `mail_queue_bulk` write `OutgoingMail` rows in the caller's transaction
  and enqueue one `send_mail` task per row after commit. If the broker is down, the rows
  stay queued, due at once, and `mails_requeue_stale` (its own beat task, common.tasks)
  enqueues them on its first run after the broker is back; tasks lost with a dead
  worker it enqueues after OUTBOX_REQUEUE_AFTER_SECONDS.
* `mail_send` locks the row (`SELECT … FOR UPDATE SKIP LOCKED`), marks it sent and then
  talks to the SMTP server while the lock and the transaction are still open; the
  COMMIT follows as soon as the server has accepted the message (QUIT comes after it).
  A second task for the same row skips it (locked, or no longer queued). If the worker
  dies before the commit, PostgreSQL rolls the transaction back, so the row is queued
  again and `mails_requeue_stale` enqueues it anew: nothing is lost. The one window in
  which a mail can go out twice is between the server's "250 OK" to DATA and our COMMIT
  leaving the worker, a few Python statements; every mail carries a fixed Message-ID
  so that receiving systems can drop such a duplicate. The state "sending" is never
  committed: the row lock stands for it.
* Transient errors (connection refused or lost, timeouts, SMTP 4xx) are recorded on the
  row with an exponential back-off in `next_attempt_at`; the task retries then (and the
  requeue, should that retry be lost). After `OUTBOX_MAX_ATTEMPTS` tries, and on any
  permanent error (5xx, a mail that cannot be built), the row is failed. `mail_send`
  itself sends any queued row: `next_attempt_at` says when the requeue looks again, it
  does not forbid an earlier duplicate task.
* A reminder that is no longer useful when its turn comes (meeting cancelled or started,
  task done, survey closed: the apps register these checks in common.reminders) is not
  sent; the row is failed with the reason.
"""

import logging
import smtplib
import time
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .enums import MailState
from .mail import subject_line
from .models import OutgoingMail

logger = logging.getLogger(__name__)


class TransientMailError(Exception):
    """Sending failed for now; the row is queued again and should be retried later."""

    def __init__(self, message: str, retry_in: float):
        super().__init__(message)
        self.retry_in = retry_in


ERASED_TEXT = "[Inhalt nach dem Versand gelöscht: Die E-Mail enthielt einen persönlichen Link.]"


def mail_queue(
    *, to: str, subject: str, text: str, html: str = "",
    attachment: tuple[str, str, str] | None = None, erase_after_send: bool = False,
) -> OutgoingMail:
    """Write one mail to the outbox; it is sent by a worker after the transaction commits.
    `attachment` is (filename, content, mimetype). With `erase_after_send` (a mail with a
    secret link) the outbox forgets the content once the mail is out or has failed."""
    name, content, mimetype = attachment or ("", "", "")
    mail = OutgoingMail(
        to=to, subject=subject, body_text=text, body_html=html, attachment_name=name,
        attachment_content=content, attachment_mimetype=mimetype,
        erase_after_send=erase_after_send,
    )
    return mail_queue_bulk([mail])[0]


def mail_queue_bulk(mails: list[OutgoingMail]) -> list[OutgoingMail]:
    """Write many unsaved mails with one INSERT and enqueue their tasks after commit."""
    if not mails:
        return []
    for mail in mails:
        # A line break in a subject (a name stored with one) would make the mail unsendable.
        mail.subject = subject_line(mail.subject)
    mails = OutgoingMail.objects.bulk_create(mails)
    ids = [mail.pk for mail in mails]
    transaction.on_commit(lambda: _enqueue(ids))
    return mails


# After the broker failed to take a task, this process does not try again for a while:
# a frozen broker costs one socket timeout per process, not one per mail.
BROKER_PAUSE_SECONDS = 15
_broker_paused_until = 0.0


def _enqueue(ids: list[int]) -> None:
    global _broker_paused_until
    from .tasks import send_mail

    if send_mail.app.conf.task_always_eager:
        # In-process like an eager delay(), minus its process-wide "join would block"
        # flag, which threads sending at the same time can leave set.
        for mail_id in ids:
            send_mail.apply((mail_id,))
        return
    try:
        if time.monotonic() < _broker_paused_until:
            raise BrokerError("paused after a recent failure")
        # One broker connection for the whole batch.
        with send_mail.app.producer_or_acquire() as producer:
            for mail_id in ids:
                send_mail.apply_async((mail_id,), producer=producer)
    except BrokerError:
        _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
        # The rows are safe in the outbox; the periodic task enqueues them again, at its
        # first run after the broker is back (not only after the grace period for lost
        # tasks). A task that got out before the error finds its row sent or locked.
        logger.warning("Broker unreachable; %d mails wait for the next requeue.", len(ids))
        OutgoingMail.objects.filter(pk__in=ids, state=MailState.QUEUED).update(
            next_attempt_at=timezone.now())


def mail_send(mail_id: int) -> None:
    """Send one queued mail exactly once (see the module docstring for the guarantees).
    Raises TransientMailError after recording a transient failure."""
    now = timezone.now()
    connection = get_connection()
    try:
        with transaction.atomic():
            mail = (
                OutgoingMail.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("reminder")
                .filter(pk=mail_id, state=MailState.QUEUED)
                .first()
            )
            if mail is None:
                return  # sent, failed, or being sent by another worker right now
            reason = _no_longer_useful(mail, now)
            if reason:
                _mark(mail, MailState.FAILED, now, error=reason)
                _erase_if_secret(mail)
                return
            _mark(mail, MailState.SENT, now)
            connection.open()
            connection.send_messages([_message(mail)])
            _erase_if_secret(mail)
    except (DatabaseError, ImportError):
        raise  # the row is untouched and still queued; the task or the requeue tries again
    except Exception as exc:
        if _is_transient(exc):
            retry_in = _record_failure(mail_id, exc, now, transient=True)
            if retry_in is not None:
                raise TransientMailError(_describe(exc), retry_in) from exc
        else:
            # 5xx or a mail that cannot be built: retrying would not help.
            _record_failure(mail_id, exc, now, transient=False)
            logger.warning("Mail %s failed permanently: %s", mail_id, _describe(exc))
    finally:
        _close(connection)


def _close(connection) -> None:
    """QUIT after the commit: the mail was handed over (or not) whatever QUIT answers."""
    try:
        connection.close()
    except Exception:
        logger.info("Closing the mail connection failed", exc_info=True)


def _erase_if_secret(mail: OutgoingMail) -> None:
    """Forget the content of a mail with a secret link; in the transaction that marks it
    sent or failed, so a rolled-back send keeps what the retry needs."""
    if not mail.erase_after_send:
        return
    mail.body_text, mail.body_html = ERASED_TEXT, ""
    mail.attachment_content = ""
    mail.save(update_fields=["body_text", "body_html", "attachment_content"])


def _mark(mail: OutgoingMail, state: str, now: datetime, error: str = "") -> None:
    mail.state = state
    mail.attempts += 1
    mail.last_error = error
    mail.next_attempt_at = None
    mail.sent_at = now if state == MailState.SENT else None
    mail.save(update_fields=["state", "attempts", "last_error", "next_attempt_at", "sent_at"])


def _no_longer_useful(mail: OutgoingMail, now: datetime) -> str:
    """A reminder that was held up (e.g. SMTP down) is dropped once it makes no sense.
    The outbox knows mails; each app knows when its reminders expire (common.reminders)."""
    from .reminders import reminder_expired_reason  # the reminder queue imports the outbox

    reminder = getattr(mail, "reminder", None)
    if reminder is None:
        return ""
    return reminder_expired_reason(reminder, now)


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject_line(mail.subject), mail.body_text, to=[mail.to],
        headers={"Message-ID": _message_id(mail)},
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    if mail.attachment_name:
        message.attach(mail.attachment_name, mail.attachment_content,
                       mail.attachment_mimetype or None)
    return message


def _message_id(mail: OutgoingMail) -> str:
    """The same for every attempt, so a duplicate delivery can be recognised."""
    host = urlsplit(settings.SITE_URL).hostname or "kreishaus.invalid"
    return f"<outbox.{mail.pk}.{mail.created_at:%Y%m%d%H%M%S}@{host}>"


def _is_transient(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    # Connection refused or reset, DNS failure, timeout.
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def retry_delay(attempts: int) -> float:
    """Seconds to wait after the given number of failed attempts (exponential back-off)."""
    delay = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return min(delay, settings.OUTBOX_RETRY_MAX_SECONDS)


def _record_failure(mail_id: int, exc: Exception, now: datetime, *, transient: bool
                    ) -> float | None:
    """Note the error; returns the back-off in seconds if another attempt follows."""
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.state != MailState.QUEUED:
            return None  # another worker got it out in the meantime
        mail.attempts += 1
        mail.last_error = _describe(exc)
        retry_in = None
        if transient and mail.attempts < settings.OUTBOX_MAX_ATTEMPTS:
            retry_in = retry_delay(mail.attempts)
            mail.next_attempt_at = now + timedelta(seconds=retry_in)
        else:
            mail.state = MailState.FAILED
            mail.next_attempt_at = None
        mail.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
        if mail.state == MailState.FAILED:
            _erase_if_secret(mail)
    return retry_in


def mails_requeue_stale(now: datetime | None = None) -> int:
    """Enqueue queued mails whose task was lost (dead worker, broker down) or whose retry is
    due. Marks them with a new check time so the next run does not enqueue them again."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.OUTBOX_REQUEUE_AFTER_SECONDS)
    with transaction.atomic():
        ids = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(state=MailState.QUEUED)
            .filter(Q(next_attempt_at__lte=now)
                    | Q(next_attempt_at__isnull=True, created_at__lte=now - grace))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if ids:
            OutgoingMail.objects.filter(pk__in=ids).update(next_attempt_at=now + grace)
            transaction.on_commit(lambda: _enqueue(ids))
    return len(ids)

