"""Issue 14 in the browser: the survey answer form's errors (inside the row, summary on top
with the focus), the closing confirmation, and the matrix at 1366 px and on a phone."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from members import demo
from projects.enums import Stage
from projects.models import Status, SurveyRound, Topic
from tests.browser.test_accessibility import (
    PROJECTS_COORDINATOR,
    PROJECTS_EDITOR,
    PROJECTS_READER,
    assert_no_blocking_violations,
    projects_demo,
)

LONG_TOPICS = ["Dokumentenmanagementsystem", "Webseminare/Videokonferenzen",
               "Online-Terminvereinbarung", "Digitales Baulastenverzeichnis",
               "Fortbildung Digitalisierung", "Papierlose Ratsarbeit", "Bürger-/Serviceportal",
               "Elterngeld digital", "Kfz-Ummeldung", "Social Media", "Smart Region"]


def test_survey_error_is_shown_in_its_row_and_the_summary_takes_the_focus(
        page, live_server, transactional_db, log_in):
    (survey_round,) = projects_demo(rounds=("open",))
    log_in(PROJECTS_EDITOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/erhebungen/{survey_round.pk}/antworten/"
              "mayen-koblenz/")
    e_akte = page.get_by_role("group", name="E-Akte", exact=True)
    expect(e_akte.get_by_label("seit (optional)", exact=True)).to_be_visible()
    for group in page.locator("fieldset.survey-row").all():
        if group.locator("legend").inner_text() != "E-Akte":
            group.get_by_label("unverändert").check()
    expect(page.get_by_role("button", name="Erhebung abschließen")).to_have_count(0)

    page.get_by_role("button", name="Antworten absenden").click()

    summary = page.get_by_role("alert").filter(has_text="Bitte prüfen Sie 1 Zeile")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(["E-Akte"])
    message = ("Bitte bestätigen Sie den Stand mit „unverändert“ oder tragen Sie den neuen "
               "Stand ein.")
    row_error = e_akte.get_by_text(message)
    expect(row_error).to_be_visible()
    # The message spans the row (it squeezed into a narrow column before).
    row_box, error_box = e_akte.bounding_box(), row_error.bounding_box()
    assert error_box["width"] > 0.8 * (row_box["width"] - 40), (row_box, error_box)
    assert error_box["height"] < 60, error_box  # one or two lines, not a column of words
    assert_no_blocking_violations(page)

    summary.get_by_role("link", name="E-Akte").click()
    expect(page).to_have_url(re.compile(r"#zeile-t\d+$"))
    expect(e_akte).to_be_in_viewport()

    e_akte.get_by_label("Stand", exact=True).select_option(label="im Betrieb")
    page.get_by_role("button", name="Antworten absenden").click()

    expect(page.get_by_role("status").filter(
        has_text="Vielen Dank! Die Antworten für Landkreis Mayen-Koblenz sind gespeichert.")) \
        .to_be_visible()
    status = Status.objects.get(administration__slug="mayen-koblenz", topic__slug="e-akte")
    assert (status.stage, status.since) == (Stage.LIVE, timezone.localdate())


def test_survey_close_confirmation_in_the_browser(page, live_server, transactional_db,
                                                  log_in):
    (survey_round,) = projects_demo(rounds=("open",))
    log_in(PROJECTS_COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}{survey_round.get_absolute_url()}")

    page.get_by_role("link", name="Erhebung abschließen …").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Erhebung „{survey_round.title}“ abschließen?")
    expect(page.get_by_role("main")).to_contain_text("erscheinen als ohne Antwort")
    assert_no_blocking_violations(page)
    page.get_by_role("link", name="Abbrechen").click()
    expect(page).to_have_url(f"{live_server.url}{survey_round.get_absolute_url()}")
    assert SurveyRound.objects.get(pk=survey_round.pk).is_open


def _matrix_demo():
    projects_demo(rounds=())
    for order, name in enumerate(LONG_TOPICS, start=10):
        Topic.objects.create(name=name, slug=f"thema-{order}", group="internal", order=order)


def test_matrix_headers_are_readable_at_1366_px(page, live_server, transactional_db, log_in):
    _matrix_demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/")

    headers = page.locator("th.matrix__topic")
    expect(headers).to_have_count(3 + len(LONG_TOPICS))
    overflowing = page.evaluate("""() => [...document.querySelectorAll('th.matrix__topic')]
        .filter(th => { const a = th.querySelector('a').getBoundingClientRect();
                        const box = th.getBoundingClientRect();
                        return a.right > box.right + 0.5 || th.scrollWidth > th.clientWidth; })
        .map(th => th.textContent)""")
    assert overflowing == []
    # Compact columns (the widest cell is a stage label such as "○ nicht geplant"); the
    # names wrap at their compound parts instead of widening the column.
    widths = page.evaluate("""() => [...document.querySelectorAll('th.matrix__topic')]
        .map(th => th.getBoundingClientRect().width)""")
    assert max(widths) <= 10 * 16, widths
    dms = page.get_by_role("columnheader", name="Dokumentenmanagementsystem")
    expect(dms.get_by_role("link")).to_have_attribute("title", "Dokumentenmanagementsystem")
    assert dms.bounding_box()["height"] > 30  # wrapped onto several lines
    assert_no_blocking_violations(page)


def test_matrix_member_column_stays_visible_on_a_phone(page, live_server, transactional_db,
                                                       log_in):
    _matrix_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/")
    scroller = page.locator(".matrix-scroll")
    member = page.get_by_role("rowheader", name="Landkreis Mayen-Koblenz")
    member.scroll_into_view_if_needed()
    before = member.bounding_box()

    scroller.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    page.wait_for_function("() => document.querySelector('.matrix-scroll').scrollLeft > 300")

    after = member.bounding_box()
    box = scroller.bounding_box()
    assert abs(after["x"] - before["x"]) < 1  # sticky: it did not move with the topics
    assert box["x"] - 1 <= after["x"] and after["x"] + after["width"] <= 390
    assert after["width"] < 390 / 2  # the topics keep most of the screen
    # What is drawn at the member cell is the member cell, not a topic scrolled under it.
    assert member.evaluate("""th => { const r = th.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return th.contains(hit); }""")
    assert_no_blocking_violations(page)


def test_progress_chart_uses_the_page_width(page, live_server, transactional_db, log_in):
    projects_demo(rounds=("closed",))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(PROJECTS_READER, demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/verlauf/")

    main_width = page.get_by_role("main").bounding_box()["width"]
    chart_width = page.locator("#verlauf-themen").bounding_box()["width"]
    assert chart_width > 0.8 * main_width - 64, (chart_width, main_width)
    assert_no_blocking_violations(page)
