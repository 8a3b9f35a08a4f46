"""Tagged PDF (PDF/UA) generation time: long minutes and a large attendance list.

    .venv/bin/python bench/minutes_pdf.py [--items 30] [--people 60] [--rounds 5] [--cold-fonts]

Uses a throw-away database on the embedded PostgreSQL (TEST_DATABASE_NAME, default
bench_minutes_pdf; dropped afterwards). Builds one meeting with N agenda items, each with
Markdown notes (a paragraph, a list with emphasis, a sub-heading) and a decision, 15 action
items, and P registered people from 8 administrations, publishes the minutes, then times
meetings.exports.minutes_pdf() and attendance_pdf() as the download views call them
(queries + template + WeasyPrint layout + font subsetting). Prints per document: median and
slowest wall-clock time, median CPU time of this process (steadier on a busy machine), pages,
size, queries, and whether the file passed the PDF/UA checks of the tests
(tests/pdf_inspect.py). --cold-fonts unpacks the WOFF2 fonts for every document again, as
WeasyPrint does without common.pdf's cache: the difference is what the cache saves.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", "bench_minutes_pdf")

NOTES = """Die Verwaltungen berichten über den Stand zu Punkt {n}; die Größenordnung der
Vorhaben ist ähnlich, die Prüfung der Unterlagen läuft.

- Mayen-Koblenz: *im Betrieb* seit Januar
- Neuwied: **Pilot** in zwei Ämtern
- Ahrweiler: Ausschreibung vorbereitet

## Nächste Schritte
Gemeinsamer Leitfaden bis zur übernächsten Sitzung; Rückmeldungen an die Koordinierungsstelle."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold-fonts", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        meeting_pk = build(args.items, args.people)
        rows = [measure(kind, meeting_pk, args.rounds, args.cold_fonts)
                for kind in ("minutes", "attendance")]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"{args.items} agenda items, {args.people} people, {args.rounds} rounds"
          + (", fonts unpacked for every document" if args.cold_fonts else ""))
    print(f"{'document':<12}{'median s':>10}{'max s':>8}{'cpu s':>7}{'pages':>7}{'KiB':>7}"
          f"{'queries':>9}  PDF/UA checks")
    for row in rows:
        print(f"{row['kind']:<12}{row['median']:>10.2f}{row['max']:>8.2f}{row['cpu']:>7.2f}"
              f"{row['pages']:>7}{row['kib']:>7.0f}{row['queries']:>9}  {row['checks']}")


def build(items: int, people: int) -> int:
    from django.utils import timezone

    from meetings.models import (
        ActionItem,
        AgendaItem,
        Decision,
        Meeting,
        Minutes,
        Registration,
        WorkingGroup,
    )
    from members.models import Administration, User

    offices = [Administration.objects.create(
        name=f"Landkreis Prüfstadt {i}", slug=f"pruefstadt-{i}", kind="landkreis",
        federal_state="07", member_since=date(2020, 1, 1)) for i in range(8)]
    users = User.objects.bulk_create([
        User(email=f"person{i}@example.org", first_name="Jörg", last_name=f"Weiß {i}",
             administration=offices[i % len(offices)], password="!")
        for i in range(people)])
    group = WorkingGroup.objects.create(name="AG Bench", slug="ag-bench")
    group.members.set(offices)
    starts = timezone.now() - timedelta(days=7)
    meeting = Meeting.objects.create(
        working_group=group, title="Arbeitskreis E-Akte – Öffentlichkeitsarbeit",
        starts_at=starts, ends_at=starts + timedelta(hours=3), host=offices[0],
        location="Kreishaus, Saal 1", state="held")
    Registration.objects.bulk_create([
        Registration(meeting=meeting, user=user, attended=i % 5 != 0)
        for i, user in enumerate(users)])
    agenda = AgendaItem.objects.bulk_create([
        AgendaItem(meeting=meeting, order=n, title=f"Bericht Nr. {n} über Prüfungen",
                   presenter="Anna Bäcker", notes=NOTES.format(n=n))
        for n in range(1, items + 1)])
    Decision.objects.bulk_create([
        Decision(meeting=meeting, agenda_item=item, order=1, result="majority",
                 wording=f"Die AG beschließt zu Punkt {item.order} den **Leitfaden**.")
        for item in agenda])
    ActionItem.objects.bulk_create([
        ActionItem(meeting=meeting, title=f"Entwurf Nr. {n} abstimmen",
                   responsible_administration=offices[n % len(offices)],
                   due_date=date(2027, 1, 1) + timedelta(days=n))
        for n in range(15)])
    Minutes.objects.create(meeting=meeting, summary="Gute Beteiligung, klare Ergebnisse.",
                           state="published", published_at=timezone.now())
    return meeting.pk


def measure(kind: str, meeting_pk: int, rounds: int, cold_fonts: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from common.pdf import _truetype
    from meetings import exports
    from meetings.selectors.meetings import meeting_for_page, meeting_with_published_minutes
    from tests.pdf_inspect import assert_tagged_pdf_ua

    timings, cpu, content, queries = [], [], b"", 0
    for _ in range(rounds):
        if cold_fonts:
            _truetype.cache_clear()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            if kind == "minutes":
                content = exports.minutes_pdf(meeting_with_published_minutes(meeting_pk).get())
            else:
                content = exports.attendance_pdf(meeting_for_page(meeting_pk).get())
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        queries = len(captured)
    title = ("Protokoll" if kind == "minutes" else "Anwesenheitsliste") + (
        ": Arbeitskreis E-Akte – Öffentlichkeitsarbeit")
    try:
        pdf = assert_tagged_pdf_ua(content, title)
        checks, pages = "passed", len(pdf.reader.pages)
    except AssertionError as error:
        checks, pages = f"FAILED {error}", 0
    return {"kind": kind, "median": statistics.median(timings), "max": max(timings),
            "cpu": statistics.median(cpu),
            "pages": pages, "kib": len(content) / 1024, "queries": queries, "checks": checks}


if __name__ == "__main__":
    main()
