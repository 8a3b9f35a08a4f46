"""One whole quarter of the working group in the browser, as the roles live it (issue 14):
the coordinator plans the next meeting from the suggestion, carries an open action item
onto the agenda and invites; two readers register for the one place, the first withdraws
and the second moves up (and is told); a survey round is answered by two editors, one of
them fixing a row error on the way, and closed through its confirmation page; the meeting
is held, attendance recorded with a guest, minutes written in Markdown with a decision and
an action item and published through the confirmation page; the dashboard shows the
changes and the exports download. axe finds nothing serious or critical on any page."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from meetings.enums import RegistrationStatus
from meetings.models import ActionItem, Meeting, Minutes, Registration
from meetings.selectors.planning import next_meeting_suggestion
from members import demo
from members.models import Administration, User
from projects.enums import Stage, StatusSource, SurveyState
from projects.models import Status, StatusChange, SurveyResponse, SurveyRound
from tests.browser.test_projects import survey_scope
from tests.factories import TEST_PASSWORD, UserFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.pdf_inspect import assert_tagged_pdf_ua

BLOCKING = {"serious", "critical"}
COORDINATOR = "koordination@example.org"
EDITOR_MYK = "redaktion.myk@example.org"
EDITOR_NEUWIED = "redaktion.neuwied@example.org"
READER = "lesen.ahrweiler@example.org"
TITLE = "Quartalssitzung Herbst"
OPEN_TASK = "Musterdienstanweisung E-Akte teilen"
SURVEY = "Erhebung vor der Herbstsitzung"
GUEST = ("Erika Mustermann", "Landesamt für Digitalisierung")
SUMMARY = "Die AG hat den **Fahrplan zur E-Akte** verabredet."
DECISION = "Die AG erstellt einen *gemeinsamen* Leitfaden zur E-Akte."
TASK = "Leitfaden E-Akte entwerfen"


class Visit:
    """Every page a person sees is checked with axe once it has settled."""

    def __init__(self, page, base):
        self.page, self.base, self.seen = page, base, []

    def check(self):
        violations = [v for v in Axe().run(self.page).response["violations"]
                      if v["impact"] in BLOCKING]
        assert violations == [], (self.page.url, [(v["id"], v["help"]) for v in violations])
        self.seen.append(self.page.url)

    def __len__(self):
        return len(self.seen)

    def goto(self, path):
        self.page.goto(f"{self.base}{path}")
        self.check()


def sign_in(page, base, email, password=demo.DEMO_PASSWORD):
    """Through the login form; both the form and the dashboard behind it are checked."""
    visit = Visit(page, base)
    visit.goto("/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)
    expect(heading(page)).to_have_text(re.compile(r"^Willkommen, "))
    visit.check()
    return visit


def status(page, text):
    return page.get_by_role("status").filter(has_text=text)


def heading(page):
    return page.get_by_role("heading", level=1)


def download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    saved = info.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def mails_to(user, subject_start):
    return [m for m in mail.outbox
            if m.to == [user.email] and m.subject.startswith(subject_start)]


def _world():
    """The demo network (logins, three topics, a closed baseline round) and a working
    group of three districts whose summer meeting left an action item open."""
    topics = survey_scope()
    myk = Administration.objects.get(slug="mayen-koblenz")
    neuwied = Administration.objects.get(regional_key="07138")
    ahrweiler = Administration.objects.get(regional_key="07131")
    group = make_group(myk, neuwied, ahrweiler)
    summer = make_meeting(group, days=-60, state="minutes_published", host=myk,
                          title="Sommersitzung")
    Minutes.objects.create(meeting=summer, state="published",
                           published_at=timezone.now() - timedelta(days=55))
    ActionItem.objects.create(meeting=summer, title=OPEN_TASK, responsible_administration=neuwied)
    second_reader = UserFactory(administration=neuwied, first_name="Nora",
                                last_name="Zimmermann", email="nora.zimmermann@example.org")
    return group, topics, second_reader


def test_one_whole_quarter(page, new_context, live_server, transactional_db):
    group, topics, nora = _world()
    base = live_server.url
    tobias = User.objects.get(email=READER)
    members = Administration.objects.current().count()

    # --- The coordinator plans the meeting from the suggestion. ------------------------
    office = sign_in(page, base, COORDINATOR)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Sitzungen").click()
    expect(heading(page)).to_have_text("Sitzungen")
    office.check()
    page.get_by_role("button", name="Sitzung anlegen").click()
    expect(heading(page)).to_have_text("Sitzung anlegen")
    starts, host = next_meeting_suggestion(group)
    assert host.slug != "mayen-koblenz"  # the least recent host, not the summer's
    expect(page.get_by_label("Beginn", exact=True)).to_have_value(
        timezone.localtime(starts).strftime("%Y-%m-%dT%H:%M"))
    expect(page.get_by_label(re.compile(r"^Gastgeber"))).to_have_value(str(host.pk))
    expect(page.get_by_label(re.compile(r"^Ort \(Anschrift\)"))).to_have_value(
        re.compile(rf"^{re.escape(host.name)}\n"))
    office.check()
    page.get_by_label("Titel", exact=True).fill(TITLE)
    page.get_by_label(re.compile(r"^Plätze")).fill("1")
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(status(page, "Die Sitzung wurde gespeichert.")).to_be_visible()
    expect(heading(page)).to_have_text(TITLE)
    meeting = Meeting.objects.get(title=TITLE)
    assert (meeting.host, meeting.capacity, meeting.state) == (host, 1, "planned")
    meeting_path = meeting.get_absolute_url()
    office.check()

    # The group's open action item goes on the agenda with one choice.
    agenda = page.get_by_role("region", name="Tagesordnung", exact=True)
    agenda.get_by_role("checkbox", name=re.compile(OPEN_TASK)).check()
    agenda.get_by_role("button", name="Auf die Tagesordnung setzen").click()
    expect(status(page, "1 Aufgabe steht jetzt auf der Tagesordnung.")).to_be_visible()
    expect(agenda).to_contain_text(f"Offene Aufgabe „{OPEN_TASK}“ (Sommersitzung)")
    office.check()

    page.get_by_role("button", name="Einladung veröffentlichen").click()
    expect(status(page, "Die Sitzung ist jetzt „eingeladen“.")).to_be_visible()
    expect(page.get_by_text("ist ab Beginn der Sitzung möglich")).to_be_visible()
    expect(page.get_by_role("button", name="Als stattgefunden markieren")).to_have_count(0)
    office.check()
    # The readers of the member districts were invited by mail.
    assert mails_to(tobias, "[Kreishaus] Einladung") and mails_to(nora, "[Kreishaus] Einladung")

    # --- Two readers, one place: the waiting list and moving up. -----------------------
    first = sign_in(new_context().new_page(), base, READER)
    upcoming = first.page.get_by_role("region", name="Nächste Sitzungen", exact=True)
    upcoming.get_by_role("link", name=TITLE).click()
    expect(heading(first.page)).to_have_text(TITLE)
    mine = first.page.get_by_role("region", name="Meine Teilnahme", exact=True)
    mine.get_by_role("radio", name="vor Ort").check()
    mine.get_by_role("button", name="Anmelden", exact=True).click()
    expect(status(first.page, "Sie sind angemeldet (vor Ort).")).to_be_visible()
    first.check()

    second = sign_in(new_context().new_page(), base, nora.email, TEST_PASSWORD)
    second.goto(meeting_path)
    mine_too = second.page.get_by_role("region", name="Meine Teilnahme", exact=True)
    mine_too.get_by_role("radio", name="vor Ort").check()
    mine_too.get_by_role("button", name="Anmelden", exact=True).click()
    expect(mine_too).to_contain_text("Sie stehen auf der Warteliste")
    second.check()
    assert not mails_to(nora, "[Kreishaus] Sie sind nachgerückt")

    mine.get_by_role("button", name="Anmeldung zurückziehen").click()
    expect(mine).to_contain_text("Sie haben abgesagt.")
    first.check()
    second.page.reload()
    expect(mine_too).to_contain_text("Sie sind angemeldet (vor Ort).")
    expect(second.page.get_by_role("region", name="Eckdaten")).to_contain_text(
        "1 angemeldet, 0 auf der Warteliste · 1 Platz")
    second.check()
    (moved_up,) = mails_to(nora, "[Kreishaus] Sie sind nachgerückt")
    assert moved_up.subject.startswith(f"[Kreishaus] Sie sind nachgerückt: {TITLE} am ")
    assert f"Sie sind nachgerückt: Für die Sitzung „{TITLE}“ ist ein Platz frei geworden." \
        in moved_up.body
    (ics,) = [a for a in moved_up.attachments if a[0].endswith(".ics")]
    assert f"SUMMARY:{TITLE}" in (ics[1] if isinstance(ics[1], str) else ics[1].decode())
    assert Registration.objects.get(meeting=meeting, user=nora).status \
        == RegistrationStatus.REGISTERED

    # --- The survey round: opened, answered by two editors, closed. ---------------------
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Vorhaben").click()
    office.check()
    page.get_by_role("navigation", name="Bereich Vorhaben").get_by_role(
        "link", name="Erhebungen").click()
    expect(heading(page)).to_have_text("Sachstandserhebungen")
    office.check()
    page.get_by_role("link", name="Erhebung eröffnen").click()
    expect(heading(page)).to_have_text("Sachstandserhebung eröffnen")
    page.get_by_label("Titel", exact=True).fill(SURVEY)
    for topic in topics.values():
        page.get_by_label(topic.name, exact=True).check()
    page.get_by_label("Frist", exact=True).fill(
        (timezone.localdate() + timedelta(days=14)).isoformat())
    office.check()
    page.get_by_role("button", name="Erhebung eröffnen").click()
    expect(status(page, "Die Erhebung ist eröffnet")).to_be_visible()
    survey_round = SurveyRound.objects.get(title=SURVEY)
    round_path = survey_round.get_absolute_url()
    expect(page.locator("#survey-progress-text")).to_have_text(f"0 von {members} beantwortet")
    office.check()

    # Mayen-Koblenz's editor forgets a row, is told inside it, and fixes it.
    jonas = sign_in(new_context().new_page(), base, EDITOR_MYK)
    open_surveys = jonas.page.get_by_role("region", name="Offene Sachstandserhebungen",
                                          exact=True)
    open_surveys.get_by_role("link", name=SURVEY).click()
    expect(heading(jonas.page)).to_have_text(f"Sachstandserhebung „{SURVEY}“")
    jonas.check()
    e_akte = jonas.page.get_by_role("group", name="E-Akte", exact=True)
    termine = jonas.page.get_by_role("group", name="Online-Terminvergabe", exact=True)
    e_akte.get_by_label("Stand", exact=True).select_option(label="im Betrieb")
    jonas.page.get_by_role("group", name="Glasfaser an Schulen", exact=True).get_by_label(
        "unverändert").check()
    jonas.page.get_by_role("button", name="Antworten absenden").click()
    summary = jonas.page.get_by_role("alert").filter(has_text="Bitte prüfen Sie 1 Zeile")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(["Online-Terminvergabe"])
    expect(termine.get_by_text("Bitte bestätigen Sie den Stand mit „unverändert“ oder tragen "
                               "Sie den neuen Stand ein.")).to_be_visible()
    # What was entered is kept.
    expect(e_akte.get_by_label("Stand", exact=True)).to_have_value(str(Stage.LIVE))
    jonas.check()
    assert not SurveyResponse.objects.filter(round=survey_round).exists()
    termine.get_by_label("unverändert").check()
    jonas.page.get_by_role("button", name="Antworten absenden").click()
    expect(status(jonas.page, "Vielen Dank! Die Antworten für Landkreis Mayen-Koblenz sind "
                              "gespeichert.")).to_be_visible()
    jonas.check()

    # Neuwied's editor confirms everything as it is.
    sabine = sign_in(new_context().new_page(), base, EDITOR_NEUWIED)
    sabine.page.get_by_role("region", name="Offene Sachstandserhebungen", exact=True) \
        .get_by_role("link", name=SURVEY).click()
    expect(heading(sabine.page)).to_have_text(f"Sachstandserhebung „{SURVEY}“")
    for row in sabine.page.locator("fieldset.survey-row").all():
        row.get_by_label("unverändert").check()
    sabine.check()
    sabine.page.get_by_role("button", name="Antworten absenden").click()
    expect(status(sabine.page, "Vielen Dank! Die Antworten für Landkreis Neuwied sind "
                               "gespeichert.")).to_be_visible()
    sabine.check()

    # The coordinator closes the round through its confirmation page.
    office.goto(round_path)
    expect(page.locator("#survey-progress-text")).to_have_text(f"2 von {members} beantwortet")
    page.get_by_role("link", name="Erhebung abschließen …").click()
    expect(heading(page)).to_have_text(f"Erhebung „{SURVEY}“ abschließen?")
    expect(page.get_by_role("main")).to_contain_text(
        f"2 von {members} Mitgliedern haben geantwortet; die übrigen {members - 2} "
        "erscheinen als ohne Antwort.")
    office.check()
    assert SurveyRound.objects.get(pk=survey_round.pk).is_open  # the page changed nothing
    page.get_by_role("button", name="Ja, Erhebung abschließen").click()
    expect(status(page, "Die Erhebung ist abgeschlossen")).to_be_visible()
    office.check()
    assert SurveyRound.objects.get(pk=survey_round.pk).state == SurveyState.CLOSED
    e_akte_status = Status.objects.get(administration__slug="mayen-koblenz",
                                       topic=topics["e-akte"])
    assert (e_akte_status.stage, e_akte_status.since) == (Stage.LIVE, timezone.localdate())

    # --- The meeting takes place. --------------------------------------------------------
    began = timezone.now() - timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=began,
                                                 ends_at=began + timedelta(hours=3))
    office.goto(meeting_path)
    page.get_by_role("button", name="Als stattgefunden markieren").click()
    expect(status(page, "Die Sitzung ist jetzt „stattgefunden“.")).to_be_visible()
    office.check()

    # Attendance: the moved-up reader, the coordinator as walk-in and a guest.
    page.get_by_role("link", name="Anwesenheit erfassen").click()
    expect(heading(page)).to_have_text("Anwesenheit erfassen")
    office.check()
    page.get_by_label("Nora Zimmermann (NR)").check()
    page.get_by_label("Weitere Personen aus dem Netzwerk").fill(COORDINATOR)
    page.get_by_label("Gäste von außerhalb des Netzwerks").fill(", ".join(GUEST))
    page.get_by_role("button", name="Anwesenheit speichern").click()
    expect(status(page, "Die Anwesenheit wurde gespeichert.")).to_be_visible()
    people = page.get_by_role("region", name="Teilnehmende")
    expect(people).to_contain_text("Nora Zimmermann – vor Ort, anwesend")
    expect(people).to_contain_text("Katrin Berger – vor Ort, anwesend")
    expect(people).to_contain_text(f"{GUEST[0]} ({GUEST[1]}) – anwesend")
    office.check()

    # Minutes in Markdown, a decision and an action item.
    page.get_by_role("link", name="Protokoll schreiben").click()
    expect(heading(page)).to_have_text("Protokoll schreiben")
    office.check()
    page.get_by_label(re.compile(r"^Zusammenfassung")).fill(SUMMARY)
    page.get_by_role("button", name="Protokoll speichern").click()
    expect(status(page, "Das Protokoll wurde gespeichert.")).to_be_visible()
    minutes = page.get_by_role("region", name="Protokoll", exact=True)
    expect(minutes.locator("strong", has_text="Fahrplan zur E-Akte")).to_be_visible()
    expect(minutes).not_to_contain_text("**")
    office.check()

    page.get_by_role("link", name="Beschluss erfassen").click()
    expect(heading(page)).to_have_text("Beschluss erfassen")
    office.check()
    page.get_by_label("Beschluss", exact=True).fill(DECISION)
    page.get_by_label("Ergebnis", exact=True).select_option(label="einstimmig")
    page.get_by_role("button", name="Speichern", exact=True).click()
    decisions = page.get_by_role("region", name="Beschlüsse", exact=True)
    expect(decisions).to_contain_text(
        "Die AG erstellt einen gemeinsamen Leitfaden zur E-Akte. – einstimmig")
    expect(decisions.locator("em", has_text="gemeinsamen")).to_be_visible()
    office.check()

    due = timezone.localdate() + timedelta(days=30)
    page.get_by_role("link", name="Aufgabe erfassen").click()
    expect(heading(page)).to_have_text("Aufgabe erfassen")
    office.check()
    page.get_by_label("Aufgabe", exact=True).fill(TASK)
    person = page.get_by_label(re.compile(r"^Zuständige Person"))
    person.select_option(person.locator("option", has_text="Nora Zimmermann")
                         .get_attribute("value"))
    page.get_by_label(re.compile(r"^Fällig am")).fill(due.isoformat())
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page.get_by_role("region", name="Aufgaben", exact=True)).to_contain_text(
        f"{TASK} – Nora Zimmermann, fällig am {due:%d.%m.%Y} – offen")
    office.check()
    # Draft minutes are the coordination office's own: nobody is told yet.
    assert not mails_to(nora, "[Kreishaus] Neue Aufgabe")

    # Publishing: the confirmation page names the content and the people told.
    page.get_by_role("link", name="Protokoll veröffentlichen …").click()
    expect(heading(page)).to_have_text("Protokoll veröffentlichen")
    main = page.get_by_role("main")
    expect(main).to_contain_text("1 Beschluss")
    expect(main).to_contain_text("1 Aufgabe")
    told = re.search(r"(\d+) Personen werden per E-Mail benachrichtigt", main.inner_text())
    assert told, main.inner_text()
    office.check()
    before = len(mail.outbox)
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(status(page, "Das Protokoll ist veröffentlicht")).to_be_visible()
    expect(page.get_by_text("Status: Protokoll veröffentlicht")).to_be_visible()
    office.check()
    published = [m for m in mail.outbox[before:]
                 if m.subject.startswith(f"[Kreishaus] Protokoll veröffentlicht: {TITLE}")]
    assert len(published) == int(told.group(1))
    assert nora.email in {m.to[0] for m in published}
    # Now the person responsible for the new action item is told, with due date and link.
    (assigned,) = mails_to(nora, f"[Kreishaus] Neue Aufgabe: {TASK}")
    with translation.override("de"):
        assert f"Fällig am: {date_format(due, 'l, j. F Y')}" in assigned.body
    assert f"{meeting_path}#aufgaben" in assigned.body

    # --- The dashboard shows what changed. ----------------------------------------------
    office.goto("/")
    changes = page.get_by_role("region", name="Letzte Änderungen", exact=True)
    expect(changes).to_contain_text(f"Protokoll veröffentlicht: {TITLE}")
    expect(changes).to_contain_text(f"1 Beschluss: {TITLE}")
    # The survey's change joins the day's other status changes of Mayen-Koblenz.
    myk_changes = StatusChange.objects.filter(status__administration__slug="mayen-koblenz")
    assert myk_changes.filter(source=StatusSource.SURVEY).count() == 1
    expect(changes).to_contain_text(
        f"Sachstände: Landkreis Mayen-Koblenz: {myk_changes.count()} Statusänderungen")
    expect(changes).not_to_contain_text("Noch keine Änderungen.")
    changes.get_by_role("link", name=TITLE).first.click()
    expect(heading(page)).to_have_text(TITLE)
    office.check()

    # --- The exports download. --------------------------------------------------------------
    office.goto(meeting_path)
    day = f"{timezone.localtime(began):%Y-%m-%d}"
    name, content = download(page, "Protokoll als PDF")
    assert name == f"protokoll-{day}.pdf"
    text = " ".join(assert_tagged_pdf_ua(content, f"Protokoll: {TITLE}").text.split())
    assert "Fahrplan zur E-Akte" in text and "**" not in text
    assert "Leitfaden zur E-Akte" in text and TASK in text
    name, content = download(page, "Teilnehmerliste als PDF")
    assert name == f"anwesenheit-{day}.pdf"
    text = " ".join(assert_tagged_pdf_ua(content, f"Anwesenheitsliste: {TITLE}").text.split())
    assert "Nora Zimmermann" in text and GUEST[0] in text

    office.goto("/vorhaben/")
    page.get_by_label(re.compile(r"^Arbeitsgruppe")).select_option(label=group.name)
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page).to_have_url(re.compile(rf"[?&]working_group={group.pk}\b"))
    office.check()
    name, content = download(page, "Matrix als CSV")
    assert name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    names = {row[0] for row in rows[1:]}
    assert {"Landkreis Mayen-Koblenz", "Landkreis Neuwied", "Landkreis Ahrweiler"} <= names
    assert len(rows) - 1 == group.members.count() < members
    assert "E-Akte" in rows[0]

    # Every page the quarter passed through was checked.
    assert len(office.seen) > 30 and min(map(len, (first, second, jonas, sabine))) >= 3
