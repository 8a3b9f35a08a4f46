"""Celery tasks of projects: thin, they call the service (the beat schedule names them)."""

from celery import shared_task


@shared_task
def survey_reminders_dispatch() -> int:
    """Queue the survey reminders that are due now (derived from the database; safe to
    repeat). Stale outbox mails are requeued by common.tasks.mails_requeue_stale."""
    from .surveys.reminders import survey_reminders_dispatch as dispatch

    return dispatch()
