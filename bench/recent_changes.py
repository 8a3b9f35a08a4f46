"""The dashboard's recent changes (common.changes) at national scale, read-only.

    .venv/bin/python bench/recent_changes.py [--database kreishaus_bench] [--runs 7]

Runs every change source as a reader would see it, in this process against the embedded
server's database (11,388 members, 8.7 million status changes in kreishaus_bench, see
bench/nationwide_data.py): the number of queries of the whole list, the median time of each
source and of all together (warm), beside a bare `SELECT 1` on the same connection, and the
plan of the status-change query (it must read the index on changed_at backwards, not the
table). A database older than projects 0007 has no creation time of joint projects; that
source is then left out. Writes nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kreishaus_bench")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    socket_dir = ROOT / "var" / "pgdata"
    os.environ["DATABASE_URL"] = f"postgresql://postgres:@/{args.database}?host={socket_dir}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.local")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from common.changes import change_sources, recent_changes
    from members.models import Administration, User
    from projects import changes as project_changes

    with connection.cursor() as cursor:
        columns = {column.name for column in
                   connection.introspection.get_table_description(cursor,
                                                                   "projects_jointproject")}
    kinds = [kind for kind in change_sources()
             if kind != "joint_projects" or "created_at" in columns]
    member = Administration.objects.filter(member_since__isnull=False).first()
    reader = User(email="bench@example.org", role="reader", administration=member)  # unsaved
    print(f"{Administration.objects.filter(member_since__isnull=False).count()} members; "
          f"sources: {', '.join(kinds)}")
    recent_changes(reader, kinds=kinds)  # warm up
    with CaptureQueriesContext(connection) as context:
        shown = recent_changes(reader, kinds=kinds)
    print(f"queries for the whole list: {len(context.captured_queries)}")
    for kind in kinds:
        median = _timed(lambda kind=kind: recent_changes(reader, kinds=[kind]), args.runs)
        print(f"  {kind:18s} {median:7.1f} ms")
    total = _timed(lambda: recent_changes(reader, kinds=kinds), args.runs)
    with connection.cursor() as cursor:
        bare = _timed(lambda: (cursor.execute("SELECT 1"), cursor.fetchall()), args.runs)
    print(f"  all together       {total:7.1f} ms  (SELECT 1: {bare:.2f} ms, "
          f"ratio {total / bare:.0f})")
    sql = project_changes._STATUS_GROUPS_SQL.format(since_clause="")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, {
            "window": project_changes.STATUS_CHANGE_WINDOW, "limit": 15,
            "zone": timezone.get_current_timezone_name()})
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print("status-change plan:")
    print("\n".join(f"    {line.strip()}" for line in plan.splitlines()
                    if "Scan" in line or "Aggregate" in line))
    for change in shown[:5]:
        print(f"  {change.when:%d.%m.%Y %H:%M}  {change.kind_label}: {change.title}")


if __name__ == "__main__":
    main()
