"""Issue 15, "Done when", in the browser: the network talks. On the demo network (ten
Landkreise), a reader in Ahrweiler follows the topic "Dokumentenmanagementsystem" and keeps
the daily digest; the Neuwied editor asks all Landkreise "Welches DMS nutzen Sie?"; the
Mayen-Koblenz and Westerwald editors answer; the coordinator reads "2 von 10"; the reminder
reaches the editors of the others exactly once; the results show the answers in the table
and the bars; the asker turns them into a knowledge article; the follower finds the new
Rundfrage under the bell, on the notification list and in the next daily digest. Every page
visited is checked with axe (0 serious/critical) and for CSP reports."""

import re
from datetime import datetime, time, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from common.models import OutgoingMail, Reminder
from knowledge.models import Article
from members import demo
from members.models import Administration
from notifications.collector import notifications_collect
from notifications.digests import digests_dispatch
from notifications.models import DigestSetting, Notification
from polls.models import Answer, Poll
from polls.reminders import poll_reminders_dispatch
from tests.browser.test_accessibility import blocking_violations, describe
from tests.browser.test_csp import COLLECT_VIOLATIONS, CONSOLE_MARKERS
from tests.factories import TEST_PASSWORD, UserFactory
from tests.knowledge.factories import CategoryFactory
from tests.notifications.helpers import make_topic

TITLE = "Welches DMS nutzen Sie?"
QUESTION = "Welches Produkt setzen Sie ein?"
COORDINATOR = "koordination@example.org"
EDITOR_MYK = "redaktion.myk@example.org"
EDITOR_NEUWIED = "redaktion.neuwied@example.org"
READER_AHRWEILER = "lesen.ahrweiler@example.org"


class Checked:
    """Axe (0 serious/critical) and the page's own CSP reports on every page visited."""

    def __init__(self, page):
        self.page, self.csp, self.pages = page, [], []
        page.context.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", lambda message: self.csp.append(message.text)
                if any(marker in message.text for marker in CONSOLE_MARKERS) else None)

    def __call__(self):
        page = self.page
        # The page's CSP reports first: axe-core, injected afterwards, adds styles itself.
        assert (page.evaluate("window.__cspViolations || []"), self.csp) == ([], []), page.url
        violations = blocking_violations(page)
        assert [v["id"] for v in violations] == [], (page.url, describe(violations))
        self.csp.clear()
        self.pages.append(page.url)


def status(page, text):
    return page.get_by_role("status").filter(has_text=text)


def heading(page):
    return page.get_by_role("heading", level=1)


def _world():
    """The demo network (ten Landkreise, the demo logins), the topic, a category for the
    article, and editors of three more Kreise: one answers, two are to be reminded."""
    demo.load()
    topic = make_topic()  # "Dokumentenmanagementsystem"
    CategoryFactory(name="Erfahrungen aus dem Netzwerk")
    by_key = {a.regional_key: a for a in Administration.objects.filter(
        regional_key__in=["07131", "07132", "07143"])}
    westerwald = UserFactory(administration=by_key["07143"], role="editor",
                             first_name="Wiebke", last_name="Wald",
                             email="redaktion.ww@example.org")
    to_remind = [UserFactory(administration=by_key[key], role="editor", email=email)
                 for key, email in [("07131", "redaktion.ahrweiler@example.org"),
                                    ("07132", "redaktion.altenkirchen@example.org")]]
    return topic, westerwald, to_remind


def _answer(page, log_in, base, email, password, product, check):
    page.context.clear_cookies()
    log_in(email, password)
    page.goto(f"{base}/rundfragen/?filter=an-meine-verwaltung")
    expect(page.get_by_role("row", name=TITLE)).to_contain_text("noch nicht beantwortet")
    check()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label(product, exact=True).check()
    page.get_by_role("button", name="Antwort abgeben").click()
    expect(status(page, "ist abgegeben")).to_be_visible()
    check()


def test_the_network_talks(page, live_server, transactional_db, log_in):
    topic, westerwald, to_remind = _world()
    base = live_server.url
    landkreise = Administration.objects.current().filter(kind="landkreis").count()
    assert landkreise == 10
    check = Checked(page)

    # --- A reader of a third administration follows the topic, keeps the daily digest.
    log_in(READER_AHRWEILER, demo.DEMO_PASSWORD)
    page.goto(f"{base}/vorhaben/themen/{topic.slug}/")
    expect(heading(page)).to_have_text("Dokumentenmanagementsystem")
    page.get_by_role("button", name="Folgen", exact=True).click()
    expect(status(page, "Sie folgen jetzt diesem Eintrag.")).to_be_visible()
    expect(page.get_by_role("button", name="Nicht mehr folgen")).to_be_visible()
    check()
    page.goto(f"{base}/konto/benachrichtigungen/")
    page.get_by_role("radio", name="täglich").check()
    page.get_by_role("button", name="Einstellungen speichern").click()
    expect(page.get_by_role("radio", name="täglich")).to_be_checked()
    check()
    follower = DigestSetting.objects.get(user__email=READER_AHRWEILER)
    assert follower.frequency == "daily"

    # --- The Neuwied editor asks all Landkreise about the DMS in use. ----------------
    deadline = timezone.localdate() + timedelta(days=14)
    page.context.clear_cookies()
    log_in(EDITOR_NEUWIED, demo.DEMO_PASSWORD)
    page.goto(f"{base}/rundfragen/neu/")
    expect(heading(page)).to_have_text("Rundfrage stellen")
    check()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Hintergrund").fill("Wir schreiben im Frühjahr **neu** aus.")
    page.get_by_role("group", name="Themen").get_by_label("Dokumentenmanagementsystem").check()
    page.get_by_label("Mitglieder bestimmter Arten (z. B. alle Landkreise)").check()
    page.get_by_role("group", name="Arten von Verwaltungen").get_by_label(
        "Landkreis", exact=True).check()
    page.get_by_label("Antworten bis").fill(deadline.isoformat())
    frage1 = page.get_by_role("group", name="Frage 1")
    frage1.get_by_label("Frage (optional)").fill(QUESTION)
    frage1.get_by_label("Art der Antwort").select_option(label="Eine Auswahl")
    frage1.get_by_label("Auswahlmöglichkeiten").fill("enaio\nd.velop\nVIS")
    page.get_by_role("button", name="Rundfrage stellen").click()
    expect(status(page, "Die Rundfrage ist gestellt.")).to_be_visible()
    expect(heading(page)).to_have_text(TITLE)
    expect(page.get_by_text("Mitglieder der Art: Landkreis")).to_be_visible()
    check()
    poll = Poll.objects.get()
    assert [t.name for t in poll.topics.all()] == ["Dokumentenmanagementsystem"]
    assert [(q.text, q.kind) for q in poll.questions.all()] == [(QUESTION, "single")]

    # --- Mayen-Koblenz and Westerwald answer. ------------------------------------------
    _answer(page, log_in, base, EDITOR_MYK, demo.DEMO_PASSWORD, "enaio", check)
    _answer(page, log_in, base, westerwald.email, TEST_PASSWORD, "d.velop", check)
    assert sorted(Answer.objects.filter(poll=poll, state="final")
                  .values_list("administration__short_name", flat=True)) == ["MYK", "WW"]

    # --- The coordinator sees "2 von 10". ----------------------------------------------
    page.context.clear_cookies()
    log_in(COORDINATOR, demo.DEMO_PASSWORD)
    page.goto(f"{base}/rundfragen/{poll.pk}/ergebnisse/")
    expect(heading(page)).to_have_text(f"Ergebnisse: {TITLE}")
    expect(page.locator("#poll-completion-text")).to_have_text(
        "2 von 10 Verwaltungen haben geantwortet")
    missing = page.locator(".poll-missing li")
    expect(missing).to_have_count(8)
    expect(page.locator(".poll-missing")).to_contain_text("Landkreis Neuwied")
    expect(page.locator(".poll-missing")).not_to_contain_text("Mayen-Koblenz")
    check()

    # --- A reminder goes to the editors of the others, exactly once. -------------------
    day_before = datetime.combine(deadline - timedelta(days=1), time(8),
                                  tzinfo=timezone.get_current_timezone())
    reminded = sorted([EDITOR_NEUWIED, *(user.email for user in to_remind)])
    assert poll_reminders_dispatch(day_before) == len(reminded)
    assert poll_reminders_dispatch(day_before) == 0  # the beat fires twice
    assert poll_reminders_dispatch(day_before + timedelta(hours=3)) == 0
    reminders = OutgoingMail.objects.filter(subject=f"[Kreishaus] Morgen endet die Rundfrage "
                                                    f"„{TITLE}“")
    assert sorted(reminders.values_list("to", flat=True)) == reminded
    assert sorted(Reminder.objects.filter(kind="poll_due_1", object_key=f"poll:{poll.pk}")
                  .values_list("recipient__email", flat=True)) == reminded
    assert f"/rundfragen/{poll.pk}/#antwort" in reminders.first().body_text

    # --- The asker reads the answers in the bars and the table, makes an article. ------
    page.context.clear_cookies()
    log_in(EDITOR_NEUWIED, demo.DEMO_PASSWORD)
    page.goto(f"{base}/rundfragen/{poll.pk}/ergebnisse/")
    chart = page.locator("section[aria-labelledby=frage-1]")
    expect(chart).to_contain_text("2 Antworten")
    for product, count, percent in [("enaio", "1", "50 %"), ("d.velop", "1", "50 %"),
                                    ("VIS", "0", "0 %")]:
        row = chart.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=product, exact=True))
        expect(row.get_by_role("cell").nth(0)).to_have_text(count)
        bar = row.get_by_role("progressbar")
        assert (bar.get_attribute("value"), bar.get_attribute("max")) == (count, "2")
        expect(bar).to_have_accessible_name(f"{product}: {count} / 2")
        expect(row).to_contain_text(percent)
    table = page.locator(".poll-table")
    myk_row = table.get_by_role("row", name=re.compile("Landkreis Mayen-Koblenz"))
    expect(myk_row).to_contain_text("enaio")
    expect(myk_row).to_contain_text("Jonas Weber")
    ww_row = table.get_by_role("row", name=re.compile("Westerwaldkreis"))
    expect(ww_row).to_contain_text("d.velop")
    expect(ww_row).to_contain_text("Wiebke Wald")
    expect(table.get_by_role("row", name=re.compile("Landkreis Neuwied"))).to_contain_text(
        "keine Antwort")
    check()

    page.get_by_role("link", name="In einen Wissensartikel übernehmen").click()
    expect(heading(page)).to_have_text("In einen Wissensartikel übernehmen")
    check()
    page.get_by_label("Kategorie des Artikels").select_option(label="Erfahrungen aus dem Netzwerk")
    page.get_by_role("button", name="Artikel anlegen").click()
    article_title = f"Ergebnisse der Rundfrage: {TITLE}"
    expect(heading(page)).to_have_text(article_title)
    expect(page.locator("main")).to_contain_text(f"Aus der Rundfrage „{TITLE}“")
    expect(page.get_by_role("cell", name="enaio", exact=True)).to_have_count(1)
    check()
    article = Article.objects.get(title=article_title)
    assert page.url.endswith(f"/{article.slug}/")
    poll.refresh_from_db()
    assert poll.article == article

    # --- The follower of the topic: bell, list, and the next daily digest. -------------
    notifications_collect()  # the beat task's run
    assert notifications_collect() == 0  # and once more: nothing twice
    # The Rundfrage and the article made from it both name the followed topic.
    assert sorted(Notification.objects.filter(user__email=READER_AHRWEILER)
                  .values_list("kind_label", "title")) == [
        ("Neue Rundfrage", TITLE), ("Neuer Artikel", article_title)]
    page.context.clear_cookies()
    log_in(READER_AHRWEILER, demo.DEMO_PASSWORD)
    bell = page.get_by_role("banner").get_by_role("link", name="Benachrichtigungen, 2 ungelesen")
    expect(bell).to_be_visible()
    check()
    bell.click()
    expect(heading(page)).to_have_text("Benachrichtigungen")
    today = page.get_by_role("region").first
    entry = today.get_by_role("listitem").filter(
        has=page.get_by_role("link", name=TITLE, exact=True))
    expect(entry).to_contain_text("Neue Rundfrage")
    expect(entry).to_contain_text("Thema: Dokumentenmanagementsystem")
    check()
    entry.get_by_role("link", name=TITLE, exact=True).click()
    expect(heading(page)).to_have_text(TITLE)
    check()

    next_morning = datetime.combine(timezone.localdate() + timedelta(days=1), time(8),
                                    tzinfo=timezone.get_current_timezone())
    digests_dispatch(now=next_morning)
    digests_dispatch(now=next_morning)  # the beat fires twice
    [digest] = OutgoingMail.objects.filter(to=READER_AHRWEILER)
    assert "zu dem, was Sie verfolgen" in digest.subject
    assert "Neue Rundfrage – Thema: Dokumentenmanagementsystem" in digest.body_text
    assert f"{TITLE} (" in digest.body_text
    assert f"/rundfragen/{poll.pk}/" in digest.body_text
    assert "Neuer Artikel – Thema: Dokumentenmanagementsystem" in digest.body_text
    assert TITLE in digest.body_html
    assert len(check.pages) >= 14
