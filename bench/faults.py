"""Fault drills against the running quick start (`make run`, kreishaus.quickstart): the
database stops, Redis stops, the mail server refuses. Each drill prints a timeline and
its verdict; the exit code is 1 if a drill failed.

    .venv/bin/python bench/faults.py [--var-dir var] db [--outage 30]
    .venv/bin/python bench/faults.py [--var-dir var] redis [--outage 120]
    .venv/bin/python bench/faults.py [--var-dir var] smtp [--outage 100]
    .venv/bin/python bench/faults.py [--var-dir var] redis-hang|db-hang [--outage 60]

Start a quick start of your own for it (never the one you work with), production-like
with persistent connections and a short reminder interval:

    CONN_MAX_AGE=60 REMINDER_INTERVAL_SECONDS=60 \\
        .venv/bin/python -m kreishaus.quickstart --port 8613 --var-dir /tmp/kh/var

* db: pg_ctl stops the embedded PostgreSQL (fast mode: sessions are cut) for `--outage`
  seconds while visitors and /healthz are requested every 0.2 s; then it starts again.
  Expected: 503 with the German page (never 500) and /healthz 503 during the outage
  (visitor pages the page cache holds are still served from Redis); 200 again within
  seconds of the restart, without restarting gunicorn. The server started again is not
  the launcher's: once the launcher has ended, stop it with pg_ctl.
* redis: Redis (broker and cache) is stopped and held down (the launcher's
  `hold-redis` file) for `--outage` seconds, while visitors browse, a member logs in
  and 5 mails are queued; a meeting is set up whose 1-day reminder falls due during the
  outage. Expected: pages 200, /healthz 200 "degraded" (broker unreachable), the mails
  stay queued; after Redis is back the mails and every due reminder arrive in the sink
  exactly once.
* redis-hang / db-hang: Redis, or PostgreSQL with all its backends, is frozen (SIGSTOP)
  for `--outage` seconds, then continues (SIGCONT): a server that stops answering
  without closing connections. Expected for Redis: pages 200, none slower than 5 s (the
  cache asks a frozen Redis once per process and thread, then pauses; sending a task gives
  up after its socket timeout), /healthz "degraded", mails queued meanwhile delivered
  exactly once after it continues. For PostgreSQL: no 500, /healthz never "ok"; requests
  that need the database wait while it is frozen (libpq has no read timeout; the
  container's health check times out) and all pages answer 200 again afterwards
  without a restart.
* smtp: the mail sink answers 451 to every recipient (its `.refuse` file) for `--outage`
  seconds while 5 mails are queued. Expected: attempts recorded with back-off
  (OUTBOX_RETRY_BASE_SECONDS · 2^n), nothing failed, after the refusal ends each mail
  delivered exactly once (counted by its Message-ID in the sink).
"""

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes
from email.policy import default as default_policy
from functools import partial
from pathlib import Path

import httpx

PROJECT_DIR = Path(__file__).resolve().parents[1]
PAGES = ["/", "/mitglieder/", "/wissen/", "/sitzungen/", "/suche/?q=Akte", "/healthz"]
GERMAN_503 = "Vorübergehend nicht erreichbar"


class Traffic(threading.Thread):
    """Requests the pages in turn every `interval` seconds and keeps (time, path, status,
    what the answer said)."""

    def __init__(self, url: str, interval: float = 0.2):
        super().__init__(daemon=True)
        self.url, self.interval = url, interval
        self.log: list[tuple[float, str, int, str]] = []
        self.seconds: list[tuple[float, float]] = []  # (when asked, seconds to the answer)
        self.stopped = threading.Event()
        self.began = time.monotonic()

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            number = 0
            while not self.stopped.is_set():
                path = PAGES[number % len(PAGES)]
                number += 1
                asked = time.monotonic() - self.began
                try:
                    response = client.get(path)
                    self.seconds.append((asked, time.monotonic() - self.began - asked))
                    said = _said(path, response)
                    self.log.append((time.monotonic() - self.began, path,
                                     response.status_code, said))
                except httpx.HTTPError as exc:
                    self.seconds.append((asked, time.monotonic() - self.began - asked))
                    self.log.append((time.monotonic() - self.began, path, 0,
                                     type(exc).__name__))
                self.stopped.wait(self.interval)

    def slowest(self, start: float, end: float) -> float:
        return max((took for asked, took in self.seconds if start <= asked < end), default=0)

    def between(self, start: float, end: float) -> list[tuple[float, str, int, str]]:
        return [entry for entry in self.log if start <= entry[0] < end]


def _said(path: str, response: httpx.Response) -> str:
    if path == "/healthz":
        try:
            return response.json().get("status", "")
        except ValueError:
            return "no JSON"
    if response.status_code == 503:
        return "German 503 page" if GERMAN_503 in response.text else "other 503"
    return ""


def summary(entries) -> str:
    counts = Counter((path == "/healthz", status, said) for _t, path, status, said in entries)
    parts = [f"{'healthz' if health else 'pages'} {status}{f' {said}' if said else ''}: {n}"
             for (health, status, said), n in sorted(counts.items())]
    return "; ".join(parts) or "no requests"


def setup_django(state: dict) -> None:
    os.environ["DATABASE_URL"] = state["database_url"]
    os.environ["CELERY_BROKER_URL"] = state["broker_url"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.quickstart")
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)


def pg_ctl(pgdata: Path, *args: str) -> None:
    from pgserver._commands import pg_ctl as run

    user = "pgserver" if os.geteuid() == 0 else None
    run(list(args), pgdata=pgdata, user=user, timeout=60)


def drill_db(state: dict, outage: float) -> bool:
    pgdata = Path(state["database_url"].split("host=")[1])
    traffic = Traffic(state["url"])
    traffic.start()
    time.sleep(5)
    stop_began = traffic_time = time.monotonic() - traffic.began
    pg_ctl(pgdata, "-w", "-m", "fast", "stop")
    down_at = time.monotonic() - traffic.began
    print(f"{down_at:6.1f} s  PostgreSQL stopped (took {down_at - stop_began:.1f} s)")
    time.sleep(outage)
    up_began = time.monotonic() - traffic.began
    pg_ctl(pgdata, "-w", "-o", '-h ""', "-o", f"-k {pgdata}", "-l", str(pgdata / "log"),
           "start")
    up_at = time.monotonic() - traffic.began
    print(f"{up_at:6.1f} s  PostgreSQL started again (took {up_at - up_began:.1f} s)")
    time.sleep(15)
    traffic.stopped.set()
    traffic.join()
    before = traffic.between(0, traffic_time)
    during = traffic.between(down_at + 0.5, up_began)
    after = traffic.between(up_at, 10**9)
    first_ok = next((t for t, path, status, _s in after if status == 200 and path != "/healthz"),
                    None)
    failing_after = [e for e in after if first_ok is not None and e[0] > first_ok
                     and e[2] != 200]
    print(f"before:  {summary(before)}")
    print(f"outage:  {summary(during)}")
    print(f"after:   {summary(after)}")
    print(f"first page served {first_ok - up_at:.1f} s after the start" if first_ok else
          "no page served after the start")
    server_errors = [e for e in traffic.log if e[2] == 500 or e[2] == 0]
    by_path = Counter((path, status) for _t, path, status, _s in during)
    print("outage per page: " + ", ".join(f"{path} {status}×{n}"
                                            for (path, status), n in sorted(by_path.items())))
    # Visitor pages may come from the page cache (Redis) while the database is down.
    checks = {
        "no 500 and no unanswered request": not server_errors,
        "requests during the outage": bool(during),
        "/healthz 503 during the outage": all(
            e[2] == 503 and e[3] == "error" for e in during if e[1] == "/healthz"),
        "pages 200 (cached) or the German 503": all(
            e[2] == 200 or e[3] == "German 503 page" for e in during if e[1] != "/healthz"),
        "served again after the start": first_ok is not None and not failing_after,
    }
    print(f"500 or no answer: {len(server_errors)}; non-200 after recovery: "
          f"{len(failing_after)}")
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return all(checks.values())


def sink_messages(mail_dir: Path) -> list:
    return [message_from_bytes(path.read_bytes(), policy=default_policy)
            for path in mail_dir.glob("*.eml")]


def queue_mails(run: str, count: int) -> list[int]:
    from django.db import transaction

    from common.outbox import mail_queue

    ids = []
    with transaction.atomic():
        for number in range(count):
            ids.append(mail_queue(to=f"drill-{number}@example.org",
                                  subject=f"Störungsübung {run} Nr. {number}",
                                  text="Diese E-Mail stammt aus einer Störungsübung.").pk)
    return ids


def wait_delivered(ids: list[int], mail_dir: Path, timeout: float) -> tuple[dict, float]:
    """Wait until the rows are sent (or failed); then count each one's Message-ID in the
    sink. Returns ({id: deliveries}, seconds waited)."""
    from common.enums import MailState
    from common.models import OutgoingMail
    from common.outbox import _message_id

    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if not OutgoingMail.objects.filter(pk__in=ids, state=MailState.QUEUED).exists():
            break
        time.sleep(2)
    waited = time.monotonic() - began
    time.sleep(2)  # the sink writes the file right after accepting
    seen = Counter(str(m["Message-ID"]) for m in sink_messages(mail_dir))
    return {mail.pk: seen[_message_id(mail)] for mail in
            OutgoingMail.objects.filter(pk__in=ids)}, waited


def drill_smtp(state: dict, outage: float) -> bool:
    setup_django(state)
    from common.models import OutgoingMail

    mail_dir = Path(state["mail_dir"])
    flag = mail_dir / ".refuse"
    run = str(int(time.time()))
    flag.touch()
    began = time.monotonic()
    ids = queue_mails(run, 5)
    print(f"sink refuses (451); 5 mails queued: ids {ids[0]}…{ids[-1]}")
    time.sleep(outage)
    rows = list(OutgoingMail.objects.filter(pk__in=ids).values_list(
        "state", "attempts", "next_attempt_at", "last_error"))
    print(f"{time.monotonic() - began:6.1f} s  refusal ends; rows: "
          f"{Counter((r[0], r[1]) for r in rows)}; last error: {rows[0][3][:80]!r}")
    flag.unlink()
    delivered, waited = wait_delivered(ids, mail_dir, timeout=600)
    rows = list(OutgoingMail.objects.filter(pk__in=ids).values_list("state", "attempts"))
    print(f"{time.monotonic() - began:6.1f} s  all rows left the queue after {waited:.0f} s "
          f"more; states/attempts: {Counter(rows)}; deliveries per mail: "
          f"{Counter(delivered.values())}")
    return all(n == 1 for n in delivered.values()) and all(s == "sent" for s, _a in rows)


def _meeting_with_reminder_due_in(seconds: float, run: str):
    """An invited meeting of a new working group whose 1-day reminder falls due in
    `seconds`; its invitees are the demo network's staff of two districts."""
    from datetime import timedelta

    from django.utils import timezone

    from meetings.enums import MeetingState
    from meetings.models import Meeting, WorkingGroup
    from members.models import Administration

    now = timezone.now()
    group = WorkingGroup.objects.create(name=f"AG Störungsübung {run}",
                                        slug=f"ag-stoerungsuebung-{run}", reminder_days=[1])
    group.members.set(Administration.objects.filter(slug__in=["mayen-koblenz", "neuwied"]))
    starts = now + timedelta(days=1, seconds=seconds)
    return Meeting.objects.create(
        working_group=group, title=f"Störungsübung {run}", starts_at=starts,
        ends_at=starts + timedelta(hours=2), state=MeetingState.INVITED,
        invited_at=now - timedelta(hours=1), location="Kreishaus, Raum 101")


def drill_redis(state: dict, outage: float) -> bool:
    setup_django(state)
    from common.enums import MailState
    from common.models import OutgoingMail, Reminder

    run_dir, mail_dir = Path(state["run_dir"]), Path(state["mail_dir"])
    run = str(int(time.time()))
    traffic = Traffic(state["url"], interval=0.5)
    traffic.start()
    time.sleep(3)
    (run_dir / "hold-redis").touch()
    os.kill(int((run_dir / "redis.pid").read_text()), signal.SIGTERM)
    down_at = time.monotonic() - traffic.began
    print(f"{down_at:6.1f} s  Redis stopped and held down")
    time.sleep(2)
    logins = []
    with httpx.Client(base_url=state["url"], timeout=30) as client:
        page = client.get("/konto/login/")
        token = page.cookies.get("csrftoken") or client.cookies.get("csrftoken")
        response = client.post("/konto/login/", data={
            "csrfmiddlewaretoken": token, "login": "lesen.ahrweiler@example.org",
            "password": "kreishaus-demo"}, headers={"Referer": state["url"] + "/"})
        logins.append(response.status_code)
        logins.append(client.get("/").status_code)
    meeting = _meeting_with_reminder_due_in(30, run)
    ids = queue_mails(run, 5)
    print(f"login during the outage: {logins} (POST, then the dashboard); 5 mails queued; "
          f"meeting {meeting.pk} with its 1-day reminder due in 30 s")
    time.sleep(max(outage - (time.monotonic() - traffic.began - down_at), 0))
    queued = OutgoingMail.objects.filter(pk__in=ids, state=MailState.QUEUED).count()
    reminders = Reminder.objects.filter(object_key=f"meeting:{meeting.pk}").count()
    (run_dir / "hold-redis").unlink()
    up_at = time.monotonic() - traffic.began
    print(f"{up_at:6.1f} s  Redis released (the launcher restarts it); still queued "
          f"{queued}/5, reminders queued meanwhile: {reminders}")
    delivered, waited = wait_delivered(ids, mail_dir, timeout=300)
    # The beat's next reminder run after the recovery (REMINDER_INTERVAL_SECONDS).
    began = time.monotonic()
    while (not Reminder.objects.filter(object_key=f"meeting:{meeting.pk}",
                                       kind="meeting_before_1").exists()
           and time.monotonic() - began < 900):
        time.sleep(3)
    reminder_ids = list(Reminder.objects.filter(object_key=f"meeting:{meeting.pk}")
                        .values_list("mail_id", flat=True))
    reminder_delivered, waited_reminders = wait_delivered(reminder_ids, mail_dir, 300)
    traffic.stopped.set()
    traffic.join()
    during = traffic.between(down_at + 1, up_at)
    kinds = Counter(Reminder.objects.filter(object_key=f"meeting:{meeting.pk}")
                    .values_list("kind", flat=True))
    print(f"outage: {summary(during)}")
    print(f"after:  {summary(traffic.between(up_at, 10**9))}")
    print(f"mails queued in the outage: delivered {Counter(delivered.values())} "
          f"({waited:.0f} s after the release); reminders {dict(kinds)}: deliveries per "
          f"mail {Counter(reminder_delivered.values())} ({time.monotonic() - began:.0f} s "
          f"after the mails)")
    return (all(e[2] == 200 for e in during) and logins == [302, 200] and queued == 5
            and all(n == 1 for n in delivered.values())
            and kinds.get("meeting_before_1", 0) > 0
            and all(n == 1 for n in reminder_delivered.values()))


def _redis_pids(run_dir: Path) -> list[int]:
    return [int((run_dir / "redis.pid").read_text())]


def _postgres_pids(pgdata: Path) -> list[int]:
    """The postmaster and every backend (its children)."""
    postmaster = int((pgdata / "postmaster.pid").read_text().split()[0])
    children = [int(pid) for pid in
                Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split()]
    return [postmaster, *children]


def drill_hang(state: dict, outage: float, what: str) -> bool:
    """Redis or PostgreSQL stops answering without closing a connection (SIGSTOP: a host
    that froze, a full network buffer), then continues (SIGCONT)."""
    setup_django(state)
    run_dir = Path(state["run_dir"])
    pgdata = Path(state["database_url"].split("host=")[1])
    traffic = Traffic(state["url"], interval=0.5)
    traffic.start()
    time.sleep(3)
    pids = _redis_pids(run_dir) if what == "redis" else _postgres_pids(pgdata)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    down_at = time.monotonic() - traffic.began
    print(f"{down_at:6.1f} s  {what} frozen (SIGSTOP to {len(pids)} processes)")
    mails: list[int] = []
    if what == "redis":
        began = time.monotonic()
        mails = queue_mails(str(int(time.time())), 5)
        print(f"5 mails queued during the freeze in {time.monotonic() - began:.1f} s")
    time.sleep(max(outage - (time.monotonic() - traffic.began - down_at), 0))
    for pid in pids:
        os.kill(pid, signal.SIGCONT)
    up_at = time.monotonic() - traffic.began
    print(f"{up_at:6.1f} s  {what} continues (SIGCONT)")
    delivered = {}
    if mails:
        delivered, waited = wait_delivered(mails, Path(state["mail_dir"]), timeout=300)
        print(f"mails queued in the freeze: deliveries per mail {Counter(delivered.values())} "
              f"({waited:.0f} s after SIGCONT)")
    time.sleep(40)  # a request held during the freeze may take up to its 30 s timeout
    traffic.stopped.set()
    traffic.join()
    during = traffic.between(down_at + 0.5, up_at)
    after = traffic.between(up_at + 30, 10**9)
    print(f"freeze: {summary(during)}; slowest answer {traffic.slowest(down_at, up_at):.1f} s")
    print(f"after:  {summary(after)}; slowest answer "
          f"{traffic.slowest(up_at + 30, 10**9):.1f} s")
    checks = {
        "no 500 during the freeze": not [e for e in during if e[2] == 500],
        "/healthz never says ok during the freeze": not [
            e for e in during if e[1] == "/healthz" and e[3] == "ok"],
        "all 200 again after the freeze, without a restart": bool(after) and all(
            e[2] == 200 for e in after),
    }
    if what == "redis":
        # Redis frozen: the cache and the broker give up after their socket timeouts.
        checks["pages 200 during the freeze, none slower than 5 s"] = bool(during) and all(
            e[2] == 200 for e in during if e[1] != "/healthz") and traffic.slowest(
            down_at, up_at) < 5
        checks["mails queued in the freeze delivered exactly once"] = bool(delivered) and all(
            n == 1 for n in delivered.values())
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return all(checks.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", type=Path, default=PROJECT_DIR / "var")
    parser.add_argument("drill", choices=["db", "redis", "smtp", "redis-hang", "db-hang"])
    parser.add_argument("--outage", type=float)
    args = parser.parse_args()
    state = json.loads((args.var_dir / "run" / "quickstart.json").read_text())
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    drills = {"db": (drill_db, 30), "redis": (drill_redis, 120), "smtp": (drill_smtp, 100),
              "redis-hang": (partial(drill_hang, what="redis"), 60),
              "db-hang": (partial(drill_hang, what="db"), 60)}
    drill, outage = drills[args.drill]
    ok = drill(state, args.outage or outage)
    print(f"drill {args.drill}: {'passed' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
