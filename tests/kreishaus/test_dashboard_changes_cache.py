""""Letzte Änderungen" on the dashboard from the cache per role until the next change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.enums import Visibility
from projects.enums import Stage
from projects.statuses.services import status_save
from tests.knowledge.factories import article_make
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


def _changes(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("start")).content.decode()
    section = page.split('id="dash-changes"', 1)[1].split("</section>", 1)[0]
    return section, [query["sql"] for query in queries.captured_queries]


def test_changes_are_read_once_and_renewed_by_a_change(client, reader, coordinator,
                                                       administration,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_make(author=reader, title="Leitfaden E-Akte", visibility=Visibility.INTERNAL)
    client.force_login(reader)
    first, _ = _changes(client)
    again, queries = _changes(client)
    assert "Leitfaden E-Akte" in again and again == first
    assert not [sql for sql in queries if "projects_statuschange" in sql]

    with django_capture_on_commit_callbacks(execute=True):
        status_save(administration=administration, topic=make_topic(), by=coordinator,
                    fields={"stage": Stage.PILOT})
    renewed, _ = _changes(client)
    assert "Statusänderung" in renewed and "Statusänderung" not in again
