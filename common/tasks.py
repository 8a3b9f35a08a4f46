"""The base's Celery tasks: sending outbox mails, requeueing stuck ones, deleting old ones,
and cleaning up one-time form tokens. Thin: they take ids and call the base's functions."""

from celery import shared_task

from .once import once_tokens_cleanup as _cleanup
from .outbox import TransientMailError, mail_send
from .outbox import mails_requeue_stale as _requeue
from .personal_data_outbox import mails_delete_old as _delete_old


@shared_task
def once_tokens_cleanup() -> int:
    """Beat task: remove old one-time form tokens."""
    return _cleanup()


@shared_task(bind=True, acks_late=True, ignore_result=True, max_retries=None)
def send_mail(self, mail_id: int) -> None:
    """Send one outbox row; transient SMTP errors are retried with the row's back-off.
    The number of attempts is limited by the row (OUTBOX_MAX_ATTEMPTS), not by Celery."""
    try:
        mail_send(mail_id)
    except TransientMailError as exc:
        if self.request.is_eager:
            # In-process (no broker): no waiting in the request; the periodic requeue
            # picks the row up once its next_attempt_at has passed.
            return
        raise self.retry(exc=exc, countdown=exc.retry_in) from exc


@shared_task
def mails_requeue_stale() -> int:
    """Beat task: enqueue queued mails whose task was lost (dead worker, broker down) or
    whose retry is due; returns how many."""
    return _requeue()


@shared_task
def mails_delete_old() -> int:
    """Beat task: delete sent and failed mails older than OUTBOX_KEEP_DAYS."""
    return _delete_old()
