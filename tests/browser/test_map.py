"""The member map in Chromium: accessible (axe), filled by pattern from the static CSS,
each member (or, beyond the limit, each Kreis) a link with its name and stage, and no
request leaves the portal."""

import re
from io import StringIO
from urllib.parse import urlparse

from django.core.management import call_command
from playwright.sync_api import expect

from members import demo
from tests.browser.test_accessibility import blocking_violations, describe

READER = "lesen.ahrweiler@example.org"


def test_topic_map_is_accessible_local_and_links_members(page, live_server, transactional_db,
                                                         log_in):
    call_command("demo_data", stdout=StringIO())
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    log_in(READER, demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/vorhaben/themen/e-akte/")

    neuwied = page.get_by_role("link", name="Landkreis Neuwied: in Umsetzung", exact=True)
    expect(neuwied).to_have_count(1)
    shape = neuwied.locator("path")
    assert shape.evaluate("path => getComputedStyle(path).fill") == 'url("#geo-fill-stage--2")'
    assert page.locator("#geo-map").bounding_box()["height"] > 300
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)

    page.get_by_role("link", name="Ganz Deutschland zeigen").click()
    expect(page.locator("#geo-map")).to_have_attribute("viewBox", "0 0 6508 8785")
    page.get_by_role("link", name="Landkreis Neuwied: in Umsetzung", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Landkreis Neuwied")
    assert hosts == {urlparse(live_server.url).hostname}


def test_start_page_map_for_visitors_is_accessible(page, live_server, transactional_db):
    call_command("demo_data", stdout=StringIO())

    page.goto(f"{live_server.url}/")

    expect(page.get_by_role("link", name="Landkreis Neuwied: Landkreis", exact=True)
           ).to_have_count(1)
    expect(page.get_by_role("link", name="© GeoBasis-DE / BKG 2021 (Daten verändert)")
           ).to_have_attribute("href", "https://www.bkg.bund.de")
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_map_per_kreis_is_accessible_and_zooms_to_a_kreis(page, live_server, transactional_db,
                                                          log_in, settings):
    """Beyond MAP_MEMBER_LIMIT (here below the demo's 17 members): one area per Kreis, named
    with its counts; a click zooms to the Kreis, whose members are drawn one by one."""
    settings.MAP_MEMBER_LIMIT = 5
    call_command("demo_data", stdout=StringIO())
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    log_in(READER, demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/vorhaben/themen/e-akte/")

    myk = page.get_by_role("link", name=re.compile(r"^Landkreis Mayen-Koblenz: 7 Mitglieder – "))
    expect(myk).to_have_count(1)
    fill = myk.locator("path").evaluate("path => getComputedStyle(path).fill")
    assert fill.startswith('url("#geo-fill-stage--')
    page.get_by_text(re.compile(r"^Die Karte als Tabelle \(10 Kreise, 17 Mitglieder\)")).click()
    expect(page.get_by_role("table", name="Die Mitglieder je Kreis")).to_be_visible()
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)

    myk.click()
    expect(page).to_have_url(re.compile(r"\?karte=07137#karte$"))
    expect(page.get_by_text("Ausschnitt: Landkreis Mayen-Koblenz.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Verbandsgemeinde Weißenthurm: "))
           ).to_have_count(1)
    expect(page.get_by_role("link", name=re.compile(r"^Landkreis Neuwied: 1 Mitglied – "))
           ).to_have_count(1)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)
    page.get_by_role("link", name="Alle Mitglieder zeigen").click()
    expect(page.get_by_text("Ausschnitt:")).to_have_count(0)
    assert hosts == {urlparse(live_server.url).hostname}
