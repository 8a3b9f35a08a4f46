import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from members import demo
from members.models import Administration, User
from projects.enums import Maturity, ProjectStage, Stage
from projects.models import JointProject, Milestone, OzgService, OzgThemenfeld
from projects.statuses.services import status_save
from projects.surveys.services import survey_round_close, survey_round_open
from tests.browser.test_projects import survey_scope
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
        # Still ahead: the reason instead of "Als stattgefunden markieren".
        expect(manage.get_by_text("ist ab Beginn der Sitzung möglich")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"nach unten$"))).not_to_have_count(0)
        expect(manage.get_by_role("link", name="Sitzung absagen …")).to_be_visible()
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


# Projects -----------------------------------------------------------------------------------

PROJECTS_READER = "lesen.ahrweiler@example.org"
PROJECTS_EDITOR = "redaktion.myk@example.org"
PROJECTS_COORDINATOR = "koordination@example.org"


def projects_demo(*, rounds=("open",)):
    """Members demo, three topics with statuses, a closed baseline round (test_projects),
    OZG services with statuses, a joint project; then per entry of `rounds` one round:
    "closed" changes a status and closes it, "open" leaves it open. Returns the rounds."""
    topics = survey_scope()
    coordinator = User.objects.get(email=PROJECTS_COORDINATOR)
    myk = Administration.objects.get(slug="mayen-koblenz")
    neuwied = Administration.objects.get(regional_key="07138")
    familie = OzgThemenfeld.objects.create(number=6, name="Familie & Kind")
    mobil = OzgThemenfeld.objects.create(number=7, name="Mobilität & Reisen")
    services = [OzgService.objects.create(ozg_id=ozg_id, name=name, themenfeld=themenfeld)
                for ozg_id, name, themenfeld in [(10000, "Elterngeld", familie),
                                                 (10001, "Kita-Platz", familie),
                                                 (10002, "Kfz-Zulassung", mobil)]]
    for administration, service, stage, maturity in [
        (myk, services[0], Stage.LIVE, Maturity.ONLINE_SERVICE),
        (myk, services[2], Stage.PILOT, Maturity.FORM_ASSISTANT),
        (neuwied, services[0], Stage.PLANNED, Maturity.INFORMATION),
        (neuwied, services[1], Stage.LIVE, Maturity.ONLINE_TRANSACTION),
    ]:
        status_save(administration=administration, by=coordinator, service=service,
                    fields={"stage": stage, "maturity": maturity, "product": "Civento"})
    today = timezone.localdate()
    project = JointProject.objects.create(
        title="Baulastenverzeichnis digital", slug="baulasten", lead=myk,
        goal="Alle Baulastenakten digital und durchsuchbar.", stage=ProjectStage.RUNNING,
        start=today - timedelta(days=90))
    project.participants.set([myk, neuwied])
    project.topics.set([topics["e-akte"]])
    Milestone.objects.create(project=project, date=today - timedelta(days=3),
                             title="Akten gescannt")
    JointProject.objects.create(title="Gemeinsames Bürgerportal", slug="buergerportal",
                                lead=neuwied, goal="Ein Portal für alle Kreise.")
    result = []
    for number, state in enumerate(rounds, start=1):
        survey_round = survey_round_open(
            by=coordinator, title=f"Erhebung {number}", deadline=today + timedelta(days=14),
            topics=topics.values(), themenfelder=[familie])
        if state == "closed":
            status_save(administration=myk, by=coordinator, topic=topics["e-akte"],
                        fields={"stage": Stage.LIVE})
            status_save(administration=neuwied, by=coordinator, service=services[0],
                        fields={"stage": Stage.IN_PROGRESS, "product": ""})
            survey_round = survey_round_close(survey_round=survey_round, by=coordinator)
        result.append(survey_round)
    return result


def test_matrix_with_filter_for_reader_has_no_serious_axe_violations(
        page, live_server, transactional_db, log_in):
    projects_demo(rounds=())
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/")
    page.get_by_label("Art der Verwaltung").select_option(label="Landkreis")
    page.get_by_label("Bereich der Themen").select_option(label="Interne Verwaltung")
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"[?&]group=internal\b"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie weit sind die Mitglieder?")
    matrix = page.get_by_role("table", name=re.compile(r"^Stand je Mitglied"))
    expect(matrix.get_by_role("columnheader")).to_have_text(["Mitglied", "E-Akte"])
    expect(matrix.get_by_role("rowheader")).not_to_have_count(0)
    assert_no_blocking_violations(page)


# On a phone the charts and the Reifegrad table scroll sideways inside their boxes.
PROJECTS_WIDTHS = pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])


@PROJECTS_WIDTHS
def test_topic_page_with_chart_has_no_serious_axe_violations(page, live_server,
                                                             transactional_db, log_in, width):
    projects_demo(rounds=("closed",))
    page.set_viewport_size({"width": width, "height": 900})
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/themen/e-akte/")

    expect(page.get_by_role("heading", level=1)).to_have_text("E-Akte")
    expect(page.locator("figure.chart-figure svg")).to_have_count(2)
    page.get_by_text("Werte als Tabelle").click()
    expect(page.get_by_role("table", name="Sachstände im Pilot oder Betrieb je Monat")) \
        .to_be_visible()
    assert_no_blocking_violations(page)


@PROJECTS_WIDTHS
def test_ozg_page_has_no_serious_axe_violations(page, live_server, transactional_db, log_in,
                                                width):
    projects_demo(rounds=())
    page.set_viewport_size({"width": width, "height": 900})
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/ozg/")

    expect(page.get_by_role("heading", level=1)).to_have_text("OZG-Leistungen")
    expect(page.locator("figure.chart-figure svg")).to_have_count(1)
    expect(page.get_by_role("link", name="Kfz-Zulassung")).to_be_visible()
    assert_no_blocking_violations(page)


def test_survey_list_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                   log_in):
    projects_demo(rounds=("closed", "open"))
    log_in(PROJECTS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/erhebungen/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sachstandserhebungen")
    expect(page.get_by_role("table", name="Sachstandserhebungen").get_by_role("rowheader")) \
        .to_have_count(3)
    assert_no_blocking_violations(page)


def test_survey_round_for_coordinator_has_no_serious_axe_violations(
        page, live_server, transactional_db, log_in):
    (survey_round,) = projects_demo(rounds=("open",))
    log_in(PROJECTS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}{survey_round.get_absolute_url()}")

    expect(page.get_by_role("heading", level=1)).to_contain_text(survey_round.title)
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.get_by_role("link", name="Erhebung abschließen …")).to_be_visible()
    assert_no_blocking_violations(page)
    page.get_by_role("link", name="Erhebung abschließen …").click()
    expect(page.get_by_role("button", name="Ja, Erhebung abschließen")).to_be_visible()
    assert_no_blocking_violations(page)


@pytest.mark.parametrize("with_error", [False, True], ids=["form", "error"])
def test_survey_answer_form_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                          log_in, with_error):
    (survey_round,) = projects_demo(rounds=("open",))
    log_in(PROJECTS_EDITOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/erhebungen/{survey_round.pk}/antworten/"
              "mayen-koblenz/")

    expect(page.get_by_role("heading", level=1)).to_contain_text(survey_round.title)
    expect(page.get_by_role("group", name="10000 Elterngeld", exact=True)).to_be_visible()
    if with_error:
        page.get_by_role("button", name="Antworten absenden").click()
        expect(page.get_by_role("alert").filter(has_text="unverändert")).not_to_have_count(0)
    assert_no_blocking_violations(page)


def test_survey_comparison_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                         log_in):
    (survey_round,) = projects_demo(rounds=("closed",))
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/erhebungen/{survey_round.pk}/vergleich/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Was hat sich geändert?")
    expect(page.get_by_role("main")).to_contain_text("4 Änderungen")
    assert_no_blocking_violations(page)


def test_status_form_for_editor_has_no_serious_axe_violations(page, live_server,
                                                              transactional_db, log_in):
    projects_demo(rounds=())
    log_in(PROJECTS_EDITOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/verwaltung/mayen-koblenz/ozg/10000/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sachstand bearbeiten: Elterngeld")
    expect(page.get_by_label("Reifegrad (optional)", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Letzte Änderungen")).to_be_visible()
    assert_no_blocking_violations(page)


def test_joint_project_list_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                          log_in):
    projects_demo(rounds=())
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/projekte/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeinsame Projekte")
    expect(page.get_by_role("table").get_by_role("rowheader")).to_have_count(2)
    expect(page.get_by_role("table")).to_contain_text("überfällig")
    assert_no_blocking_violations(page)
