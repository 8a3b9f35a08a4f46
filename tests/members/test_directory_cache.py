"""The directory's rows for logged-in people come from the cache ({% cached_part %}) until a
member changes; what depends on the role (the "Mitglied seit" column) is kept apart."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AdministrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


def _rows(html: str) -> list[str]:
    return re.findall(r'<th scope="row" class="kern-table__cell"><a class="kern-link" '
                      r'href="/mitglieder/[^"]+">([^<]+)</a>', html)


def _get(client, path=None):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path or reverse("members:list")).content.decode()
    return html, len(queries.captured_queries)


def test_rows_come_from_the_cache_the_second_time(client, reader):
    AdministrationFactory(name="Landkreis Vulkaneifel")
    client.force_login(reader)
    first, first_queries = _get(client)
    again, queries = _get(client)
    assert _rows(again) == _rows(first) and "Landkreis Vulkaneifel" in _rows(again)
    assert queries == first_queries - 2  # neither the page of rows nor the map is read again


def test_a_new_member_shows_up_at_once(client, reader, django_capture_on_commit_callbacks):
    client.force_login(reader)
    _get(client)
    with django_capture_on_commit_callbacks(execute=True):
        AdministrationFactory(name="Landkreis Cochem-Zell")
    assert "Landkreis Cochem-Zell" in _rows(_get(client)[0])


def test_readers_rows_are_not_shown_to_visitors(client, reader, administration):
    client.force_login(reader)
    assert "Mitglied seit" in _get(client)[0]
    client.logout()
    html = client.get(reverse("members:list")).content.decode()
    assert "Mitglied seit" not in html and administration.name in _rows(html)


def test_filtered_lists_are_rendered_afresh(client, reader):
    AdministrationFactory(name="Landkreis Vulkaneifel")
    client.force_login(reader)
    path = reverse("members:list") + "?q=Vulkan"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    assert "Landkreis Vulkaneifel" in _rows(html)
    assert any("LIMIT" in query["sql"] and "ORDER BY" in query["sql"]
               for query in queries.captured_queries)  # the rows are read again
