"""The roof's Celery tasks: a health round trip, and the old name of the outbox task."""

from celery import shared_task
from django.db import connection

from common.tasks import send_mail


@shared_task
def ping_database(token: str) -> dict:
    """Round trip through the worker and the database; used by health checks and tests."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        (database,) = cursor.fetchone()
    return {"token": token, "database": database}


@shared_task(name="kreishaus.tasks.send_mail", acks_late=True, ignore_result=True)
def send_mail_old_name(mail_id: int) -> None:
    """The outbox task's name before it moved to common.tasks.send_mail: task messages
    queued under the old name before an upgrade are handed on to the new task. Without
    this alias the worker would drop them and the periodic requeue would send the mails
    only OUTBOX_REQUEUE_AFTER_SECONDS later. May go once no such message can be left."""
    send_mail.apply_async((mail_id,))
