"""The nationwide benchmark data set in one command, in a database of its own.

    .venv/bin/python bench/nationwide_data.py [--database kreishaus_bench] [--articles 100000]

On the embedded PostgreSQL (DATABASE_URL overrides): creates the database if missing,
migrates, loads the demo network (logins, meetings, the ten districts' statuses), then
`manage.py generate_nationwide_statuses` (all 11,381 Kreise and municipalities as members,
a status on each of the 557 OZG services and each of the 14 topics with a year and a half
of history, contact persons), then 100,000 knowledge articles from bench/search_scale.py's
generator (contributed by 400 of the members, linked to 0-2 topics each), the search index
and VACUUM ANALYZE. Each step skips what is there, so an interrupted run can go on.
About 4.5 GB; afterwards DROP DATABASE kreishaus_bench (from the postgres database).
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_scale  # noqa: E402  (also puts the project on sys.path)

CONTRIBUTORS = 400


def _step(title: str):
    print(f"\n== {title}", flush=True)
    return time.perf_counter()


def _done(started: float) -> None:
    print(f"   {time.perf_counter() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="kreishaus_bench")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-statuses", action="store_true")
    parser.add_argument("--skip-index", action="store_true")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = search_scale._database_url(args.database)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from knowledge.models import Article
    from members.models import Administration, User
    from projects.models import Topic

    started = _step("migrate")
    call_command("migrate", verbosity=0)
    _done(started)
    if not User.objects.exists():
        started = _step("demo_data")
        call_command("demo_data", verbosity=0)
        _done(started)
    if not args.skip_statuses:
        started = _step("generate_nationwide_statuses")
        call_command("generate_nationwide_statuses", yes=True, chunk=1000)
        _done(started)
    if Article.objects.count() < args.articles:
        started = _step(f"{args.articles:,} articles")
        members = list(Administration.objects.current().order_by("pk"))
        contributors = random.Random(args.seed).sample(members, min(CONTRIBUTORS, len(members)))
        search_scale.generate(args.articles, args.seed, administrations=contributors,
                              topics=list(Topic.objects.filter(is_active=True)))
        _done(started)
        args.skip_index = False
    if not args.skip_index:
        started = _step("search index")
        call_command("rebuild_search_index")
        _done(started)
    started = _step("VACUUM ANALYZE")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"   database size {cursor.fetchone()[0]}")
    _done(started)


if __name__ == "__main__":
    main()
