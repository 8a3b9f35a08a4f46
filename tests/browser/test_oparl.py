"""The page about the open interfaces: reached from the footer, no serious axe violation;
and the API answers a script of another origin (CORS)."""

import pytest

from tests.browser.test_accessibility import blocking_violations, describe

pytestmark = pytest.mark.browser


def test_interfaces_page_from_the_footer_has_no_serious_axe_violations(page, live_server,
                                                                       transactional_db):
    page.goto(f"{live_server.url}/")

    page.get_by_role("link", name="Offene Daten und Schnittstellen (OParl)").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Offene Daten und Schnittstellen"
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_a_script_of_another_origin_reads_the_api(browser, live_server, transactional_db):
    """A script on another origin (127.0.0.1 instead of localhost, both on this machine)
    reads the API: the browser's CORS check passes. The portal's own CSP would forbid the
    page to connect elsewhere, so this stand-in for a foreign web app ignores it."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url.replace("localhost", "127.0.0.1") + "/schnittstellen/")

    answer = page.evaluate("url => fetch(url).then(r => r.json())",
                           f"{live_server.url}/oparl/v1/body/1/organization")
    context.close()

    assert answer["pagination"]["totalElements"] == 0
    assert answer["data"] == []
