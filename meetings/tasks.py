from celery import shared_task


@shared_task
def reminders_dispatch() -> int:
    """Queue every reminder that is due now (derived from the database; safe to repeat) and
    re-enqueue outbox mails whose task was lost or whose retry is due."""
    from kreishaus.outbox import mails_requeue_stale

    from .reminders import reminders_dispatch as dispatch

    # Requeue first: the mails this run creates are enqueued by their own transaction.
    mails_requeue_stale()
    return dispatch()
