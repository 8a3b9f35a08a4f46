"""The monthly stage changes (StageChangeMonth) recounted from the status history.

status_save adds to them with every change; this recount gives the same rows from the
StatusChange table, for repairs, bulk loads and history written with dates in the past
(the demo). The first change of a status is its creation (ids follow time): it adds one
at the stage it was created with; every later change with a stage moves one from the old
stage to the new. Months are calendar months in the portal's time zone.
"""

from django.conf import settings
from django.db import connection, transaction

from ..models import StageChangeMonth, Status, StatusChange

# Frozen copy in migrations/0005_stagechangemonth.py: change both together.
REBUILD_SQL = """
WITH ordered AS (
    SELECT c.status_id, c.changed_at, c.changes,
           c.id = MIN(c.id) OVER (PARTITION BY c.status_id) AS is_first
    FROM {changes} c
), moves AS (
    SELECT o.status_id, o.changed_at, m.stage, m.change
    FROM ordered o CROSS JOIN LATERAL (
        SELECT COALESCE((o.changes -> 'stage' ->> 1)::int, 0), 1 WHERE o.is_first
        UNION ALL
        SELECT (o.changes -> 'stage' ->> 0)::int, -1 WHERE NOT o.is_first AND o.changes ? 'stage'
        UNION ALL
        SELECT (o.changes -> 'stage' ->> 1)::int, 1 WHERE NOT o.is_first AND o.changes ? 'stage'
    ) AS m (stage, change)
), dated AS (
    SELECT s.topic_id, s.service_id, m.stage, m.change,
           date_trunc('month', m.changed_at AT TIME ZONE %(zone)s)::date AS month
    FROM moves m JOIN {statuses} s ON s.id = m.status_id
)
INSERT INTO {months} (scope, scope_id, month, stage, change)
SELECT scope, scope_id, month, stage, SUM(change) FROM (
    SELECT 'network_topics' AS scope, 0 AS scope_id, month, stage, change
    FROM dated WHERE topic_id IS NOT NULL
    UNION ALL
    SELECT 'network_services', 0, month, stage, change FROM dated WHERE service_id IS NOT NULL
    UNION ALL
    SELECT 'topic', topic_id, month, stage, change FROM dated WHERE topic_id IS NOT NULL
) AS scoped
GROUP BY scope, scope_id, month, stage
"""


def month_changes_rebuild(cursor) -> None:
    """Replace every StageChangeMonth row by the recount from the history (one statement;
    run inside the caller's transaction)."""
    months = StageChangeMonth._meta.db_table
    cursor.execute(f"DELETE FROM {months}")  # noqa: S608
    # Millions of history rows at national scale: sort and group in memory where possible.
    cursor.execute("SET LOCAL work_mem = '128MB'")
    cursor.execute(REBUILD_SQL.format(changes=StatusChange._meta.db_table,
                                      statuses=Status._meta.db_table, months=months),
                   {"zone": settings.TIME_ZONE})


def stage_months_rebuild() -> None:
    """Recount only the monthly stage changes, e.g. after history was dated back."""
    with transaction.atomic(), connection.cursor() as cursor:
        month_changes_rebuild(cursor)
