"""Median time and query count of main pages on the current (demo) database, as a ratio
against /healthz through the same client (these machines are noisy).

Run: ALLOWED_HOSTS=testserver .venv/bin/python bench/page_timings.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

PAGES = ["/vorhaben/", "/vorhaben/themen/e-akte/", "/mitglieder/", "/sitzungen/"]


def measure(client, url: str, repeat: int = 20) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(times), len(queries.captured_queries), response.status_code


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.local")
    import django

    django.setup()
    from django.test import Client

    from members.models import User

    client = Client()
    client.force_login(User.objects.get(email="koordination@example.org"))
    baseline, _queries, _status = measure(client, "/healthz")
    for url in PAGES:
        median, queries, status = measure(client, url)
        print(f"{url}: {median * 1000:.1f} ms median, {queries} queries, status {status}, "
              f"{median / baseline:.1f}x /healthz ({baseline * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
