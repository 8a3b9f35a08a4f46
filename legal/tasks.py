from celery import shared_task


@shared_task
def feedback_reminders_dispatch() -> int:
    """Remind the coordination office of unanswered feedback before its deadline (derived
    from the database; safe to repeat)."""
    from .reminders import feedback_reminders_dispatch as dispatch

    return dispatch()


@shared_task
def feedback_delete_old() -> int:
    """Delete feedback answered longer ago than the storage period (FEEDBACK_KEEP_DAYS)."""
    from .feedback.services import feedback_delete_old as delete

    return delete()
