from celery import shared_task
from django.db import connection

from .outbox import TransientMailError, mail_send


@shared_task
def ping_database(token: str) -> dict:
    """Round trip through the worker and the database; used by health checks and tests."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        (database,) = cursor.fetchone()
    return {"token": token, "database": database}


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
