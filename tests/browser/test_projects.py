"""Projects in the browser: a Sachstandserhebung from opening to the comparison."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from members import demo
from members.models import Administration, User
from projects.enums import Stage, StatusSource, SurveyState
from projects.models import (
    Status,
    StatusChange,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from projects.statuses.services import status_save
from projects.surveys.services import survey_round_close, survey_round_open

COORDINATOR = "koordination@example.org"
EDITOR = "redaktion.myk@example.org"
MYK = "mayen-koblenz"
MYK_NAME = "Landkreis Mayen-Koblenz"
PREVIOUS_TITLE = "Erhebung Herbst"
TITLE = "Erhebung vor der Frühjahrssitzung"


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)
    return page


def status_message(page, text):
    return page.get_by_role("status").filter(has_text=text)


def survey_scope():
    """Demo network and logins, three topics with a few statuses, and a closed round with
    those statuses as the baseline of the comparison. Returns the topics by slug."""
    demo.load()
    coordinator = User.objects.get(email=COORDINATOR)
    myk = Administration.objects.get(slug=MYK)
    neuwied = Administration.objects.get(regional_key="07138")
    topics = {slug: Topic.objects.create(name=name, slug=slug, group=group, order=order)
              for order, (name, slug, group) in enumerate([
                  ("E-Akte", "e-akte", "internal"),
                  ("Online-Terminvergabe", "online-termine", "citizen"),
                  ("Glasfaser an Schulen", "glasfaser-schulen", "infrastructure")])}
    for administration, slug, fields in [
        (myk, "e-akte", {"stage": Stage.PILOT, "product": "enaio"}),
        (myk, "online-termine", {"stage": Stage.PLANNED}),
        (neuwied, "e-akte", {"stage": Stage.LIVE, "product": "enaio"}),
        (neuwied, "glasfaser-schulen", {"stage": Stage.IN_PROGRESS}),
    ]:
        status_save(administration=administration, by=coordinator, topic=topics[slug],
                    fields=fields)
    previous = survey_round_open(by=coordinator, title=PREVIOUS_TITLE,
                                 deadline=timezone.localdate() + timedelta(days=1),
                                 topics=topics.values())
    survey_round_close(survey_round=previous, by=coordinator)
    return topics


def test_editor_answers_survey_and_coordinator_closes_and_compares(page, new_context,
                                                                   live_server,
                                                                   transactional_db):
    topics = survey_scope()
    base = live_server.url
    members = Administration.objects.current().count()
    deadline = timezone.localdate() + timedelta(days=14)

    # The coordinator opens the round through the form.
    sign_in(page, base, COORDINATOR)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Vorhaben").click()
    page.get_by_role("navigation", name="Bereich Vorhaben").get_by_role(
        "link", name="Erhebungen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sachstandserhebungen")
    page.get_by_role("link", name="Erhebung eröffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sachstandserhebung eröffnen")
    page.get_by_label("Titel", exact=True).fill(TITLE)
    for topic in topics.values():
        page.get_by_label(topic.name, exact=True).check()
    page.get_by_label("Frist", exact=True).fill(deadline.isoformat())
    page.get_by_role("button", name="Erhebung eröffnen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(status_message(page, "Die Erhebung ist eröffnet")).to_be_visible()
    survey_round = SurveyRound.objects.get(title=TITLE)
    round_url = f"{base}/vorhaben/erhebungen/{survey_round.pk}/"
    expect(page).to_have_url(round_url)
    expect(page.locator("#survey-progress-text")).to_have_text(
        f"0 von {members} beantwortet")

    # The editor answers for Mayen-Koblenz, starting from the dashboard.
    editor_page = sign_in(new_context().new_page(), base, EDITOR)
    open_surveys = editor_page.get_by_role("region", name="Offene Sachstandserhebungen",
                                           exact=True)
    expect(open_surveys.get_by_role("link")).to_have_text([TITLE])
    open_surveys.get_by_role("link", name=TITLE).click()
    expect(editor_page).to_have_url(f"{round_url}antworten/{MYK}/")
    expect(editor_page.get_by_role("heading", level=1)).to_have_text(
        f"Sachstandserhebung „{TITLE}“")
    e_akte = editor_page.get_by_role("group", name="E-Akte", exact=True)
    expect(e_akte).to_contain_text("Bisher: Pilot · enaio")
    expect(e_akte.get_by_label("Stand", exact=True)).to_have_value(str(Stage.PILOT))
    e_akte.get_by_label("Stand", exact=True).select_option(label="im Betrieb")
    for name in ("Online-Terminvergabe", "Glasfaser an Schulen"):
        editor_page.get_by_role("group", name=name, exact=True).get_by_label(
            "unverändert").check()
    expect(editor_page.get_by_role("group", name="Glasfaser an Schulen", exact=True)) \
        .to_contain_text("Noch kein Sachstand erfasst.")
    expect(editor_page.get_by_role("button", name="Erhebung abschließen")).to_have_count(0)
    editor_page.get_by_role("button", name="Antworten absenden").click()

    expect(editor_page).to_have_url(round_url)
    expect(status_message(
        editor_page, f"Vielen Dank! Die Antworten für {MYK_NAME} sind gespeichert.")) \
        .to_be_visible()
    editor_page.goto(f"{base}/")
    expect(open_surveys).to_contain_text("Keine offenen Erhebungen.")

    # The coordinator sees the answer, closes the round and compares.
    page.reload()
    expect(page.locator("#survey-progress-text")).to_have_text(
        f"1 von {members} beantwortet")
    expect(page.get_by_role("progressbar", name="Antworten der Mitglieder")) \
        .to_have_attribute("value", "1")
    answers = page.get_by_role("table", name="Antworten der Mitglieder")
    myk_row = answers.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=MYK_NAME, exact=True))
    today = timezone.localdate().strftime("%d.%m.%Y")
    expect(myk_row.get_by_role("cell").first).to_have_text(f"beantwortet am {today}")
    expect(status_message(page, f"{MYK_NAME} hat am {today} geantwortet.")).to_be_visible()
    expect(answers.get_by_role("row").filter(has_text="offen")).to_have_count(members - 1)
    page.get_by_role("region", name="Erhebung abschließen").get_by_role(
        "link", name="Erhebung abschließen …").click()

    # The confirmation page says what will happen, in numbers; nothing happens yet.
    expect(page).to_have_url(f"{round_url}abschliessen/")
    expect(page.get_by_role("main")).to_contain_text(
        f"1 von {members} Mitgliedern hat geantwortet; die übrigen {members - 1} erscheinen "
        "als ohne Antwort.")
    page.get_by_role("button", name="Ja, Erhebung abschließen").click()

    expect(status_message(page, "Die Erhebung ist abgeschlossen")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("abgeschlossen")
    expect(page.get_by_role("button", name="Erhebung abschließen")).to_have_count(0)
    page.get_by_role("link", name="Was hat sich seit der letzten Erhebung geändert?").click()

    expect(page).to_have_url(f"{round_url}vergleich/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Was hat sich geändert?")
    main = page.get_by_role("main")
    expect(main).to_contain_text(f"„{PREVIOUS_TITLE}“")
    expect(main.get_by_text("1 Änderung", exact=True)).to_be_visible()
    changes = page.get_by_role("region", name=MYK_NAME, exact=True)
    expect(changes.get_by_role("row")).to_have_count(2)
    change = changes.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="E-Akte", exact=True))
    expect(change.get_by_role("cell")).to_have_text(["Pilot enaio", "im Betrieb enaio"],
                                                  use_inner_text=True)

    # The database holds the closed round, its snapshots and the change from the survey.
    survey_round.refresh_from_db()
    assert survey_round.state == SurveyState.CLOSED
    assert survey_round.closed_at is not None
    myk = Administration.objects.get(slug=MYK)
    editor = User.objects.get(email=EDITOR)
    response = SurveyResponse.objects.get(round=survey_round, administration=myk)
    assert response.completed_by == editor
    assert SurveyResponse.objects.filter(round=survey_round).count() == 1
    snapshots = {(s.administration.slug, s.topic.slug): (s.stage, s.product)
                 for s in SurveySnapshot.objects.filter(round=survey_round)
                 .select_related("administration", "topic")}
    neuwied_slug = Administration.objects.get(regional_key="07138").slug
    assert snapshots == {
        (MYK, "e-akte"): (Stage.LIVE, "enaio"),
        (MYK, "online-termine"): (Stage.PLANNED, ""),
        (neuwied_slug, "e-akte"): (Stage.LIVE, "enaio"),
        (neuwied_slug, "glasfaser-schulen"): (Stage.IN_PROGRESS, ""),
    }
    status = Status.objects.get(administration=myk, topic=topics["e-akte"])
    assert (status.stage, status.version, status.updated_by) == (Stage.LIVE, 2, editor)
    survey_changes = StatusChange.objects.filter(source=StatusSource.SURVEY)
    assert [(c.status, c.changed_by, c.changes) for c in survey_changes] == [
        # The new stage holds from today ("seit").
        (status, editor, {"stage": [Stage.PILOT, Stage.LIVE],
                          "since": [None, timezone.localdate().isoformat()]})]
    assert not Status.objects.filter(administration=myk,
                                     topic=topics["glasfaser-schulen"]).exists()
