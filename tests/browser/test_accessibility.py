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


# Meetings -----------------------------------------------------------------------------------

KREISHAUS = "ag-digitales-kreishaus"
MEETINGS_COORDINATOR = "koordination@example.org"
MEETINGS_READER = "lesen.ahrweiler@example.org"


def meetings_demo():
    """Members and meetings demo; returns the invited next meeting and the latest held one."""
    from django.core.management import call_command

    from meetings.models import Meeting

    call_command("demo_data")
    meetings = Meeting.objects.filter(working_group__slug=KREISHAUS)
    return (meetings.get(state="invited"),
            meetings.filter(state="minutes_published").order_by("-starts_at").first())


def assert_no_blocking_violations(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_meeting_list_with_filter_for_reader_has_no_serious_axe_violations(
        page, live_server, transactional_db, log_in):
    meetings_demo()
    log_in(MEETINGS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/sitzungen/")
    page.get_by_label("Zeitraum").select_option(label="anstehend")
    page.get_by_label("Arbeitsgruppe").select_option(label="AG Digitales Kreishaus")
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"[?&]period=upcoming\b"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzungen")
    expect(page.locator("table tbody tr")).not_to_have_count(0)
    assert_no_blocking_violations(page)


def test_meeting_page_for_reader_has_no_serious_axe_violations(page, live_server,
                                                              transactional_db, log_in):
    invited, _held = meetings_demo()
    log_in(MEETINGS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}{invited.get_absolute_url()}")

    expect(page.get_by_role("heading", level=1)).to_have_text(invited.title)
    participation = page.get_by_role("region", name="Meine Teilnahme", exact=True)
    expect(participation.get_by_role("radio")).not_to_have_count(0)
    expect(page.get_by_role("region", name="Verwalten", exact=True)).to_have_count(0)
    assert_no_blocking_violations(page)


@pytest.mark.parametrize("which", ["invited", "held"])
def test_meeting_page_for_coordinator_has_no_serious_axe_violations(
        page, live_server, transactional_db, log_in, which):
    invited, held = meetings_demo()
    meeting = invited if which == "invited" else held
    log_in(MEETINGS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")

    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)
    manage = page.get_by_role("region", name="Verwalten", exact=True)
    expect(manage.get_by_role("link", name="Unterlage hochladen")).to_be_visible()
    if which == "invited":
        expect(manage.get_by_role("button", name="Als stattgefunden markieren")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"nach unten$"))).not_to_have_count(0)
        manage.get_by_text("Sitzung absagen").click()
        expect(manage.get_by_label("Grund der Absage")).to_be_visible()
    else:
        expect(manage.get_by_role("link", name="Protokoll berichtigen")).to_be_visible()
        expect(page.get_by_role("region", name="Aufgaben", exact=True).get_by_role(
            "link", name=re.compile(r"bearbeiten$"))).not_to_have_count(0)
    assert_no_blocking_violations(page)


def test_meeting_form_error_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                          log_in):
    meetings_demo()
    log_in(MEETINGS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/sitzungen/neu/?gruppe={KREISHAUS}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzung anlegen")
    page.get_by_label("Ende", exact=True).fill("2020-01-01T09:00")
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page.locator("#id_ends_at_error")).to_have_text("Das Ende muss nach dem Beginn liegen.")
    expect(page.get_by_label("Ende", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_no_blocking_violations(page)


@pytest.mark.parametrize("which", ["invited", "held"])
def test_minutes_form_has_no_serious_axe_violations(page, live_server, transactional_db, log_in,
                                                    which):
    invited, held = meetings_demo()
    meeting = invited if which == "invited" else held
    log_in(MEETINGS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/sitzungen/{meeting.pk}/protokoll/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Protokoll schreiben" if which == "invited" else "Protokoll berichtigen")
    expect(page.get_by_label(re.compile(r"^Notiz zu TOP 1: "))).to_be_visible()
    assert_no_blocking_violations(page)


@pytest.mark.parametrize("email", [None, MEETINGS_READER], ids=["visitor", "reader"])
def test_working_group_page_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                          log_in, email):
    meetings_demo()
    if email:
        log_in(email, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/arbeitsgruppen/{KREISHAUS}/")

    expect(page.get_by_role("heading", level=1)).to_have_text("AG Digitales Kreishaus")
    expect(page.get_by_role("region", name="Offene Aufgaben", exact=True)).to_have_count(
        1 if email else 0)
    assert_no_blocking_violations(page)


def test_calendar_page_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                     log_in):
    meetings_demo()
    log_in(MEETINGS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/sitzungen/kalender/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzungen im eigenen Kalender")
    expect(page.get_by_label("Ihr persönlicher Kalender-Link")).to_have_value(re.compile(r"\.ics$"))
    assert_no_blocking_violations(page)


def test_dashboard_with_meetings_and_tasks_has_no_serious_axe_violations(
        page, live_server, transactional_db, log_in):
    meetings_demo()
    log_in("redaktion.neuwied@example.org", demo.DEMO_PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Willkommen, Sabine")
    for name in ("Nächste Sitzungen", "Meine Aufgaben"):
        expect(page.get_by_role("region", name=name, exact=True).get_by_role("listitem")) \
            .not_to_have_count(0)
    assert_no_blocking_violations(page)
