"""The search in the browser: a visitor's typo is offered the right word, the compound word
a part found is marked, and the link of an internal article leads through the login."""

import re

from playwright.sync_api import expect

from knowledge.enums import Visibility
from tests.browser.test_accessibility import blocking_violations, describe
from tests.factories import TEST_PASSWORD
from tests.knowledge.factories import article_make


def test_visitor_typo_suggestion_marked_compound_and_login_for_an_internal_link(
        page, live_server, reader):
    article_make(author=reader, title="Bauantrag digital mit der E-Akte",
                 summary="Der Bauantrag kommt online.", visibility=Visibility.PUBLIC)
    internal = article_make(author=reader, title="Zauberwürfel der Leitstelle")

    page.goto(f"{live_server.url}/suche/")
    page.get_by_label("Suchbegriff").fill("eakte")
    page.get_by_role("button", name="Suchen").click()
    expect(page.locator(".search-suggestions")).to_contain_text("Meinten Sie E-Akte?")
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)

    page.get_by_role("link", name="E-Akte", exact=True).click()
    expect(page.get_by_role("link", name="Bauantrag digital mit der E-Akte")).to_be_visible()
    expect(page.locator(".search-suggestions")).to_have_count(0)

    page.get_by_label("Suchbegriff").fill("Antrag")
    page.get_by_role("button", name="Suchen").click()
    expect(page.locator(".search-result__snippet mark")).to_have_text(["Bauantrag"])
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)

    page.goto(f"{live_server.url}/wissen/artikel/{internal.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")
    expect(page.locator("main")).not_to_contain_text("Zauberwürfel")
    page.locator("input[name=login]").fill(reader.email)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/wissen/artikel/{internal.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Zauberwürfel der Leitstelle")
