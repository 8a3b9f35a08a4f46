"""Rundfrage results in the browser: the asker reads the results (completion, bars, table),
filters by kind, writes and publishes the summary that a visitor then reads, and turns the
results into a knowledge article; axe on every page (0 serious/critical), no CSP report."""

import pytest

from polls.models import Audience, ResultsVisibility
from tests.browser.test_accessibility import blocking_violations, describe
from tests.browser.test_csp import COLLECT_VIOLATIONS, CONSOLE_MARKERS
from tests.factories import TEST_PASSWORD, AdministrationFactory
from tests.knowledge.factories import CategoryFactory
from tests.polls.results.helpers import answer_make, poll_make, questions_make


@pytest.fixture
def poll(other_editor, administration):
    poll = poll_make(administration=other_editor.administration, author=other_editor,
                     audience=Audience.ALL, results_visibility=ResultsVisibility.MEMBERS)
    questions_make(poll)
    answer_make(poll=poll, administration=administration,
                dms={"choices": ["enaio"]}, areas={"choices": ["Bauamt", "Kasse"]},
                happy={"yes": True}, users={"number": 120}, since={"date": "2019-03-01"},
                advice={"text": "Früh den Personalrat einbinden."})
    answer_make(poll=poll, administration=other_editor.administration,
                dms={"other": "Eigenentwicklung"}, happy={"yes": False},
                users={"number": 40}, advice={"not_possible": True})
    AdministrationFactory(name="Stadt Andernach", kind="stadt")
    CategoryFactory(name="Erfahrungen aus dem Netzwerk")
    return poll


def _watch(page) -> list[str]:
    found: list[str] = []
    page.context.add_init_script(COLLECT_VIOLATIONS)
    page.on("console", lambda message: found.append(message.text)
            if any(marker in message.text for marker in CONSOLE_MARKERS) else None)
    return found


def _check(page, csp: list[str]):
    # The page's own CSP reports first: axe-core, injected afterwards, adds styles itself.
    assert (page.evaluate("window.__cspViolations || []"), csp) == ([], []), page.url
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)
    csp.clear()


def test_asker_reads_filters_summarises_and_makes_an_article(page, live_server, log_in,
                                                            other_editor, poll):
    csp = _watch(page)
    log_in(other_editor.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/ergebnisse/")
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Ergebnisse: Welches DMS nutzen Sie?"
    assert page.locator("#poll-completion-text").inner_text() == \
        "2 von 3 Verwaltungen haben geantwortet"
    assert page.locator(".poll-missing").inner_text() == "Stadt Andernach"
    happy = page.locator("section[aria-labelledby=frage-3]")
    yes = happy.get_by_role("row", name="Ja")
    assert yes.get_by_role("cell").nth(0).inner_text() == "1"
    assert yes.get_by_role("progressbar").get_attribute("value") == "1"
    assert yes.get_by_role("progressbar").get_attribute("max") == "2"
    assert "50 %" in yes.inner_text()
    table = page.locator(".poll-table")
    assert "Früh den Personalrat einbinden." in table.inner_text()
    assert "Sonstiges: Eigenentwicklung" in table.inner_text()
    _check(page, csp)

    page.get_by_label("Art der Verwaltung").select_option(label="Stadt")
    page.get_by_role("button", name="Filter anwenden").click()
    assert page.locator("#poll-completion-text").inner_text() == \
        "0 von 1 Verwaltung hat geantwortet"
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == f"rundfrage-{poll.pk}-ergebnisse-stadt.csv"

    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/ergebnisse/")
    page.get_by_role("link", name="Zusammenfassung schreiben").click()
    _check(page, csp)
    page.get_by_label("Zusammenfassung (Markdown)").fill("Die **Hälfte** nutzt enaio.")
    page.get_by_label("Zusammenfassung öffentlich zeigen").check()
    page.get_by_role("button", name="Speichern").click()
    assert "Die Zusammenfassung ist veröffentlicht." in page.locator("main").inner_text()

    page.get_by_role("link", name="In einen Wissensartikel übernehmen").click()
    _check(page, csp)
    page.get_by_label("Kategorie des Artikels").select_option(label="Erfahrungen aus dem Netzwerk")
    page.get_by_role("button", name="Artikel anlegen").click()
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Ergebnisse der Rundfrage: Welches DMS nutzen Sie?"
    assert "Aus der Rundfrage „Welches DMS nutzen Sie?“" in page.locator("main").inner_text()
    assert page.get_by_role("cell", name="enaio").count() == 1
    _check(page, csp)

    # A visitor reads the published summary, and nothing else.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/zusammenfassung/")
    main = page.locator("main").inner_text()
    assert "Die Hälfte nutzt enaio." in main
    assert "2 Verwaltungen haben geantwortet." in main
    assert "Landkreis" not in main
    _check(page, csp)
    page.goto(f"{live_server.url}/rundfragen/{poll.pk}/ergebnisse/")
    assert "/konto/login/" in page.url
