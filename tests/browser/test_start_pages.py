"""The start pages in a browser, on the demo network: the visitors' start page with dates,
articles and figures; the dashboard's recent changes, whose links lead to the change; the
coordinator's warning about an address other than SITE_URL. axe: 0 serious/critical."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.test_accessibility import blocking_violations, describe

DEMO_PASSWORD = "kreishaus-demo"


def _no_blocking_violations(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_start_pages_of_visitor_reader_and_coordinator(page, live_server, transactional_db,
                                                       log_in, settings):
    call_command("demo_data")
    settings.SITE_URL = "https://kreishaus.example.org"

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Nächste Sitzungstermine")).to_be_visible()
    meetings = page.locator("section[aria-labelledby=next-meetings-title] li")
    expect(meetings.first).to_contain_text("AG Digitales Kreishaus")
    expect(meetings.first).to_contain_text("zu Gast bei Westerwaldkreis")
    expect(page.get_by_role("heading", name="Neu im Wissen")).to_be_visible()
    expect(page.get_by_text("17 Verwaltungen arbeiten mit.")).to_be_visible()
    expect(page.get_by_role("heading", name="Im Betrieb bei unseren Mitgliedern")).to_be_visible()
    _no_blocking_violations(page)
    meetings.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sitzung der AG Digitales")

    log_in("lesen.ahrweiler@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/")
    changes = page.locator("section[aria-labelledby=dash-changes] li")
    expect(changes.first).to_be_visible()
    assert changes.count() == 15
    expect(page.get_by_text("Adresse der Plattform prüfen")).to_have_count(0)  # readers
    _no_blocking_violations(page)
    group = page.get_by_role("link", name=re.compile(r"^Landkreis Mainz-Bingen: \d+ "
                                                     r"Statusänderungen$"))
    group.click()
    expect(page).to_have_url(re.compile(r"/vorhaben/verwaltung/[^/]+/verlauf/$"))

    page.context.clear_cookies()
    log_in("koordination@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/")
    warning = page.get_by_role("heading", name="Adresse der Plattform prüfen")
    expect(warning).to_be_visible()
    expect(page.get_by_text("eingerichtet ist sie aber für „https://kreishaus.example.org“"))\
        .to_be_visible()
    _no_blocking_violations(page)
