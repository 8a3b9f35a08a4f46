from celery import shared_task


@shared_task
def reminders_dispatch() -> int:
    """Queue every reminder that is due now (derived from the database; safe to repeat).
    Outbox mails whose task was lost are requeued by common.tasks.mails_requeue_stale."""
    from .reminders import reminders_dispatch as dispatch

    return dispatch()
