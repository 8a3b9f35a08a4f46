"""Rundfrage results at scale: the results page and the XLSX/CSV exports with many answers.

    .venv/bin/python bench/poll_results.py [--administrations 1000] [--rounds 5]

Uses a throw-away database on the embedded PostgreSQL (TEST_DATABASE_NAME, default
bench_poll_results; dropped afterwards). Builds one Rundfrage to all members with six
questions (one of every kind) and N member administrations, 90 % of them with a final
answer and 5 % with a draft, then requests the results page, its filtered variant and both
exports through Django's test client as the coordinator, and /healthz as the baseline of
the same client and process. Prints per address the median and slowest wall-clock time,
the ratio to the baseline, the number of queries and the size of the answer.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", "bench_poll_results")

DMS = ["d.velop d.3ecm", "enaio", "Regisafe", "VIS-Suite", "noch keines"]


def build(count: int) -> tuple[int, object]:
    from members.enums import AdministrationKind, FederalState, Role
    from members.models import Administration, User
    from polls.models import Answer, AnswerItem, AnswerState, Poll, Question, QuestionKind

    kinds = [AdministrationKind.LANDKREIS, AdministrationKind.STADT,
             AdministrationKind.VERBANDSGEMEINDE, AdministrationKind.GEMEINDE]
    administrations = Administration.objects.bulk_create(
        Administration(name=f"Verwaltung {n:05d}", short_name=f"V{n}", slug=f"verwaltung-{n}",
                       kind=kinds[n % 4], federal_state=FederalState.RP,
                       member_since=date(2020, 1, 1))
        for n in range(count))
    coordinator = User.objects.create(email="koordination@example.org", role=Role.COORDINATOR,
                                      administration=administrations[0], first_name="K")
    poll = Poll.objects.create(title="Welches DMS nutzen Sie?", administration=administrations[0],
                               author=coordinator, deadline=date.today() + timedelta(days=5))
    make = Question.objects.create
    questions = [
        make(poll=poll, position=1, text="DMS?", kind=QuestionKind.SINGLE, choices=DMS,
             allow_other=True),
        make(poll=poll, position=2, text="Bereiche?", kind=QuestionKind.MULTIPLE,
             choices=["Bauamt", "Personal", "Kasse", "Ordnungsamt"]),
        make(poll=poll, position=3, text="Zufrieden?", kind=QuestionKind.YES_NO),
        make(poll=poll, position=4, text="Nutzer?", kind=QuestionKind.NUMBER),
        make(poll=poll, position=5, text="Seit?", kind=QuestionKind.DATE),
        make(poll=poll, position=6, text="Rat?", kind=QuestionKind.TEXT),
    ]
    answers = Answer.objects.bulk_create(
        Answer(poll=poll, administration=administration,
               state=AnswerState.DRAFT if n % 20 == 19 else AnswerState.FINAL)
        for n, administration in enumerate(administrations) if n % 10 != 9)
    items = []
    for n, answer in enumerate(answers):
        items += [
            AnswerItem(answer=answer, question=questions[0], choices=[DMS[n % 5]],
                       other="Eigenbau" if n % 17 == 0 else ""),
            AnswerItem(answer=answer, question=questions[1],
                       choices=["Bauamt", "Kasse"][: 1 + n % 2]),
            AnswerItem(answer=answer, question=questions[2], yes=n % 3 != 0),
            AnswerItem(answer=answer, question=questions[3], number=Decimal(n % 700)),
            AnswerItem(answer=answer, question=questions[4],
                       date=date(2015, 1, 1) + timedelta(days=n % 3000)),
            AnswerItem(answer=answer, question=questions[5], not_possible=n % 7 == 0,
                       text="" if n % 7 == 0 else f"Erfahrung Nummer {n}: früh schulen."),
        ]
    AnswerItem.objects.bulk_create(items, batch_size=5000)
    return poll.pk, coordinator


def measure(client, url: str, rounds: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, size, queries = [], 0, 0
    for _ in range(rounds + 1):  # the first round warms caches and is not counted
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            content = (b"".join(response.streaming_content) if response.streaming
                       else response.content)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed)
        size, queries = len(content), len(captured)
    times = times[1:]
    return {"url": url, "median": statistics.median(times), "max": max(times),
            "queries": queries, "size": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--administrations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        poll_pk, coordinator = build(args.administrations)
        client = Client()
        client.force_login(coordinator)
        base = f"/rundfragen/{poll_pk}/ergebnisse"
        rows = [measure(client, url, args.rounds) for url in (
            "/healthz", f"{base}/", f"{base}/?art=stadt", f"{base}.csv", f"{base}.xlsx")]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    baseline = rows[0]["median"]
    print(f"{args.administrations} administrations, {args.rounds} rounds")
    print(f"{'address':42} {'median':>9} {'slowest':>9} {'ratio':>7} {'queries':>8} {'bytes':>10}")
    for row in rows:
        print(f"{row['url']:42} {row['median'] * 1000:8.1f}ms {row['max'] * 1000:8.1f}ms "
              f"{row['median'] / baseline:7.1f} {row['queries']:8d} {row['size']:10d}")


if __name__ == "__main__":
    main()
