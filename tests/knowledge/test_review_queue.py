""""Zu prüfen" on the knowledge start page /wissen/: the coordination office sees the
articles due for a check (internal ones too, archived ones not), the longest due first, a
bounded list with the total, in a number of queries that does not grow; no other role ever
sees it, also when the rest of the page comes from the cache."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.articles import selectors, services
from knowledge.enums import Visibility
from knowledge.models import Article
from knowledge.review_dates import add_months
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db

INDEX = reverse("knowledge:index")
HEADING = 'id="zu-pruefen">Zu prüfen</h2>'


def _aged(article, months: int, days: int = 0):
    """Checked `months` months (and `days` days) ago."""
    Article.objects.filter(pk=article.pk).update(
        reviewed_at=add_months(timezone.localdate(), -months) - timedelta(days=days))
    return article


@pytest.fixture
def shelf():
    return CategoryFactory(name="Gute Beispiele", review_interval_months=12)


@pytest.fixture
def due_articles(reader, editor, coordinator, shelf):
    older = _aged(article_make(author=reader, title="Scannen im Bauamt", category=shelf), 20)
    newer = _aged(article_make(author=editor, title="Kosten der E-Akte", category=shelf,
                               visibility=Visibility.INTERNAL), 12)
    _aged(article_make(author=reader, title="Noch frisch", category=shelf), 11, days=27)
    archived = _aged(article_make(author=reader, title="Altes Faxverfahren", category=shelf), 30)
    services.article_archive(article=archived, user=coordinator)
    return older, newer


def _main(client) -> str:
    return client.get(INDEX).content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def _queue_section(page: str) -> str:
    return page.split(HEADING, 1)[1].split("</section>", 1)[0]


def test_coordinator_sees_due_articles_longest_due_first(client, coordinator, due_articles):
    client.force_login(coordinator)

    section = _queue_section(_main(client))

    today = timezone.localdate()
    assert "2 Artikel sind fällig, auf Aktualität geprüft zu werden" in section
    assert section.index("Scannen im Bauamt") < section.index("Kosten der E-Akte")
    assert "Noch frisch" not in section and "Altes Faxverfahren" not in section
    due = add_months(today, -8)
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]
    assert f"fällig seit {due.day}. {months[due.month - 1]} {due.year}" in section
    assert f'href="{reverse("knowledge:article_detail", args=[due_articles[0].slug])}"' in section
    assert "und " not in section  # nothing left out


def test_admin_sees_it_too(client, admin_user, due_articles):
    client.force_login(admin_user)
    assert HEADING in _main(client)


def test_coordinator_is_told_when_nothing_is_due(client, coordinator, shelf, reader):
    article_make(author=reader, title="Frisch", category=shelf)
    client.force_login(coordinator)

    section = _queue_section(_main(client))

    assert "Kein Artikel ist fällig: alle sind innerhalb ihres Prüfintervalls geprüft." in section


def test_list_is_bounded_and_names_the_rest(client, coordinator, reader, shelf, monkeypatch):
    monkeypatch.setattr(selectors, "REVIEW_QUEUE_SHOWN", 2)
    for number in range(4):
        _aged(article_make(author=reader, title=f"Artikel {number}", category=shelf),
              12 + number)
    client.force_login(coordinator)

    section = _queue_section(_main(client))

    assert "4 Artikel sind fällig" in section
    assert section.count("<li>") == 2
    assert "Artikel 3" in section and "Artikel 2" in section and "Artikel 0" not in section
    assert "und 2 weitere" in section


@pytest.mark.parametrize("role", ["visitor", "reader", "editor", "other_editor"])
def test_no_other_role_sees_it(client, role, request, due_articles):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    page = _main(client)
    assert "Zu prüfen" not in page and "fällig seit" not in page


@pytest.mark.parametrize("role", ["visitor", "reader", "editor"])
def test_cached_page_never_carries_it_to_other_roles(client, coordinator, role, request,
                                                     due_articles, cache_on):
    # The coordinator renders first and fills the cached part of the page; then the others.
    client.force_login(coordinator)
    assert HEADING in _main(client)
    client.logout()
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    assert "Zu prüfen" not in _main(client)
    assert "Zu prüfen" not in _main(client)  # the visitor page from the cache too
    # and the coordinator still gets it after the others filled the cache
    client.force_login(coordinator)
    assert HEADING in _main(client)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(INDEX)
    return len(queries.captured_queries)


def test_queries_do_not_grow_with_the_due_articles(client, coordinator, reader, shelf):
    client.force_login(coordinator)
    _aged(article_make(author=reader, title="Erster", category=shelf), 13)
    one = _queries(client)
    for number in range(30):
        _aged(article_make(author=reader, title=f"Artikel {number}", category=shelf), 14)

    assert _queries(client) == one


def test_reader_pays_no_query_for_it(client, reader, coordinator, due_articles, cache_on):
    client.force_login(reader)
    _queries(client)
    # As before the queue existed: session, user, the administration in the header, the
    # bell's unread count.
    assert _queries(client) == 4
