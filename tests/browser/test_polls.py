"""Rundfragen in the browser, without JavaScript tricks: the Neuwied editor asks all
Landkreise about their DMS (adding a question row on the way), the Mayen-Koblenz staff
draft and hand in an answer, the asker closes it early; axe finds nothing serious."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from polls.models import Answer, Poll
from tests.browser.test_accessibility import assert_no_blocking_violations
from tests.factories import TEST_PASSWORD, AdministrationFactory, UserFactory


def test_ask_answer_and_close_a_rundfrage(page, live_server, transactional_db, log_in):
    myk = AdministrationFactory(name="Landkreis Mayen-Koblenz", short_name="MYK")
    neuwied = AdministrationFactory(name="Landkreis Neuwied", short_name="NR")
    AdministrationFactory(name="Stadt Andernach", short_name="AND", kind="stadt")
    asker = UserFactory(administration=neuwied, role="editor", first_name="Nina",
                        last_name="Neumann", email="redaktion.neuwied@example.org")
    reader = UserFactory(administration=myk, role="reader", email="lesen.myk@example.org")
    editor = UserFactory(administration=myk, role="editor", email="redaktion.myk@example.org",
                         first_name="Erik", last_name="Emmerich")
    deadline = (timezone.localdate() + timedelta(days=14)).isoformat()

    log_in(asker.email, TEST_PASSWORD)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Rundfragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rundfragen")
    assert_no_blocking_violations(page)
    page.get_by_role("link", name="Rundfrage stellen").click()
    assert_no_blocking_violations(page)
    page.get_by_label("Titel").fill("Welches DMS nutzen Sie?")
    page.get_by_label("Hintergrund").fill("Wir schreiben im Frühjahr **neu** aus.")
    page.get_by_label("Mitglieder bestimmter Arten (z. B. alle Landkreise)").check()
    page.get_by_role("group", name="Arten von Verwaltungen").get_by_label(
        "Landkreis", exact=True).check()
    page.get_by_label("Antworten bis").fill(deadline)
    frage1 = page.get_by_role("group", name="Frage 1")
    frage1.get_by_label("Frage (optional)").fill("Welches Produkt setzen Sie ein?")
    frage1.get_by_label("Art der Antwort").select_option(label="Eine Auswahl")
    frage1.get_by_label("Auswahlmöglichkeiten").fill("enaio\nd.velop\nVIS")
    frage1.get_by_label("„Sonstiges“ mit eigener Angabe erlauben").check()
    frage2 = page.get_by_role("group", name="Frage 2")
    frage2.get_by_label("Frage (optional)").fill("Sind Sie zufrieden?")
    frage2.get_by_label("Art der Antwort").select_option(label="Ja/Nein")
    page.get_by_role("button", name="Weitere Frage").click()
    # One more row; everything typed is still there.
    expect(page.get_by_role("group", name="Frage 4")).to_be_visible()
    expect(page.get_by_label("Titel")).to_have_value("Welches DMS nutzen Sie?")
    expect(page.get_by_role("group", name="Frage 1").get_by_label("Auswahlmöglichkeiten")
           ).to_have_value("enaio\nd.velop\nVIS")
    assert_no_blocking_violations(page)
    page.get_by_role("group", name="Frage 4").get_by_label("Frage (optional)").fill(
        "Was würden Sie anderen raten?")
    page.get_by_role("button", name="Rundfrage stellen").click()

    expect(page.get_by_role("status").filter(has_text="Die Rundfrage ist gestellt.")
           ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welches DMS nutzen Sie?")
    expect(page.get_by_text("Mitglieder der Art: Landkreis")).to_be_visible()
    assert_no_blocking_violations(page)
    poll = Poll.objects.get()
    assert [q.text for q in poll.questions.all()] == [
        "Welches Produkt setzen Sie ein?", "Sind Sie zufrieden?",
        "Was würden Sie anderen raten?"]

    page.context.clear_cookies()
    log_in(reader.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/rundfragen/?filter=an-meine-verwaltung")
    expect(page.get_by_role("row", name="Welches DMS nutzen Sie?")).to_contain_text(
        "noch nicht beantwortet")
    page.get_by_role("link", name="Welches DMS nutzen Sie?").click()
    page.get_by_label("d.velop").check()
    page.get_by_label("Was würden Sie anderen raten?").fill("Früh die Fachämter einbinden.")
    expect(page.get_by_role("button", name="Antwort abgeben")).to_have_count(0)
    page.get_by_role("button", name="Entwurf speichern").click()
    expect(page.get_by_role("status").filter(has_text="Ihr Entwurf ist gespeichert.")
           ).to_be_visible()
    assert_no_blocking_violations(page)

    page.context.clear_cookies()
    log_in(editor.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/")
    expect(page.get_by_label("Was würden Sie anderen raten?")).to_have_value(
        "Früh die Fachämter einbinden.")
    page.get_by_role("group", name="2. Sind Sie zufrieden?").get_by_label(
        "Keine Angabe möglich").check()
    page.get_by_role("button", name="Antwort abgeben").click()
    expect(page.get_by_role("status").filter(has_text="ist abgegeben")).to_be_visible()
    expect(page.get_by_text("Zuletzt geändert von Erik Emmerich")).to_be_visible()
    assert_no_blocking_violations(page)
    assert Answer.objects.get().state == "final"

    page.context.clear_cookies()
    log_in(asker.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/")
    expect(page.get_by_role("link", name="Rundfrage ändern")).to_have_count(0)
    page.get_by_role("link", name="Vorzeitig beenden").click()
    assert_no_blocking_violations(page)
    page.get_by_role("button", name="Ja, Rundfrage beenden").click()
    expect(page.get_by_role("status").filter(has_text="Die Rundfrage ist beendet")
           ).to_be_visible()
    expect(page.get_by_text("vorzeitig beendet am")).to_be_visible()
    assert_no_blocking_violations(page)
