"""axe-core on the knowledge pages and the search, with real content on them."""

import pytest

from knowledge.articles.services import article_update
from knowledge.enums import Visibility
from tests.browser.test_accessibility import blocking_violations, describe
from tests.factories import TEST_PASSWORD
from tests.knowledge.factories import CategoryFactory, article_make, document_make

BODY = """## Ausgangslage

Bauanträge kamen bisher auf Papier. Seit 2025 nutzen wir die E-Akte.

| Phase | Zeitraum |
| --- | --- |
| Pilot | Januar bis März |
| Rollout | ab April |

- Posteingang digital
- [Onlinezugangsgesetz](https://www.onlinezugangsgesetz.de/)
"""


@pytest.fixture
def knowledge_content(reader):
    category = CategoryFactory(name="E-Akte und Dokumentenmanagement",
                               description="Einführung, Scannen, Aufbewahrung.")
    article = article_make(author=reader, title="Bauanträge digital annehmen",
                           summary="Vom Papierantrag zur E-Akte in drei Schritten.", body=BODY,
                           category=category, visibility=Visibility.PUBLIC,
                           tags=["E-Akte", "Bauantrag"])
    article_update(article=article, user=reader, expected_revision=1,
                   body=BODY + "\nErgänzt um den Rollout.", message="Rollout ergänzt")
    document = document_make(uploaded_by=reader, title="Checkliste Bauantrag",
                             visibility=Visibility.PUBLIC)
    document.articles.add(article)
    return article


def assert_no_blocking_violations(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


@pytest.mark.parametrize("logged_in", [False, True], ids=["visitor", "reader"])
def test_knowledge_start_has_no_serious_axe_violations(page, live_server, reader, log_in,
                                                       knowledge_content, logged_in):
    if logged_in:
        log_in(reader.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/wissen/?kategorie={knowledge_content.category.slug}")

    assert page.get_by_role("heading", level=1).inner_text() == "Wissen"
    assert_no_blocking_violations(page)


def test_article_page_has_no_serious_axe_violations(page, live_server, reader, log_in,
                                                    knowledge_content):
    log_in(reader.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/wissen/artikel/{knowledge_content.slug}/")

    assert page.get_by_role("heading", level=1).inner_text() == "Bauanträge digital annehmen"
    assert page.get_by_role("table").count() == 1
    assert_no_blocking_violations(page)


def test_revision_diff_has_no_serious_axe_violations(page, live_server, reader, log_in,
                                                     knowledge_content):
    log_in(reader.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/wissen/artikel/{knowledge_content.slug}/versionen/2/")

    assert "Rollout" in page.locator("main").inner_text()
    assert_no_blocking_violations(page)


def test_editor_with_preview_and_error_has_no_serious_axe_violations(
        page, live_server, reader, log_in, knowledge_content):
    log_in(reader.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/wissen/artikel/{knowledge_content.slug}/bearbeiten/")
    assert_no_blocking_violations(page)

    page.get_by_label("Titel", exact=True).fill("")
    page.get_by_role("button", name="Vorschau").click()

    assert page.get_by_text("Bitte geben Sie").count() + page.get_by_text(
        "Dieses Feld").count() >= 1
    assert_no_blocking_violations(page)


@pytest.mark.parametrize("logged_in", [False, True], ids=["visitor", "reader"])
def test_search_results_have_no_serious_axe_violations(page, live_server, reader, log_in,
                                                       knowledge_content, logged_in):
    if logged_in:
        log_in(reader.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/suche/?q=Antrag")

    assert page.get_by_role("link", name="Bauanträge digital annehmen").count() == 1
    assert_no_blocking_violations(page)
