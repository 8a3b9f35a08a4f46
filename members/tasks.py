"""Celery tasks of members: thin, they call a service."""

from celery import shared_task


@shared_task
def account_removals_dispatch() -> int:
    """Beat task: carry out the removal requests older than ACCOUNT_REMOVAL_AFTER_DAYS
    (derived from the database; safe to repeat: each account is removed once)."""
    from .services.removal import account_removals_dispatch as dispatch

    return dispatch()
