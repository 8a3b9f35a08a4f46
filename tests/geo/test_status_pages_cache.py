"""The rendered member map comes from the cache until the members or the statuses it shows
change (common.page_cache.until_changed with per-topic/service status scopes)."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Administration, User
from projects.enums import Stage
from projects.models import Topic
from projects.statuses.services import status_save, summaries_rebuild

READER, COORDINATOR = "lesen.ahrweiler@example.org", "koordination@example.org"
TOPIC_PAGE = "/vorhaben/themen/e-akte/"


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


@pytest.fixture
def reader(demo) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=READER))
    return client


def _map(html: str) -> str:
    return re.search(r'<section class="section geo" id="karte".*?</section>', html, re.S).group(0)


def _get(client, path) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html, len(queries.captured_queries)


def _save(regional_key: str, slug: str, stage: int, capture) -> None:
    with capture(execute=True):  # the test's own transaction never commits
        status_save(administration=Administration.objects.get(regional_key=regional_key),
                    topic=Topic.objects.get(slug=slug), fields={"stage": stage},
                    by=User.objects.get(email=COORDINATOR))


@pytest.mark.parametrize("path", [TOPIC_PAGE, "/mitglieder/", "/mitglieder/?karte=deutschland"])
def test_the_map_is_built_once_and_served_the_same(reader, path):
    first, first_queries = _get(reader, path)
    again, queries = _get(reader, path)
    assert _map(again) == _map(first)
    assert queries < first_queries  # the map's own queries are gone


def test_a_status_change_of_the_topic_renews_its_map(reader,
                                                     django_capture_on_commit_callbacks):
    assert "Landkreis Neuwied: in Umsetzung" in reader.get(TOPIC_PAGE).content.decode()
    _save("07138", "e-akte", Stage.LIVE, django_capture_on_commit_callbacks)
    section = _map(reader.get(TOPIC_PAGE).content.decode())
    assert "Landkreis Neuwied: im Betrieb" in section
    assert "Landkreis Neuwied: in Umsetzung" not in section


def test_a_status_change_of_another_topic_keeps_the_map(reader,
                                                        django_capture_on_commit_callbacks):
    other = Topic.objects.exclude(slug="e-akte").filter(statuses__isnull=False).first()
    _get(reader, TOPIC_PAGE)
    _, cached_queries = _get(reader, TOPIC_PAGE)
    _save("07138", other.slug, Stage.LIVE, django_capture_on_commit_callbacks)
    _, queries = _get(reader, TOPIC_PAGE)
    assert queries == cached_queries


def test_a_renamed_member_is_renamed_on_the_map(reader, django_capture_on_commit_callbacks):
    assert "Landkreis Neuwied: in Umsetzung" in reader.get(TOPIC_PAGE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        member = Administration.objects.get(regional_key="07138")
        member.name = "Kreis Neuwied am Rhein"
        member.save()
    assert "Kreis Neuwied am Rhein: in Umsetzung" in _map(reader.get(TOPIC_PAGE).content.decode())


def test_a_recount_after_a_bulk_load_renews_the_map(reader, django_capture_on_commit_callbacks):
    assert "Landkreis Neuwied: in Umsetzung" in reader.get(TOPIC_PAGE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        # A bulk load sends no signals; it ends with the recount.
        Topic.objects.get(slug="e-akte").statuses.filter(
            administration__regional_key="07138").update(stage=Stage.PILOT)
        summaries_rebuild()
    assert "Landkreis Neuwied: Pilot" in _map(reader.get(TOPIC_PAGE).content.decode())


def test_other_parameters_are_not_cached_and_keep_their_links(reader):
    reader.get(TOPIC_PAGE)
    filtered = reader.get(TOPIC_PAGE + "?stand=3").content.decode()
    assert ('href="/vorhaben/themen/e-akte/?stand=3&amp;karte=deutschland#karte"') in filtered
    plain = reader.get(TOPIC_PAGE).content.decode()
    assert 'href="/vorhaben/themen/e-akte/?karte=deutschland#karte"' in plain


# The charts and "Wer kann helfen?" of the topic and OZG service pages ({% cached_part %}).

EDITOR_NEUWIED = "redaktion.neuwied@example.org"


def _neuwied_edit() -> str:
    slug = Administration.objects.get(regional_key="07138").slug
    return f'href="{reverse("projects:status_edit_topic", args=[slug, "e-akte"])}"'


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def _client(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def test_charts_and_list_come_from_the_cache_for_readers(reader):
    first, first_queries = _get(reader, TOPIC_PAGE)
    again, queries = _get(reader, TOPIC_PAGE)
    # Without the personal tokens of the follow and comment forms (rendered afresh).
    tokens = re.compile(r'name="(csrfmiddlewaretoken|_once)" value="[^"]*"')
    assert tokens.sub("", _main(again)) == tokens.sub("", _main(first))
    # session, user, topic, the page sections' queries; the bell, the follow button and
    # the comments section (issue 15) are per person, outside the cached parts.
    assert queries <= 10


def test_edit_links_stay_with_those_who_may_edit(demo):
    edit = _neuwied_edit()
    reader, editor, coordinator = (_client(READER), _client(EDITOR_NEUWIED),
                                   _client(COORDINATOR))
    assert edit in editor.get(TOPIC_PAGE + "?page=1").content.decode()
    assert edit in coordinator.get(TOPIC_PAGE + "?page=1").content.decode()
    for _ in range(2):
        assert edit not in reader.get(TOPIC_PAGE + "?page=1").content.decode()
    assert edit in editor.get(TOPIC_PAGE + "?page=1").content.decode()


def test_a_status_change_renews_charts_and_list(reader, django_capture_on_commit_callbacks):
    before = reader.get(TOPIC_PAGE).content.decode()
    _save("07138", "e-akte", Stage.LIVE, django_capture_on_commit_callbacks)
    after = reader.get(TOPIC_PAGE).content.decode()
    list_after = after.split('id="wer-kann-helfen"', 1)[1]
    assert list_after != before.split('id="wer-kann-helfen"', 1)[1]
    assert after.split('id="verteilung-titel"', 1)[1].split("</section>")[0] != \
        before.split('id="verteilung-titel"', 1)[1].split("</section>")[0]


# An administration's history and OZG table (projects.statuses.views.status_history).

def _history_url() -> str:
    slug = Administration.objects.get(regional_key="07138").slug
    return reverse("projects:status_history", args=[slug])


def test_history_follows_a_status_change(reader, django_capture_on_commit_callbacks):
    url = _history_url()
    before = _main(reader.get(url).content.decode())
    _save("07138", "e-akte", Stage.LIVE, django_capture_on_commit_callbacks)
    after = _main(reader.get(url).content.decode())
    assert after != before
    newest = after.split('<tbody class="kern-table__body">', 1)[1].split("</tr>", 1)[0]
    assert "E-Akte" in newest and "im Betrieb" in newest


def test_history_edit_links_stay_with_those_who_may_edit(demo):
    url, reader, editor = _history_url(), _client(READER), _client(EDITOR_NEUWIED)
    assert "bearbeiten<span" in editor.get(url).content.decode()
    for _ in range(2):
        assert "bearbeiten<span" not in reader.get(url).content.decode()


def test_zoom_links_of_a_cached_map_keep_each_pages_parameters(reader, settings):
    settings.MAP_MEMBER_LIMIT = 5  # the demo's 17 members: drawn per Kreis, with zoom links
    filtered = _map(reader.get("/mitglieder/?q=Stadt").content.decode())
    plain = reader.get("/mitglieder/").content.decode()
    assert 'href="/mitglieder/?q=Stadt&amp;karte=07137#karte"' in filtered
    assert 'href="/mitglieder/?karte=07137#karte"' in _map(plain)
    assert "ZOOMLINK" not in filtered + plain
    on_topic = _map(reader.get(TOPIC_PAGE + "?page=1").content.decode())
    assert 'href="/vorhaben/themen/e-akte/?page=1&amp;karte=07137#karte"' in on_topic


# The matrix (/vorhaben/): the table per editing audience.

def test_matrix_table_per_editing_audience_and_renewed_by_a_status(
        demo, django_capture_on_commit_callbacks):
    edit = _neuwied_edit()
    reader, coordinator = _client(READER), _client(COORDINATOR)
    assert edit in coordinator.get("/vorhaben/").content.decode()
    first, _ = _get(reader, "/vorhaben/")
    again, queries = _get(reader, "/vorhaben/")
    assert edit not in again and _main(again) == _main(first)
    assert queries <= 6
    _save("07138", "e-akte", Stage.LIVE, django_capture_on_commit_callbacks)
    after = reader.get("/vorhaben/").content.decode()

    def row(html):
        return html.split(">Landkreis Neuwied</th>", 1)[1].split("</tr>", 1)[0]

    assert row(after).count("im Betrieb") == row(again).count("im Betrieb") + 1


def test_progress_page_from_the_cache_until_a_status_changes(
        reader, django_capture_on_commit_callbacks):
    _get(reader, "/vorhaben/verlauf/")
    cached, queries = _get(reader, "/vorhaben/verlauf/")
    assert queries <= 4
    _save("07138", "e-akte", Stage.LIVE, django_capture_on_commit_callbacks)
    renewed, renewed_queries = _get(reader, "/vorhaben/verlauf/")
    assert renewed_queries > queries and _main(renewed) != _main(cached)
