"""/wissen/ for member staff: the page below the heading comes from the cache
({% cached_part %}) per audience until the next write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.enums import Visibility
from tests.knowledge.factories import article_make

pytestmark = pytest.mark.django_db
INDEX = reverse("knowledge:index")


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


def _get(client, path=INDEX):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html.split("<main", 1)[1].split("</main>", 1)[0], len(queries.captured_queries)


def test_the_list_is_read_once_for_members(client, reader):
    article_make(author=reader, title="Leitfaden E-Akte", visibility=Visibility.INTERNAL)
    client.force_login(reader)
    first, first_queries = _get(client)
    again, queries = _get(client)
    assert again == first and "Leitfaden E-Akte" in again
    # session, user, the administration in the header, the bell (unread notifications)
    assert queries == 4 < first_queries


def test_a_new_article_shows_up_at_once(client, reader, django_capture_on_commit_callbacks):
    client.force_login(reader)
    _get(client)
    with django_capture_on_commit_callbacks(execute=True):
        article_make(author=reader, title="Neu: Online-Termine", visibility=Visibility.INTERNAL)
    assert "Neu: Online-Termine" in _get(client)[0]


def test_members_part_never_reaches_visitors(client, reader):
    article_make(author=reader, title="Nur intern", visibility=Visibility.INTERNAL)
    client.force_login(reader)
    assert "Nur intern" in _get(client)[0]
    client.logout()
    assert "Nur intern" not in _get(client, INDEX + "?page=1")[0]


def test_filtered_lists_are_rendered_afresh(client, reader):
    client.force_login(reader)
    _get(client, INDEX + "?q=Akte")
    _, queries = _get(client, INDEX + "?q=Akte")
    assert queries > 3  # the articles are read again
