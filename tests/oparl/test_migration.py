"""Migration meetings 0004: working groups get created/modified; existing rows keep what
is known and nothing is lost."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.migrating import migrate

BEFORE = [("meetings", "0003_meeting_capacity_unlimited_or_positive")]
AFTER = [("meetings", "0004_workinggroup_timestamps")]


@pytest.fixture
def before_the_timestamps(transactional_db):
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate()


def test_migration_fills_times_from_the_meetings(before_the_timestamps):
    old = before_the_timestamps
    group = old.get_model("meetings", "WorkingGroup").objects.create(name="AG", slug="ag")
    empty = old.get_model("meetings", "WorkingGroup").objects.create(name="Leer", slug="leer")
    meeting_model = old.get_model("meetings", "Meeting")
    starts = timezone.now() + timedelta(days=10)
    first = meeting_model.objects.create(working_group=group, title="Erste", starts_at=starts,
                                         ends_at=starts + timedelta(hours=1))
    second = meeting_model.objects.create(working_group=group, title="Zweite",
                                          starts_at=starts, ends_at=starts + timedelta(hours=1))
    created = datetime(2024, 3, 1, 9, tzinfo=UTC)
    changed = datetime(2024, 4, 1, 9, tzinfo=UTC)
    meeting_model.objects.filter(pk=first.pk).update(created_at=created, updated_at=changed)
    meeting_model.objects.filter(pk=second.pk).update(created_at=changed, updated_at=changed)
    before = timezone.now()

    new = migrate(AFTER).loader.project_state(AFTER).apps

    groups = new.get_model("meetings", "WorkingGroup").objects
    assert groups.get(pk=group.pk).created_at == created
    assert groups.get(pk=group.pk).updated_at >= before
    assert groups.get(pk=empty.pk).created_at >= before
    assert groups.get(pk=group.pk).name == "AG"
    assert new.get_model("meetings", "Meeting").objects.count() == 2
