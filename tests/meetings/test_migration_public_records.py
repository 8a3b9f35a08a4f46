"""Migration meetings 0010: existing meetings and agenda items stay internal (nothing leaks
by the migration), agenda items take their meeting's creation and last change, and nothing
is lost."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.migrating import migrate

BEFORE = [("meetings", "0004_workinggroup_timestamps")]
AFTER = [("meetings", "0010_public_records")]


@pytest.fixture
def before_public_records(transactional_db):
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate()


def test_existing_meetings_stay_internal_and_items_get_their_meetings_times(
        before_public_records):
    old = before_public_records
    group = old.get_model("meetings", "WorkingGroup").objects.create(name="AG", slug="ag")
    meetings = old.get_model("meetings", "Meeting").objects
    starts = timezone.now() - timedelta(days=10)
    held = meetings.create(working_group=group, title="Gehalten", starts_at=starts,
                           ends_at=starts + timedelta(hours=2), state="minutes_published",
                           location="Kreishaus", invited_at=starts - timedelta(days=20))
    created = datetime(2024, 3, 1, 9, tzinfo=UTC)
    changed = datetime(2024, 4, 1, 9, tzinfo=UTC)
    meetings.filter(pk=held.pk).update(created_at=created, updated_at=changed)
    items = old.get_model("meetings", "AgendaItem").objects
    item = items.create(meeting=held, order=1, title="Breitband", notes="Notiz")

    new = migrate(AFTER).loader.project_state(AFTER).apps

    stored = new.get_model("meetings", "Meeting").objects.get(pk=held.pk)
    assert (stored.public_records, stored.public_records_at) == (False, None)
    assert (stored.title, stored.location) == ("Gehalten", "Kreishaus")
    moved = new.get_model("meetings", "AgendaItem").objects.get(pk=item.pk)
    assert moved.public is False
    assert (moved.created_at, moved.updated_at) == (created, changed)
    assert (moved.title, moved.notes) == ("Breitband", "Notiz")
