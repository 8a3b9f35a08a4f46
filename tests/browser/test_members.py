"""Members in the browser: Steckbrief and contacts as editor, permissions, directory filter."""

import re

from playwright.sync_api import expect

from members import demo
from members.demo_texts import QUESTIONS, SCHWERPUNKTE, SMART
from members.enums import AdministrationKind, ContactFunction
from members.models import Administration, ContactPerson, ProfileAnswer

QUESTION_TEXT = dict((order, text) for order, text, _hint in QUESTIONS)
NEW_FOCUS = ("Wir konzentrieren uns auf die E-Akte und auf Online-Dienste mit hohen Fallzahlen; "
             "neu dazu kommt die Schulung aller Führungskräfte.")


def question_block(page, order):
    """The group of one Steckbrief question: its answer and its visibility checkbox."""
    return page.get_by_role("group", name=QUESTION_TEXT[order], exact=True)


def test_editor_edits_steckbrief_and_adds_contact(page, live_server, transactional_db, log_in):
    demo.load()
    myk = Administration.objects.get(slug="mayen-koblenz")
    smart_before = ProfileAnswer.objects.get(administration=myk, question__order=SMART)
    assert smart_before.is_public

    log_in("redaktion.myk@example.org", demo.DEMO_PASSWORD)
    page.get_by_role("banner").get_by_role("link", name="Meine Verwaltung").click()
    expect(page).to_have_url(f"{live_server.url}/mitglieder/mayen-koblenz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Landkreis Mayen-Koblenz")

    # Steckbrief: change one answer, hide another from visitors.
    page.get_by_role("link", name="Steckbrief bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Steckbrief Landkreis Mayen-Koblenz")
    focus = question_block(page, SCHWERPUNKTE).get_by_label(QUESTION_TEXT[SCHWERPUNKTE])
    expect(focus).to_have_value(re.compile(r"^Erstens die E-Akte"))
    focus.fill(NEW_FOCUS)
    smart_public = question_block(page, SMART).get_by_label("Antwort öffentlich zeigen")
    expect(smart_public).to_be_checked()
    smart_public.uncheck()
    page.get_by_role("button", name="Steckbrief speichern").click()

    expect(page).to_have_url(f"{live_server.url}/mitglieder/mayen-koblenz/")
    expect(page.get_by_role("status").filter(has_text="Der Steckbrief wurde gespeichert.")) \
        .to_be_visible()
    steckbrief = page.get_by_role("region", name="Steckbrief")
    expect(steckbrief).to_contain_text(NEW_FOCUS)
    expect(steckbrief).not_to_contain_text("Erstens die E-Akte")
    expect(steckbrief.locator("p").filter(has_text="LoRaWAN")).to_contain_text("intern")

    # Contact: an invalid email first, then the corrected one.
    page.get_by_role("link", name="Ansprechperson hinzufügen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ansprechperson hinzufügen")
    page.get_by_label("Name", exact=True).fill("Miriam Lange")
    page.get_by_label("Funktion", exact=True).select_option(label="Datenschutzbeauftragte/r")
    email = page.get_by_label(re.compile(r"^E-Mail-Adresse"))
    email.fill("miriam.lange(at)mayen-koblenz")
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ansprechperson hinzufügen")
    error = page.locator("#id_email_error")
    expect(error).to_have_text("Bitte gültige E-Mail-Adresse eingeben.")
    expect(error).to_have_role("alert")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    expect(page.get_by_label("Name", exact=True)).to_have_value("Miriam Lange")
    expect(page.get_by_label("Funktion", exact=True)).to_have_value(ContactFunction.DATENSCHUTZ)
    assert not ContactPerson.objects.filter(name="Miriam Lange").exists()

    email.fill("m.lange@mayen-koblenz.example.org")
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/mitglieder/mayen-koblenz/#ansprechpersonen")
    expect(page.get_by_role("status").filter(has_text="Die Ansprechperson wurde gespeichert.")) \
        .to_be_visible()
    card = page.locator(".contact-card").filter(
        has=page.get_by_role("heading", name=re.compile(r"^Miriam Lange")))
    expect(card).to_contain_text("Datenschutzbeauftragte/r")
    expect(card.get_by_role("link", name="m.lange@mayen-koblenz.example.org")).to_be_visible()

    # The database holds what the forms sent.
    editor = myk.staff.get(email="redaktion.myk@example.org")
    focus_answer = ProfileAnswer.objects.get(administration=myk, question__order=SCHWERPUNKTE)
    assert (focus_answer.text, focus_answer.is_public, focus_answer.updated_by) == (
        NEW_FOCUS, True, editor)
    smart_after = ProfileAnswer.objects.get(administration=myk, question__order=SMART)
    assert smart_after.text == smart_before.text
    assert smart_after.is_public is False
    contact = ContactPerson.objects.get(administration=myk, name="Miriam Lange")
    assert (contact.function, contact.email, contact.is_public) == (
        ContactFunction.DATENSCHUTZ, "m.lange@mayen-koblenz.example.org", False)


def test_reader_may_not_edit_steckbrief(page, live_server, transactional_db, log_in):
    demo.load()

    log_in("lesen.ahrweiler@example.org", demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Landkreis Mayen-Koblenz")
    expect(page.get_by_role("link", name="Steckbrief bearbeiten")).to_have_count(0)
    expect(page.get_by_role("link", name="Ansprechperson hinzufügen")).to_have_count(0)

    response = page.goto(f"{live_server.url}/mitglieder/mayen-koblenz/steckbrief/")

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Zugriff verweigert")
    expect(page.get_by_role("textbox")).to_have_count(0)


def test_internal_contact_only_for_logged_in_members(page, live_server, transactional_db,
                                                    log_in):
    demo.load()
    internal = ContactPerson.objects.filter(is_public=False).select_related(
        "administration").first()
    url = f"{live_server.url}{internal.administration.get_absolute_url()}"
    contacts = page.get_by_role("region", name="Ansprechpersonen")

    page.goto(url)
    expect(contacts).to_be_visible()
    expect(contacts).not_to_contain_text(internal.name)
    expect(page.locator("body")).not_to_contain_text(internal.email)

    log_in("lesen.ahrweiler@example.org", demo.DEMO_PASSWORD)
    page.goto(url)
    heading = contacts.get_by_role("heading", name=re.compile(rf"^{re.escape(internal.name)}"))
    expect(heading).to_be_visible()
    expect(heading).to_contain_text("intern")


def test_directory_filter_by_kind(page, live_server, transactional_db):
    demo.load()
    expected = sorted(Administration.objects.current().filter(
        kind=AdministrationKind.VERBANDSGEMEINDE).values_list("name", flat=True))
    assert expected

    page.goto(f"{live_server.url}/mitglieder/")
    rows = page.get_by_role("table", name="Mitgliedsverwaltungen").locator("tbody tr")
    expect(rows).to_have_count(Administration.objects.current().count())

    page.get_by_label(re.compile(r"^Art\b")).select_option(label="Verbandsgemeinde")
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"[?&]kind=verbandsgemeinde\b"))
    expect(rows).to_have_count(len(expected))
    expect(rows.locator("th")).to_have_text(expected)
    expect(rows.locator("td:nth-of-type(1)")).to_have_text(["Verbandsgemeinde"] * len(expected))
    expect(page.get_by_role("status")).to_have_text(f"{len(expected)} Verwaltungen gefunden.")
    expect(page.get_by_label(re.compile(r"^Art\b"))).to_have_value("verbandsgemeinde")


def test_directory_former_members_checkbox_is_keyboard_reachable(page, live_server,
                                                                 transactional_db):
    demo.load()
    page.goto(f"{live_server.url}/mitglieder/")
    former = page.get_by_label("Ehemalige Mitglieder einbeziehen")
    page.get_by_label(re.compile(r"^Art\b")).focus()

    for _ in range(10):
        page.keyboard.press("Tab")
        if former.evaluate("element => element === document.activeElement"):
            break
    expect(former).to_be_focused()
    expect(former).not_to_be_checked()

    page.keyboard.press("Space")
    expect(former).to_be_checked()
    page.keyboard.press("Shift+Tab")
    expect(former).not_to_be_focused()
