"""Status matrix at national scale: summaries against counting, and a matrix window.

    DATABASE_URL=postgresql://… .venv/bin/python bench/matrix_scale.py [--repeat 20]

Run against a database filled by `manage.py generate_nationwide_statuses` (see
bench/README.md); it only reads. Prints, each as median and best of --repeat runs (the
services and windows change between runs, so no run hits a plan cached for the same key):

* service/summary   one OZG service's stage distribution from the StageCount summary
* service/count     the same from COUNT(*) … GROUP BY stage over projects_status
* network/summary   the stage distribution of all OZG statuses from the summary
* network/scan      the same from a COUNT over every status (a full scan)
* window            one page of the matrix: 50 member administrations (by name, at a
                    random offset) × 15 OZG services of one Themenfeld, 750 cells with
                    stage and maturity; the administration page and the cells, 2 queries
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.local")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from members.models import Administration
    from projects.models import OzgService, StageCount, Status

    rng = random.Random(args.seed)
    services = list(OzgService.objects.values_list("pk", "themenfeld_id"))
    members = Administration.objects.current()
    member_count = members.count()
    with connection.cursor() as cursor:  # the planner's estimate: no second full scan
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s",
                       [Status._meta.db_table])
        estimate = cursor.fetchone()[0]
    print(f"database {connection.settings_dict['NAME']}: {member_count:,} member "
          f"administrations, {len(services)} OZG services, about {estimate:,} statuses")

    def service_summary():
        pk = rng.choice(services)[0]
        return dict(StageCount.objects.filter(scope=StageCount.Scope.SERVICE, scope_id=pk)
                    .values_list("stage", "count"))

    def service_count():
        pk = rng.choice(services)[0]
        return dict(Status.objects.filter(service_id=pk).order_by()
                    .values_list("stage").annotate(n=Count("id")))

    def network_summary():
        return dict(StageCount.objects.filter(scope=StageCount.Scope.NETWORK_SERVICES)
                    .values_list("stage", "count"))

    def network_scan():
        return dict(Status.objects.filter(service__isnull=False).order_by()
                    .values_list("stage").annotate(n=Count("id")))

    by_themenfeld: dict[int, list[int]] = {}
    for pk, themenfeld in services:
        by_themenfeld.setdefault(themenfeld, []).append(pk)
    columns = [pks[:15] for pks in by_themenfeld.values() if len(pks) >= 15]

    def window():
        offset = rng.randrange(max(member_count - 50, 1))
        admins = list(members.order_by("name", "pk").values_list("pk", "name")
                      [offset:offset + 50])
        cells = list(Status.objects.filter(
            administration_id__in=[pk for pk, _name in admins],
            service_id__in=rng.choice(columns),
        ).values_list("administration_id", "service_id", "stage", "maturity"))
        return len(admins), len(cells)

    checks = [("service/summary", service_summary), ("service/count", service_count),
              ("network/summary", network_summary), ("network/scan", network_scan),
              ("window", window)]
    results = {}
    for label, function in checks:
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = function()
            timings.append((time.perf_counter() - started) * 1000)
        results[label] = result
        print(f"{label:16} median {statistics.median(timings):9.2f} ms   "
              f"best {min(timings):9.2f} ms")
    assert results["network/summary"] == results["network/scan"], "summary differs from scan"
    print(f"network distribution (stage: count): {results['network/scan']}")
    print(f"last window: {results['window'][0]} administrations, {results['window'][1]} cells")


if __name__ == "__main__":
    main()
