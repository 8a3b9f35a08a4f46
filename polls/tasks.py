"""Celery tasks of polls: thin, they call the service (the beat schedule names them)."""

from celery import shared_task


@shared_task
def poll_reminders_dispatch() -> int:
    """Queue the Rundfrage reminders that are due now (derived from the database; safe to
    repeat). Stale outbox mails are requeued by common.tasks.mails_requeue_stale."""
    from .reminders import poll_reminders_dispatch as dispatch

    return dispatch()
