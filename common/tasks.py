from celery import shared_task

from .once import once_tokens_cleanup as _cleanup


@shared_task
def once_tokens_cleanup() -> int:
    """Beat task: remove old one-time form tokens."""
    return _cleanup()
