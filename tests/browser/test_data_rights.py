"""Data rights in the browser: a person edits their profile, reads and downloads their data
and asks for removal; a coordinator confirms it. axe finds nothing serious on any of these
pages."""

import json
import re

from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from members.models import User
from tests.browser.test_accessibility import blocking_violations, describe
from tests.factories import TEST_PASSWORD, AdministrationFactory, UserFactory
from tests.members.data_rights_helpers import footprint_make


def _axe_clean(page) -> None:
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_person_exports_data_asks_for_removal_and_coordinator_confirms(
        page, live_server, transactional_db, log_in):
    myk = AdministrationFactory(name="Landkreis Mayen-Koblenz", short_name="MYK")
    person = UserFactory(administration=myk, role="editor", first_name="Hedwig",
                         last_name="Quellbrunn", email="hedwig@example.org")
    other = UserFactory(administration=AdministrationFactory(), role="reader")
    footprint = footprint_make(person, other=other)
    Authenticator.objects.filter(user=person).delete()  # log in without the second factor
    UserFactory(administration=myk, role="coordinator", first_name="Katrin",
                email="koordination@example.org")

    log_in("hedwig@example.org", TEST_PASSWORD)
    page.get_by_role("banner").get_by_role("link", name="Mein Konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    _axe_clean(page)

    # Mein Profil: a wrong phone number first, then a right one.
    page.get_by_role("link", name="Profil bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Profil")
    page.get_by_label("Telefon").fill("bitte anrufen")
    page.get_by_role("button", name="Profil speichern").click()
    expect(page.get_by_text("Bitte nur Ziffern, Leerzeichen und + ( ) / - eingeben")) \
        .to_be_visible()
    _axe_clean(page)
    page.get_by_label("Telefon").fill("02631 803-0")
    page.get_by_label("Funktion").fill("Digitalbeauftragte")
    page.get_by_role("button", name="Profil speichern").click()
    expect(page.get_by_role("status").filter(has_text="Ihr Profil wurde gespeichert.")) \
        .to_be_visible()

    # Meine Daten: the page, and the same as a JSON download.
    page.get_by_role("navigation", name="Kontoeinstellungen") \
        .get_by_role("link", name="Meine Daten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Daten")
    expect(page.get_by_role("heading", name="Sitzungen", level=2)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Musterdienstanweisung verteilen")
    expect(page.get_by_role("main")).to_contain_text("02631 803-0")
    _axe_clean(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Meine Daten als JSON-Datei herunterladen").click()
    download = download_info.value
    assert re.fullmatch(r"kreishaus-meine-daten-\d{4}-\d{2}-\d{2}\.json",
                        download.suggested_filename)
    with open(download.path(), encoding="utf-8") as handle:
        document = json.load(handle)
    assert {part["schluessel"] for part in document["bereiche"]} == {
        "members", "meetings", "projects", "knowledge", "common", "legal", "polls",
        "comments"}

    # The request, with its confirmation box.
    page.get_by_role("navigation", name="Kontoeinstellungen") \
        .get_by_role("link", name="Konto entfernen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Konto entfernen")
    _axe_clean(page)
    page.get_by_role("button", name="Entfernung meines Kontos beantragen").click()
    expect(page.get_by_text("Bitte bestätigen Sie, dass Ihr Konto entfernt werden soll.")) \
        .to_be_visible()
    page.get_by_label("Ich möchte, dass mein Konto entfernt wird.").check()
    page.get_by_role("button", name="Entfernung meines Kontos beantragen").click()
    expect(page.get_by_role("status").filter(has_text="Ihr Antrag ist eingegangen.")) \
        .to_be_visible()
    expect(page.get_by_role("button", name="Antrag zurückziehen")).to_be_visible()
    _axe_clean(page)
    page.get_by_role("button", name="Abmelden").click()

    # The coordination office sees the request on its dashboard and confirms it.
    log_in("koordination@example.org", TEST_PASSWORD)
    page.get_by_role("link", name="Anträge ansehen und bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Anträge auf Entfernung von Konten")
    _axe_clean(page)
    page.get_by_role("link", name="Entfernung von Hedwig Quellbrunn bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Konto von Hedwig Quellbrunn entfernen")
    _axe_clean(page)
    page.get_by_role("button", name="Konto endgültig entfernen").click()
    expect(page.get_by_role("status").filter(has_text="ehemalige Person (MYK)")).to_be_visible()
    expect(page.get_by_text("Keine offenen Anträge.")).to_be_visible()

    page.goto(f"{live_server.url}/sitzungen/{footprint.past.pk}/")
    expect(page.get_by_role("main")).to_contain_text("ehemalige Person (MYK)")
    expect(page.get_by_role("main")).not_to_contain_text("Quellbrunn")
    assert not User.objects.get(pk=person.pk).is_active
