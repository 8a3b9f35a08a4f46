"""The health of the running system as `/healthz` reports it: the database, the broker, the
background processes and the outbox.

Background processes write heartbeats (`Heartbeat` rows) themselves, so the report needs
no round trip to them: every Celery worker every `HEARTBEAT_SECONDS` ("worker:<node>"),
beat on every tick ("beat"), and every periodic task of the beat schedule when a worker
has run it ("task:<entry name>"; kreishaus.celery writes all three). The report reads
them and the outbox backlog in two indexed queries and pings the broker once.

Without a broker (tests, `make dev`) tasks run in-process: worker, beat and the periodic
tasks are reported as "in-process" and are no problem. A stale heartbeat, a late task, an
unreachable broker or mails waiting too long make the status "degraded" (still HTTP 200:
the portal serves pages); only an unreachable database raises (HTTP 503).
"""

import logging
from datetime import datetime, timedelta
from functools import lru_cache

from celery import current_app
from django.conf import settings
from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .enums import MailState
from .models import Heartbeat, OutgoingMail

logger = logging.getLogger(__name__)

# A worker writes its heartbeat this often; it counts as gone after STALE_SECONDS.
HEARTBEAT_SECONDS = 30
STALE_SECONDS = 180
IN_PROCESS = "in-process"


def heartbeat_write(key: str, at: datetime | None = None) -> None:
    """Record that `key` is alive now (one upsert)."""
    Heartbeat.objects.bulk_create(
        [Heartbeat(key=key, at=at or timezone.now())],
        update_conflicts=True, unique_fields=["key"], update_fields=["at"],
    )


def heartbeat_age(key: str) -> int | None:
    """Seconds since `key` last wrote its heartbeat; None if it never did."""
    at = Heartbeat.objects.filter(key=key).values_list("at", flat=True).first()
    return _age(timezone.now(), at)


def heartbeats_forget(prefix: str, *, older_than: timedelta) -> int:
    """Remove heartbeats of `prefix` not renewed for `older_than` (workers that are gone
    for good, e.g. containers replaced by an update)."""
    deleted, _ = Heartbeat.objects.filter(
        key__startswith=prefix, at__lt=timezone.now() - older_than).delete()
    return deleted


def in_process() -> bool:
    """True when there is no broker and tasks run in the calling process."""
    return bool(current_app.conf.task_always_eager)


def beat_task_intervals() -> dict[str, float | None]:
    """The beat schedule's entries and their interval in seconds (None: not an interval,
    e.g. a crontab)."""
    intervals: dict[str, float | None] = {}
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        schedule = entry["schedule"]
        if isinstance(schedule, timedelta):
            intervals[name] = schedule.total_seconds()
        elif isinstance(schedule, int | float):
            intervals[name] = float(schedule)
        else:
            intervals[name] = None
    return intervals


def task_late_after(interval: float) -> float:
    """A periodic task is late once it has not run for two intervals and a minute: a run
    may expire while the worker is busy, the next one then catches up."""
    return 2 * interval + 60


def outbox_max_wait_seconds() -> float:
    """A due mail may wait until the requeue picks it up; five minutes more is a backlog."""
    return settings.OUTBOX_REQUEUE_AFTER_SECONDS + 300


@lru_cache(maxsize=4)
def _redis_client(url: str):
    import redis

    # kombu's spelling of a Unix socket is redis+socket:// (or socket://); redis-py's unix://.
    for prefix in ("redis+socket://", "socket://"):
        if url.startswith(prefix):
            url = "unix://" + url[len(prefix):]
    return redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)


def broker_ping() -> bool:
    """Whether the broker answers (one PING over a kept connection for Redis)."""
    url = current_app.conf.broker_url or ""
    try:
        if url.startswith(("redis://", "rediss://", "redis+socket://", "socket://")):
            client = _redis_client(url)
            try:
                return bool(client.ping())
            except Exception:  # noqa: BLE001 - a connection from before a restart; once more
                return bool(client.ping())
        with current_app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=1)
            return True
    except Exception as exc:  # noqa: BLE001 - whatever the broker's client raises
        logger.warning("Broker unreachable: %s", exc)
        return False


def _age(now: datetime, at: datetime | None) -> int | None:
    return None if at is None else max(0, round((now - at).total_seconds()))


def _seen(now: datetime, at: datetime | None, *, fresh: bool) -> dict:
    return {"status": "ok" if fresh else "missing",
            "last_seen": at.isoformat() if at else None, "age_seconds": _age(now, at)}


def _outbox(now: datetime) -> dict:
    # Both states are found through the index on (state, next_attempt_at).
    row = OutgoingMail.objects.filter(state__in=[MailState.QUEUED, MailState.FAILED]).aggregate(
        queued=Count("pk", filter=Q(state=MailState.QUEUED)),
        failed=Count("pk", filter=Q(state=MailState.FAILED)),
        oldest=Min("created_at", filter=Q(state=MailState.QUEUED)),
        oldest_due=Min(Coalesce("next_attempt_at", "created_at"),
                       filter=Q(state=MailState.QUEUED)
                       & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))),
    )
    waiting = _age(now, row["oldest_due"])
    backlog = waiting is not None and waiting > outbox_max_wait_seconds()
    return {"status": "backlog" if backlog else "ok", "queued": row["queued"],
            "failed": row["failed"], "oldest_queued_seconds": _age(now, row["oldest"]),
            "oldest_due_seconds": waiting}


def _is_problem(part: str | dict) -> bool:
    status = part if isinstance(part, str) else part["status"]
    return status not in ("ok", IN_PROCESS)


def health_report() -> dict:
    """The whole report (see the module docstring). Raises DatabaseError when the
    database is unreachable."""
    now = timezone.now()
    report: dict = {"status": "ok", "database": "ok"}
    outbox = _outbox(now)  # the first query: fails first when the database is down
    beats = dict(Heartbeat.objects.values_list("key", "at"))
    intervals = beat_task_intervals()
    if in_process():
        report["broker"] = IN_PROCESS
        report["worker"] = {"status": IN_PROCESS}
        report["beat"] = {"status": IN_PROCESS}
        report["tasks"] = {name: {"status": IN_PROCESS} for name in intervals}
    else:
        report["broker"] = "ok" if broker_ping() else "unreachable"
        workers = [at for key, at in beats.items() if key.startswith("worker:")]
        fresh = [at for at in workers if _age(now, at) <= STALE_SECONDS]
        report["worker"] = {**_seen(now, max(workers, default=None), fresh=bool(fresh)),
                            "count": len(fresh)}
        beat = beats.get("beat")
        report["beat"] = _seen(now, beat, fresh=beat is not None
                               and _age(now, beat) <= STALE_SECONDS)
        report["tasks"] = {}
        for name, interval in intervals.items():
            last = beats.get(f"task:{name}")
            if last is None:
                status = "never"
            elif interval is not None and _age(now, last) > task_late_after(interval):
                status = "late"
            else:
                status = "ok"
            report["tasks"][name] = {"status": status, "every_seconds": interval,
                                     "last_run": last.isoformat() if last else None,
                                     "age_seconds": _age(now, last)}
    report["outbox"] = outbox
    problems = [part for part in ("broker", "worker", "beat") if _is_problem(report[part])]
    problems += [f"task:{name}" for name, task in report["tasks"].items()
                 if task["status"] in ("late", "never")]
    if outbox["status"] != "ok":
        problems.append("outbox")
    report["problems"] = problems
    if problems:
        report["status"] = "degraded"
    return report
