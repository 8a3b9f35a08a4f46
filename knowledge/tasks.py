from celery import shared_task


@shared_task
def review_reminders_dispatch() -> int:
    """Remind authors (or their administration's editors) of articles due for a check
    (derived from the database; safe to repeat)."""
    from .reviews import review_reminders_dispatch as dispatch

    return dispatch()
