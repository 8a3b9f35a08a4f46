"""Statuses: history on every change, conflicts detected, summaries kept exact."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from projects.enums import Stage
from projects.models import MaturityCount, StageCount, Status, StatusChange
from projects.statuses.services import StatusConflict, status_save, summaries_rebuild
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db


def _counts():
    stages = set(StageCount.objects.filter(count__gt=0).values_list(
        "scope", "scope_id", "stage", "count"))
    maturities = set(MaturityCount.objects.filter(count__gt=0).values_list(
        "themenfeld_id", "maturity", "count"))
    return stages, maturities


def test_every_change_is_kept_as_history(administration, editor):
    topic = make_topic()
    status = status_save(administration=administration, topic=topic, by=editor,
                         fields={"stage": Stage.PLANNED})
    status_save(administration=administration, topic=topic, by=editor,
                fields={"stage": Stage.PILOT, "product": "enaio"},
                expected_version=status.version)

    changes = list(StatusChange.objects.order_by("pk").values_list("changes", "changed_by"))
    assert changes[0] == ({"stage": [0, 1]}, editor.pk)
    assert changes[1] == ({"stage": [1, 3], "product": ["", "enaio"]}, editor.pk)
    assert Status.objects.get().version == 2


def test_saving_unchanged_values_records_nothing(administration, editor):
    topic = make_topic()
    status = status_save(administration=administration, topic=topic, by=editor,
                         fields={"stage": Stage.PLANNED})

    status_save(administration=administration, topic=topic, by=editor,
                fields={"stage": Stage.PLANNED}, expected_version=status.version)

    assert StatusChange.objects.count() == 1


def test_concurrent_edit_is_detected_and_nothing_overwritten(administration, editor, coordinator):
    topic = make_topic()
    first = status_save(administration=administration, topic=topic, by=editor,
                        fields={"stage": Stage.PLANNED})
    seen_version = first.version
    status_save(administration=administration, topic=topic, by=coordinator,
                fields={"stage": Stage.LIVE}, expected_version=seen_version)

    with pytest.raises(StatusConflict) as conflict:
        status_save(administration=administration, topic=topic, by=editor,
                    fields={"stage": Stage.IN_PROGRESS}, expected_version=seen_version)

    assert conflict.value.current.stage == Stage.LIVE
    assert Status.objects.get().stage == Stage.LIVE


def test_editor_of_other_administration_is_refused(administration, other_editor):
    with pytest.raises(PermissionDenied):
        status_save(administration=administration, topic=make_topic(), by=other_editor,
                    fields={"stage": Stage.PLANNED})


def test_maturity_only_for_ozg_services(administration, editor):
    with pytest.raises(ValidationError):
        status_save(administration=administration, topic=make_topic(), by=editor,
                    fields={"stage": Stage.LIVE, "maturity": 3})


def test_summaries_match_a_full_recount(administration, other_administration, editor,
                                        coordinator):
    topic, service = make_topic(), make_service()
    for admin in (administration, other_administration):
        status_save(administration=admin, topic=topic, by=coordinator, fields={"stage": 1})
        status_save(administration=admin, service=service, by=coordinator,
                    fields={"stage": 2, "maturity": 2})
    status_save(administration=administration, topic=topic, by=editor, fields={"stage": 4})
    status_save(administration=administration, service=service, by=editor,
                fields={"stage": 4, "maturity": 3})
    incremental = _counts()

    summaries_rebuild()

    assert _counts() == incremental
    assert StageCount.objects.get(scope="topic", scope_id=topic.pk, stage=4).count == 1
    assert StageCount.objects.get(scope="topic", scope_id=topic.pk, stage=1).count == 1
    assert MaturityCount.objects.get(maturity=3).count == 1
