"""Celery tasks of notifications: thin, they call the services (the beat schedule names them)."""

from celery import shared_task


@shared_task
def notifications_dispatch() -> tuple[int, int]:
    """Turn recent changes into notifications, then queue the digests that are due (both
    derived from the database; safe to repeat). Returns (notifications, digests)."""
    from .collector import notifications_collect
    from .digests import digests_dispatch
    from .services import dispatch_marker_clear

    dispatch_marker_clear()
    return notifications_collect(), digests_dispatch()
