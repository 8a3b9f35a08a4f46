from django.conf import settings
from django.db import migrations, models

# The monthly stage changes recounted from the history that exists (frozen copy of
# projects.statuses.history_summaries.REBUILD_SQL at the time of this migration).
FILL_SQL = """
WITH ordered AS (
    SELECT c.status_id, c.changed_at, c.changes,
           c.id = MIN(c.id) OVER (PARTITION BY c.status_id) AS is_first
    FROM projects_statuschange c
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
    FROM moves m JOIN projects_status s ON s.id = m.status_id
)
INSERT INTO projects_stagechangemonth (scope, scope_id, month, stage, change)
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


def fill_from_history(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '128MB'")
        cursor.execute(FILL_SQL, {"zone": settings.TIME_ZONE})


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0004_one_open_survey_round_per_title'),
    ]

    operations = [
        migrations.CreateModel(
            name='StageChangeMonth',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scope', models.CharField(choices=[('network_topics', 'Netzwerk (Themen)'), ('network_services', 'Netzwerk (OZG)'), ('topic', 'Thema'), ('service', 'OZG-Leistung'), ('administration', 'Verwaltung')], max_length=20)),
                ('scope_id', models.PositiveIntegerField(default=0)),
                ('month', models.DateField(help_text='Erster Tag des Monats (Ortszeit)')),
                ('stage', models.PositiveSmallIntegerField(choices=[(0, 'nicht geplant'), (1, 'geplant'), (2, 'in Umsetzung'), (3, 'Pilot'), (4, 'im Betrieb')])),
                ('change', models.IntegerField(default=0)),
            ],
            options={
                'verbose_name': 'Monatliche Änderung nach Stand',
                'verbose_name_plural': 'Monatliche Änderungen nach Stand',
                'constraints': [models.UniqueConstraint(fields=('scope', 'scope_id', 'month', 'stage'), name='one_change_per_scope_month_and_stage')],
            },
        ),
        migrations.RunPython(fill_from_history, migrations.RunPython.noop),
    ]
