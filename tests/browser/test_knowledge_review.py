"""Knowledge that stays current, in the browser: the coordinator finds an overdue article
under "Zu prüfen" on /wissen/, the visitor reads the hint that it may be outdated, and the
author confirms it as current; axe finds nothing serious on the way."""

from datetime import date

import pytest

from knowledge.enums import Visibility
from knowledge.models import Article
from tests.browser.test_accessibility import blocking_violations, describe
from tests.factories import TEST_PASSWORD, UserFactory
from tests.knowledge.factories import CategoryFactory, article_make


@pytest.fixture
def overdue(administration):
    author = UserFactory(administration=administration, first_name="Anna")
    category = CategoryFactory(name="E-Akte und Dokumentenmanagement",
                               review_interval_months=12)
    article = article_make(author=author, title="Scanstrecke im Bauamt",
                           summary="Wie wir Bauakten scannen.", category=category,
                           administration=administration, visibility=Visibility.PUBLIC)
    Article.objects.filter(pk=article.pk).update(reviewed_at=date(2025, 3, 3))
    return article, author


def assert_no_blocking_violations(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_coordinator_finds_it_visitor_is_warned_author_confirms(page, live_server, log_in,
                                                                coordinator, overdue):
    article, author = overdue
    log_in(coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/wissen/")
    queue = page.locator("section", has=page.get_by_role("heading", name="Zu prüfen"))
    assert "1 Artikel ist fällig" in queue.inner_text()
    assert_no_blocking_violations(page)
    queue.get_by_role("link", name="Scanstrecke im Bauamt").click()
    page.wait_for_url(f"**/wissen/artikel/{article.slug}/")
    page.get_by_role("button", name="Abmelden").click()

    page.goto(f"{live_server.url}/wissen/artikel/{article.slug}/")
    main = page.locator("main")
    assert ("Dieser Artikel ist seit dem 3. März 2025 nicht geprüft worden; Inhalte können "
            "veraltet sein.") in main.inner_text()
    assert "Inhalt zuletzt geprüft am 3. März 2025" in main.inner_text()
    assert page.get_by_role("button", name="Als aktuell bestätigen").count() == 0
    assert_no_blocking_violations(page)

    log_in(author.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/wissen/artikel/{article.slug}/")
    assert_no_blocking_violations(page)
    page.get_by_role("button", name="Als aktuell bestätigen").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Der Artikel gilt ab heute als geprüft" in text
    assert "Inhalte können veraltet sein" not in text
    assert Article.objects.get(pk=article.pk).reviewed_at != date(2025, 3, 3)
    assert_no_blocking_violations(page)
