"""The Celery app, and the heartbeats that let /healthz tell whether the background runs.

* Every worker writes "worker:<node name>" when it starts consuming and then every
  `common.health.HEARTBEAT_SECONDS`, from its consumer's timer: a worker whose consumer
  is stuck or cut off stops writing.
* Beat (`BeatScheduler`) writes "beat" on its ticks, and runs every entry of the schedule
  once at its start (they all derive their work from the database, so an extra run is
  harmless), so the health report knows at once when each last ran.
* When a worker has run a task of the beat schedule, "task:<entry name>" is written.
"""

import logging
import os
import time
from datetime import timedelta

from celery import Celery, bootsteps
from celery.beat import PersistentScheduler
from celery.signals import task_success

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.local")

app = Celery("kreishaus")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)

WORKER_HEARTBEATS_FORGOTTEN_AFTER = timedelta(days=1)


def _heartbeat(key: str) -> None:
    # Imported here: this module is loaded with the settings, before the models are.
    from django.db import DatabaseError, connection

    from common.health import heartbeat_write

    try:
        heartbeat_write(key)
    except DatabaseError as exc:
        logger.warning("Heartbeat %s not written: %s", key, exc)
        connection.close()  # connect afresh next time (the database may have restarted)


class WorkerHeartbeat(bootsteps.StartStopStep):
    """Consumer step of every worker: the heartbeat "worker:<node name>"."""

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        self.timer_ref = None

    def start(self, parent):
        from common.health import HEARTBEAT_SECONDS, heartbeats_forget

        key = f"worker:{parent.hostname}"
        _heartbeat(key)
        try:
            heartbeats_forget("worker:", older_than=WORKER_HEARTBEATS_FORGOTTEN_AFTER)
        except Exception:  # noqa: BLE001 - tidying up only
            logger.warning("Old worker heartbeats not removed.", exc_info=True)
        self.timer_ref = parent.timer.call_repeatedly(HEARTBEAT_SECONDS, _heartbeat, (key,))

    def stop(self, parent):
        if self.timer_ref is not None:
            self.timer_ref.cancel()
            self.timer_ref = None


app.steps["consumer"].add(WorkerHeartbeat)


class BeatScheduler(PersistentScheduler):
    """Celery beat's default scheduler plus the heartbeat "beat"; every entry runs once
    right at the start."""

    def setup_schedule(self):
        super().setup_schedule()
        long_ago = self.app.now() - timedelta(days=366)
        for entry in self.schedule.values():
            entry.last_run_at = long_ago

    def tick(self, *args, **kwargs):
        from common.health import HEARTBEAT_SECONDS

        now = time.monotonic()
        if now >= getattr(self, "_next_heartbeat", 0):
            _heartbeat("beat")
            self._next_heartbeat = now + HEARTBEAT_SECONDS
        return min(super().tick(*args, **kwargs), HEARTBEAT_SECONDS)


app.conf.beat_scheduler = "kreishaus.celery:BeatScheduler"


@task_success.connect
def _periodic_task_ran(sender=None, **kwargs):
    """A worker ran a task of the beat schedule: record when (not for in-process runs)."""
    if sender is None or sender.request.is_eager:
        return
    from django.conf import settings

    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        if entry["task"] == sender.name:
            _heartbeat(f"task:{name}")
