"""At most FEEDBACK_MAX_PER_HOUR messages per client address and hour, counted in the cache
(shared through Redis in production). The address is kept only as a hash, for an hour."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from members.login.ratelimits import client_ip

WINDOW_SECONDS = 3600


def _key(request) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    return f"legal:feedback:{digest[:40]}"


def feedback_rate_consume(request) -> bool:
    """Count one sending from this client; False once it has sent more than the limit
    within the current hour."""
    key = _key(request)
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS)
            count = 1
    return count <= settings.FEEDBACK_MAX_PER_HOUR
