"""The legal pages and the contact form in the browser: a visitor reaches every legal page
and the contact form from the footer (going from footer to footer), sends a message
without JavaScript help, and the coordination office finds it in its list with the
deadline; axe finds nothing serious or critical on any new page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from common.models import OutgoingMail
from legal import demo as legal_demo
from legal.enums import PageKind
from legal.feedback.deadline import one_month_after
from legal.models import Feedback
from legal.pages.services import legal_video_set
from members import demo as members_demo
from tests.browser.test_accessibility import blocking_violations, describe
from tests.browser.test_csp import CONSOLE_MARKERS
from tests.factories import TEST_PASSWORD
from tests.legal.helpers import MP4_BYTES, VTT

FOOTER_PAGES = [
    ("Impressum", "/impressum/", "Impressum"),
    ("Datenschutz", "/datenschutz/", "Datenschutzerklärung"),
    ("Barrierefreiheit", "/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
    ("Leichte Sprache", "/leichte-sprache/", "Kreishaus in Leichter Sprache"),
    ("Gebärdensprache", "/gebaerdensprache/", "Kreishaus in Deutscher Gebärdensprache"),
]


def assert_no_blocking_violations(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], f"{page.url}\n{describe(violations)}"


@pytest.fixture
def csp_messages(page):
    """Chromium's console reports of Content-Security-Policy and Permissions-Policy
    violations on every page the test opens (the video included)."""
    messages = []
    page.on("console", lambda message: messages.append(message.text)
            if any(marker in message.text for marker in CONSOLE_MARKERS) else None)
    return messages


def _footer(page):
    return page.get_by_role("navigation", name="Rechtliches und Barrierefreiheit")


def test_visitor_follows_every_footer_link_and_sends_feedback(page, live_server,
                                                             transactional_db, csp_messages):
    members_demo.load()
    legal_demo.load()
    page.goto(f"{live_server.url}/")
    # Leichte Sprache is linked prominently on the start page itself.
    expect(page.get_by_role("main").get_by_role(
        "link", name="Leichte Sprache: Das Portal einfach erklärt")).to_be_visible()

    for label, path, heading in FOOTER_PAGES:
        _footer(page).get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_no_blocking_violations(page)

    # The contact form, opened from the footer of the members' directory.
    page.goto(f"{live_server.url}/mitglieder/")
    _footer(page).get_by_role("link", name="Barriere melden / Kontakt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Barriere melden oder Kontakt aufnehmen")
    expect(page.get_by_label("Seite, um die es geht")).to_have_value("/mitglieder/")
    expect(page.locator("input[name=website]")).to_be_hidden()
    assert_no_blocking_violations(page)

    # Sent without consent: the error summary, the input kept.
    page.get_by_label("Ihre Nachricht").fill("Die Filter sind mit der Tastatur schwer "
                                             "erreichbar.")
    page.get_by_label("Ihre E-Mail-Adresse").fill("martina.jung@example.org")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben")).to_be_visible()
    expect(page.get_by_label("Ihre Nachricht")).to_have_value(
        "Die Filter sind mit der Tastatur schwer erreichbar.")
    assert_no_blocking_violations(page)

    page.get_by_label("Ich bin einverstanden", exact=False).check()
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vielen Dank für Ihre Nachricht")
    assert_no_blocking_violations(page)

    feedback = Feedback.objects.get(message__startswith="Die Filter")
    assert feedback.page_path == "/mitglieder/"
    assert feedback.email == "martina.jung@example.org"
    coordinators = set(members_demo_coordinator_emails())
    assert coordinators <= set(OutgoingMail.objects.filter(
        subject__contains="Neue Rückmeldung").values_list("to", flat=True))
    assert csp_messages == []


def members_demo_coordinator_emails() -> list[str]:
    return [email for email, _first, _last, role, _key in members_demo.DEMO_LOGINS
            if role == "coordinator"]


def test_coordinator_pages_have_no_serious_axe_violations(page, live_server, coordinator,
                                                          log_in, csp_messages):
    legal_video_set(user=coordinator, video=SimpleUploadedFile("dgs.mp4", MP4_BYTES),
                    video_type="video/mp4", captions=SimpleUploadedFile("dgs.vtt", VTT))
    log_in(coordinator.email, TEST_PASSWORD)

    # The dashboard warns while legal pages are unfilled.
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("5 Pflichtseiten sind noch nicht ausgefüllt:")).to_be_visible()
    assert_no_blocking_violations(page)

    # Write the accessibility statement twice, then look at its history and the diff.
    page.get_by_role("link", name="Erklärung zur Barrierefreiheit ausfüllen").click()
    assert_no_blocking_violations(page)
    page.get_by_label("Text (Markdown)").fill("Das Portal ist teilweise barrierefrei.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Erklärung zur Barrierefreiheit")
    page.get_by_role("link", name="Text bearbeiten").click()
    page.get_by_label("Text (Markdown)").fill("Das Portal ist weitgehend barrierefrei.")
    page.get_by_label("Änderungsnotiz").fill("Stand nach der Prüfung")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("link", name="Versionen").click()
    assert_no_blocking_violations(page)
    page.goto(f"{live_server.url}/rechtliches/{PageKind.ACCESSIBILITY}/versionen/2/")
    expect(page.get_by_text("Version 2 im Vergleich zu Version 1")).to_be_visible()
    assert_no_blocking_violations(page)
    page.goto(f"{live_server.url}/rechtliches/{PageKind.ACCESSIBILITY}/versionen/1/"
              "wiederherstellen/")
    assert_no_blocking_violations(page)
    page.get_by_role("button", name="Ja, wiederherstellen").click()
    expect(page.get_by_text("Das Portal ist teilweise barrierefrei.")).to_be_visible()

    for path in ("/rechtliches/", "/rechtliches/gebaerdensprache/video/", "/gebaerdensprache/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_blocking_violations(page)
    expect(page.locator("video.sign-video track[kind=captions]")).to_have_count(1)

    # A message from the contact form, in the list with its deadline and on its own page.
    page.goto(f"{live_server.url}/kontakt/?seite=/wissen/")
    page.get_by_label("Ihre Nachricht").fill("Der Kontrast der Schaltflächen ist zu gering.")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Nachricht senden").click()
    page.goto(f"{live_server.url}/rueckmeldungen/")
    feedback = Feedback.objects.get()
    due = one_month_after(timezone.localdate(feedback.created_at))
    row = page.get_by_role("row").filter(has_text="Der Kontrast der Schaltflächen")
    expect(row).to_contain_text(f"{due:%d.%m.%Y}")
    expect(row).to_contain_text("/wissen/")
    assert_no_blocking_violations(page)
    row.get_by_role("link").click()
    page.get_by_label("Status").select_option(label="in Bearbeitung")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Rückmeldung wurde gespeichert.")).to_be_visible()
    assert_no_blocking_violations(page)
    assert csp_messages == []

