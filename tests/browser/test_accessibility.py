import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from members import demo
from tests.factories import TEST_PASSWORD

BLOCKING_IMPACTS = ("serious", "critical")


def blocking_violations(page) -> list[dict]:
    """Run axe-core on the page and keep the serious and critical violations."""
    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Gemeinsam digitaler verwalten"),
        ("/konto/login/", "Anmelden"),
        ("/mitglieder/", "Mitglieder"),
    ],
)
def test_public_page_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                   path, heading):
    demo.load()

    page.goto(f"{live_server.url}{path}")

    assert page.get_by_role("heading", level=1).inner_text() == heading
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_dashboard_for_reader_has_no_serious_axe_violations(page, live_server, reader, log_in):
    log_in(reader.email, TEST_PASSWORD)

    assert page.get_by_role("heading", level=1).inner_text() == "Willkommen, Rita"
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_login_error_has_no_serious_axe_violations(page, live_server, reader):
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").fill(reader.email)
    page.locator("input[name=password]").fill("falsches-passwort")
    page.get_by_role("button", name="Anmelden", exact=True).click()

    expect(page.get_by_role("alert")).to_have_count(1)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_directory_with_filter_has_no_serious_axe_violations(page, live_server,
                                                             transactional_db):
    demo.load()
    page.goto(f"{live_server.url}/mitglieder/")
    page.get_by_label(re.compile(r"^Art\b")).select_option(label="Verbandsgemeinde")
    page.get_by_label("Ehemalige Mitglieder einbeziehen").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"[?&]kind=verbandsgemeinde\b"))
    expect(page.get_by_role("status")).to_have_text("3 Verwaltungen gefunden.")
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


@pytest.mark.parametrize("email", [None, "koordination@example.org"],
                         ids=["visitor", "coordinator"])
def test_administration_page_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                           log_in, email):
    demo.load()
    if email:
        log_in(email, demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Landkreis Mayen-Koblenz")
    expect(page.get_by_role("link", name="Steckbrief bearbeiten")).to_have_count(1 if email else 0)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_steckbrief_form_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                       log_in):
    demo.load()
    log_in("redaktion.myk@example.org", demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/steckbrief/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Steckbrief Landkreis Mayen-Koblenz")
    expect(page.get_by_role("textbox")).to_have_count(6)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_contact_form_error_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                          log_in):
    demo.load()
    log_in("redaktion.myk@example.org", demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/ansprechpersonen/neu/")
    page.get_by_label("Name", exact=True).fill("Miriam Lange")
    page.get_by_label(re.compile(r"^E-Mail-Adresse")).fill("keine-adresse")
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page.locator("#id_email_error")).to_be_visible()
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_staff_page_for_coordinator_has_no_serious_axe_violations(page, live_server,
                                                                  transactional_db, log_in):
    demo.load()
    log_in("koordination@example.org", demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/personen/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Personen mit Zugang: Landkreis Mayen-Koblenz")
    expect(page.get_by_role("button", name="Einladung senden")).to_be_visible()
    expect(page.get_by_role("combobox", name=re.compile(r"^Rolle von "))).not_to_have_count(0)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)
