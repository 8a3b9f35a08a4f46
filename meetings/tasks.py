from celery import shared_task


@shared_task
def reminders_dispatch() -> int:
    """Queue every reminder that is due now (derived from the database; safe to repeat)."""
    from .reminders import reminders_dispatch as dispatch

    return dispatch()
