"""Migration projects 0007: joint projects record their creation time; the existing ones
keep none (unknown, so they are no news on the dashboard), new ones get theirs."""

import pytest
from django.utils import timezone

from tests.migrating import migrate

BEFORE = [("projects", "0006_status_covering_indexes")]
AFTER = [("projects", "0007_jointproject_created_at")]


@pytest.fixture
def before_created_at(transactional_db):
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate()


def test_existing_projects_keep_no_creation_time(before_created_at):
    old = before_created_at
    lead = old.get_model("members", "Administration").objects.create(
        name="Landkreis Ahrweiler", slug="ahrweiler", kind="landkreis", federal_state="RP")
    old.get_model("projects", "JointProject").objects.create(
        title="Baulastenakten digitalisieren", slug="baulasten", goal="Digital.", lead=lead)
    before = timezone.now()

    new = migrate(AFTER).loader.project_state(AFTER).apps

    projects = new.get_model("projects", "JointProject").objects
    existing = projects.get(slug="baulasten")
    assert existing.created_at is None
    assert existing.title == "Baulastenakten digitalisieren"
    fresh = projects.create(title="Kfz-Ummeldung", slug="kfz", goal="Online.", lead_id=lead.pk)
    assert fresh.created_at >= before
