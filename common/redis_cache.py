"""A Redis cache that fails soft: when Redis is unreachable the portal keeps serving.

Everything the cache holds can be rebuilt or done without: visitor pages are rendered
again, login rate limits are not counted (logged as a warning, at most once a minute per
process), and mails do not depend on it (they wait in the outbox). Django's RedisCache
raises on every call instead, so a stopped Redis turned every login into a server error.
Reads answer "not cached", writes are dropped, `add` reports success (nothing is
there, and allauth's rate-limit lock is built on it: failing it would turn every login
into a 429); `incr` of a missing key still raises ValueError as the cache API says.
So while Redis is down, login rate limits are not enforced.

A Redis that stops answering without closing the connection (a frozen host) costs each call
the socket timeout; so after a failure the cache is not asked again for PAUSE_SECONDS
(per process and thread), and a page makes at most one slow call, not one per value.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 60
PAUSE_SECONDS = 10


class FailSoftRedisCache(RedisCache):
    _warned_at = 0.0
    _paused_until = 0.0  # per instance, and Django keeps one instance per thread

    def _guarded(self, operation: str, call, fallback):
        if time.monotonic() < self._paused_until:
            return fallback
        try:
            return call()
        except UNREACHABLE as exc:
            self._paused_until = time.monotonic() + PAUSE_SECONDS
            now = time.monotonic()
            if now - FailSoftRedisCache._warned_at >= WARN_EVERY_SECONDS:
                FailSoftRedisCache._warned_at = now
                logger.warning("Cache unreachable (%s): %s; serving without it.", operation,
                               exc)
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded("get", lambda: super(FailSoftRedisCache, self).get(
            key, default, version), default)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", lambda: super(FailSoftRedisCache, self).get_many(
            keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded("has_key", lambda: super(FailSoftRedisCache, self).has_key(
            key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Nothing is there; a lock built on add (allauth's) must not block: True.
        return self._guarded("add", lambda: super(FailSoftRedisCache, self).add(
            key, value, timeout, version), True)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded("set", lambda: super(FailSoftRedisCache, self).set(
            key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", lambda: super(FailSoftRedisCache, self).set_many(
            data, timeout, version), list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", lambda: super(FailSoftRedisCache, self).touch(
            key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guarded("delete", lambda: super(FailSoftRedisCache, self).delete(
            key, version), False)

    def delete_many(self, keys, version=None):
        self._guarded("delete_many", lambda: super(FailSoftRedisCache, self).delete_many(
            keys, version), None)

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", lambda: super(FailSoftRedisCache, self).incr(
            key, delta, version), delta)

    def clear(self):
        return self._guarded("clear", lambda: super(FailSoftRedisCache, self).clear(), False)
