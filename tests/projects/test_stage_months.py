"""The monthly stage changes (StageChangeMonth): status_save keeps them in step like the
stage counts, the rebuild from the history gives the same rows, and the migration fills
them for databases with history."""

import importlib
from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone

from projects.enums import Stage
from projects.models import StageChangeMonth, StatusChange
from projects.statuses.history_summaries import stage_months_rebuild
from projects.statuses.services import status_save, summaries_rebuild
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

FILL = importlib.import_module("projects.migrations.0005_stagechangemonth")


def _rows() -> set[tuple]:
    return set(StageChangeMonth.objects.exclude(change=0).values_list(
        "scope", "scope_id", "month", "stage", "change"))


def _this_month():
    return timezone.localdate().replace(day=1)


@pytest.fixture
def saved(administration, other_administration, coordinator, editor):
    """Statuses on a topic and a service, created and changed this month."""
    topic, service = make_topic(), make_service()
    for admin in (administration, other_administration):
        status_save(administration=admin, topic=topic, by=coordinator,
                    fields={"stage": Stage.PLANNED})
        status_save(administration=admin, service=service, by=coordinator,
                    fields={"stage": Stage.IN_PROGRESS, "maturity": 2})
    status_save(administration=administration, topic=topic, by=editor,
                fields={"stage": Stage.LIVE})
    # A change without a stage moves nothing.
    status_save(administration=administration, topic=topic, by=editor,
                fields={"note": "Läuft seit dem Frühjahr."})
    return topic, service


def test_status_save_keeps_the_month_in_step(saved):
    topic, _service = saved
    month = _this_month()

    assert _rows() == {
        ("topic", topic.pk, month, Stage.PLANNED, 1), ("topic", topic.pk, month, Stage.LIVE, 1),
        ("network_topics", 0, month, Stage.PLANNED, 1),
        ("network_topics", 0, month, Stage.LIVE, 1),
        ("network_services", 0, month, Stage.IN_PROGRESS, 2),
    }


def test_rebuild_from_the_history_gives_the_same_rows(saved):
    incremental = _rows()
    StageChangeMonth.objects.all().delete()

    summaries_rebuild()

    assert _rows() == incremental
    StageChangeMonth.objects.all().delete()
    stage_months_rebuild()
    assert _rows() == incremental


def test_history_dated_back_lands_in_its_month(saved):
    topic, _service = saved
    march = timezone.make_aware(datetime(2025, 3, 31, 23, 30))  # still March in Berlin
    StatusChange.objects.filter(status__topic=topic).update(changed_at=march)

    stage_months_rebuild()

    assert set(StageChangeMonth.objects.filter(scope="topic").exclude(change=0).values_list(
        "month", "stage", "change")) == {(march.date().replace(day=1), Stage.PLANNED, 1),
                                         (march.date().replace(day=1), Stage.LIVE, 1)}


def test_migration_fills_the_months_from_existing_history(saved):
    incremental = _rows()
    StageChangeMonth.objects.all().delete()

    with connection.schema_editor() as schema_editor:
        FILL.fill_from_history(None, schema_editor)

    assert _rows() == incremental
