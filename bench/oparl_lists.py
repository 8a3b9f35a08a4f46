"""OParl lists at nationwide scale: the meeting list of 10,000 public meetings, page by page.

    .venv/bin/python bench/oparl_lists.py [--meetings 10000] [--repeat 15]

Uses its own database on the embedded PostgreSQL (default kreishaus_oparl_bench, created if
missing and kept for the next run; DATABASE_URL overrides). Generates once, with
bulk_create: 40 working groups and --meetings meetings from five years back to twenty years
ahead, 95 % invited (the past ones are depublished: `deleted`, listed with modified_since
only), 5 % planned (never in the API), a public document on every tenth; delete the
database to generate anew. Then, through
Django's test client in this process, each page against GET /healthz in the same run (these
machines are noisy: compare the ratio):

* /oparl/v1/body/1/meeting: first, middle and last page at limit 100 and 500, a filtered
  page (modified_since), a working group's list
* queries per page (constant, whatever the page number) and the size of each answer
* the whole list page by page (as a synchronising client reads it), total time
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")

_keep_alive: list = []


def _database_url(name: str) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    import warnings

    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver
    import psycopg

    server = pgserver.get_server(PROJECT_DIR / "var" / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    _keep_alive.append(server)
    return server.get_uri(name)


def generate(count: int) -> None:
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.utils import timezone

    from knowledge.enums import Visibility
    from knowledge.models import Document
    from meetings.models import Meeting, WorkingGroup

    if Meeting.objects.count() >= count:
        return
    started = time.perf_counter()
    with transaction.atomic():
        groups = WorkingGroup.objects.bulk_create(
            WorkingGroup(name=f"AG {n:02d} Digitalisierung", slug=f"ag-{n:02d}")
            for n in range(40))
        now = timezone.now()
        # From five years back to twenty years ahead: the past ones are depublished
        # (`deleted`, listed only with modified_since), the coming ones public.
        first = now - timedelta(days=5 * 365)
        step = timedelta(days=25 * 365) / count
        meetings = []
        for n in range(count):
            starts = first + step * n
            # 19 is prime to the 40 groups: every group has every kind of meeting.
            state = "planned" if n % 19 == 0 else "invited"
            meetings.append(Meeting(
                working_group=groups[n % len(groups)], title=f"{n // 40 + 1}. Sitzung",
                starts_at=starts, ends_at=starts + timedelta(hours=3), state=state,
                location="Kreisverwaltung\nMusterstraße 1\n56000 Musterstadt",
                invited_at=None if state == "planned" else starts - timedelta(days=21)))
        meetings = Meeting.objects.bulk_create(meetings, batch_size=2000)
        document = Document(title="Mustervorlage", visibility=Visibility.PUBLIC,
                            filename="vorlage.txt", size=7)
        document.file.save("vorlage.txt", ContentFile(b"Vorlage"), save=False)
        document.save()
        document.meetings.add(*meetings[::10])
    print(f"generated {count:,} meetings in {time.perf_counter() - started:.0f} s")


def _timed(client, url: str, repeat: int) -> tuple[float, object]:
    timings, response = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), response


def measure(repeat: int) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.models import WorkingGroup

    client = Client()
    total = client.get("/oparl/v1/body/1/meeting").json()["pagination"]["totalElements"]
    group = WorkingGroup.objects.order_by("pk").first()
    changes = "/oparl/v1/body/1/meeting?modified_since=2000-01-01T00%3A00%3A00%2B01%3A00"
    changes_pages = client.get(changes).json()["pagination"]["totalPages"]
    pages = [
        ("first page, limit 100", "/oparl/v1/body/1/meeting"),
        ("middle page, limit 100", f"/oparl/v1/body/1/meeting?page={total // 200 + 1}"),
        ("last page, limit 100", f"/oparl/v1/body/1/meeting?page={(total + 99) // 100}"),
        ("first page, limit 500", "/oparl/v1/body/1/meeting?limit=500"),
        ("last page, limit 500",
         f"/oparl/v1/body/1/meeting?limit=500&page={(total + 499) // 500}"),
        ("modified_since (with deleted)", changes),
        ("modified_since, last page", f"{changes}&page={changes_pages}"),
        ("a working group's list", f"/oparl/v1/organization/{group.pk}/meeting"),
        ("organizations", "/oparl/v1/body/1/organization"),
    ]
    print(f"\n{total:,} public meetings in the list")
    print(f"\n{'page':30} {'median':>9} {'× /healthz':>11} {'queries':>8} {'KiB':>7}")
    for label, url in pages:
        baseline, _ = _timed(client, "/healthz", repeat)
        median, response = _timed(client, url, repeat)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"{label:30} {median:7.1f} ms {median / baseline:10.1f}× {len(queries):8} "
              f"{len(response.content) / 1024:7.0f}")
    print(f"{'/healthz':30} {baseline:7.1f} ms")

    started, url, count, pages_read = time.perf_counter(), "/oparl/v1/body/1/meeting", 0, 0
    while url:
        page = client.get(url).json()
        count, pages_read = count + len(page["data"]), pages_read + 1
        url = page["links"].get("next", "").removeprefix(settings.SITE_URL) or None
    print(f"\nwhole list page by page (limit 100): {pages_read} pages, {count:,} meetings in "
          f"{time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database", default="kreishaus_oparl_bench")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = _database_url(args.database)
    os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
    settings.MEDIA_ROOT = PROJECT_DIR / "var" / "oparl-bench-media"
    call_command("migrate", verbosity=0)
    generate(args.meetings)
    measure(args.repeat)


if __name__ == "__main__":
    main()
