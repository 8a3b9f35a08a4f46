"""Sachstandserhebungen: open, answer (confirm or update), progress, close, snapshot, compare."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.models import Reminder
from projects.enums import Maturity, Stage, StatusSource, SurveyState
from projects.models import (
    Status,
    StatusChange,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
)
from projects.statuses.services import status_save
from projects.surveys.selectors import survey_rounds_open_for
from projects.surveys.services import survey_round_close, survey_round_open
from tests.factories import AdministrationFactory, UserFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

IN_TWO_WEEKS = timezone.localdate() + timedelta(days=14)


@pytest.fixture
def scope(administration, coordinator):
    """Two topics and the Themenfeld "Familie & Kind" with two services; MYK has statuses
    for one topic and one service of it, and for a service of another Themenfeld."""
    e_akte = make_topic()
    termine = make_topic(name="Online-Terminvergabe", slug="online-termine", group="citizen")
    elterngeld = make_service()
    kita = make_service(ozg_id=10001, name="Kita-Platz")
    hund = make_service(ozg_id=10002, name="Hundesteuer", themenfeld_number=9)
    status_save(administration=administration, topic=e_akte, by=coordinator,
                fields={"stage": Stage.IN_PROGRESS, "product": "enaio"})
    status_save(administration=administration, service=elterngeld, by=coordinator,
                fields={"stage": Stage.PLANNED, "maturity": Maturity.INFORMATION})
    status_save(administration=administration, service=hund, by=coordinator,
                fields={"stage": Stage.LIVE})
    return {"e_akte": e_akte, "termine": termine, "elterngeld": elterngeld, "kita": kita,
            "hund": hund, "familie": elterngeld.themenfeld}


def open_round(coordinator, scope, title="Erhebung Frühjahr", **extra) -> SurveyRound:
    return survey_round_open(by=coordinator, title=title, deadline=IN_TWO_WEEKS,
                             topics=[scope["e_akte"], scope["termine"]],
                             themenfelder=[scope["familie"]], **extra)


def answer_url(survey_round, administration) -> str:
    return reverse("projects:survey_answer", args=[survey_round.pk, administration.slug])


def row_data(survey_round, administration, **rows) -> dict:
    """POST data as the form sends it untouched, updated with `rows` (key → values)."""
    data = {}
    for status in Status.objects.filter(administration=administration):
        key = f"t{status.topic_id}" if status.topic_id else f"s{status.service_id}"
        data.update({f"{key}-version": status.version, f"{key}-stage": status.stage,
                     f"{key}-product": status.product, f"{key}-note": status.note})
        if status.service_id:
            data[f"{key}-maturity"] = "" if status.maturity is None else status.maturity
    for key, values in rows.items():
        data.setdefault(f"{key}-version", 0)
        data.update({f"{key}-{name}": value for name, value in values.items()})
    return data


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- opening -----------------------------------------------------------------------------

def test_survey_create_by_coordinator_opens_round_and_notifies_editors(
        client, coordinator, editor, other_editor, reader, scope,
        django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:survey_create"), {
            "title": "Vor der Herbstsitzung", "topics": [scope["e_akte"].pk],
            "themenfelder": [scope["familie"].pk], "deadline": IN_TWO_WEEKS.isoformat()})

    survey_round = SurveyRound.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("projects:survey", args=[survey_round.pk])
    assert survey_round.state == SurveyState.OPEN
    assert list(survey_round.topics.all()) == [scope["e_akte"]]
    assert list(survey_round.themenfelder.all()) == [scope["familie"]]
    assert survey_round.opened_by == coordinator
    # The opening mail goes out at once to everyone who may answer for a member.
    assert set(Reminder.objects.filter(kind="survey_opened")
               .values_list("recipient__email", flat=True)) == {
        editor.email, other_editor.email, coordinator.email}


@pytest.mark.parametrize("role", ["visitor", "reader", "editor"])
def test_survey_create_refused_for_everyone_but_coordinators(client, role, reader, editor,
                                                             scope):
    if role != "visitor":
        client.force_login({"reader": reader, "editor": editor}[role])
    data = {"title": "Heimlich", "topics": [scope["e_akte"].pk],
            "deadline": IN_TWO_WEEKS.isoformat()}

    assert client.get(reverse("projects:survey_create")).status_code == 403
    assert client.post(reverse("projects:survey_create"), data).status_code == 403
    assert not SurveyRound.objects.exists()


def test_survey_create_needs_a_topic_or_themenfeld_and_a_future_deadline(client, coordinator):
    client.force_login(coordinator)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post(reverse("projects:survey_create"),
                           {"title": "Leer", "deadline": yesterday.isoformat()})

    assert response.status_code == 200
    assert "Bitte wählen Sie mindestens ein Thema oder ein OZG-Themenfeld." in text(response)
    assert "Die Frist darf nicht in der Vergangenheit liegen." in text(response)
    assert not SurveyRound.objects.exists()


# --- answering ---------------------------------------------------------------------------

def test_survey_answer_lists_round_topics_and_existing_statuses_of_its_themenfelder(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)

    page = text(client.get(answer_url(survey_round, administration)))

    assert "<legend class=\"kern-label\">E-Akte</legend>" in page
    assert "<legend class=\"kern-label\">Online-Terminvergabe</legend>" in page
    assert "<legend class=\"kern-label\">10000 Elterngeld</legend>" in page
    assert "Kita-Platz" not in page  # no status yet: not every OZG service is asked
    assert "Hundesteuer" not in page  # another Themenfeld
    assert "Bisher: in Umsetzung · enaio" in page
    assert "Noch kein Sachstand erfasst." in page
    assert page.count(f'name="t{scope["e_akte"].pk}-unchanged"') == 1
    assert f'name="t{scope["e_akte"].pk}-maturity"' not in page
    assert f'name="s{scope["elterngeld"].pk}-maturity"' in page
    # The editor's button does not use the coordinator's wording for closing the round.
    assert '<span class="kern-label">Antworten absenden</span></button>' in page
    assert "Erhebung abschließen" not in page


def test_survey_answer_confirm_and_update_go_through_status_history_as_survey(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    e_akte, termine, elterngeld = scope["e_akte"], scope["termine"], scope["elterngeld"]
    before = Status.objects.get(topic=e_akte)
    client.force_login(editor)

    response = client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration,
        **{f"t{e_akte.pk}": {"unchanged": "on"},
           f"t{termine.pk}": {"stage": Stage.LIVE, "product": "Terminland"},
           f"s{elterngeld.pk}": {"stage": Stage.LIVE, "maturity": Maturity.ONLINE_SERVICE}}))

    assert response.status_code == 302
    assert response.url == reverse("projects:survey", args=[survey_round.pk])
    assert Status.objects.get(topic=e_akte).version == before.version  # confirmed, untouched
    survey_changes = StatusChange.objects.filter(source=StatusSource.SURVEY, changed_by=editor)
    assert sorted((c.status.topic_id or c.status.service_id, c.changes)
                  for c in survey_changes) == sorted([
        # A new stage holds from today ("seit"), unless the answer gives a date.
        (termine.pk, {"stage": [0, Stage.LIVE], "product": ["", "Terminland"],
                      "since": [None, timezone.localdate().isoformat()]}),
        (elterngeld.pk, {"stage": [Stage.PLANNED, Stage.LIVE],
                         "maturity": [Maturity.INFORMATION, Maturity.ONLINE_SERVICE],
                         "since": [None, timezone.localdate().isoformat()]}),
    ])
    answer = SurveyResponse.objects.get(round=survey_round, administration=administration)
    assert answer.completed_by == editor
    assert answer.completed_at is not None


def test_survey_answer_row_neither_confirmed_nor_changed_is_refused(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)

    response = client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration,
        **{f"t{scope['termine'].pk}": {"unchanged": "on"},
           f"s{scope['elterngeld'].pk}": {"stage": Stage.PILOT}}))

    page = text(response)
    assert response.status_code == 200
    assert ("Bitte bestätigen Sie den Stand mit „unverändert“ oder tragen Sie den neuen "
            "Stand ein.") in page
    assert "es wurde noch nichts gespeichert" in page
    assert not StatusChange.objects.filter(source=StatusSource.SURVEY).exists()
    assert not SurveyResponse.objects.exists()


def test_survey_answer_conflict_is_shown_per_row_and_nothing_else_is_lost(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    e_akte, elterngeld = scope["e_akte"], scope["elterngeld"]
    client.force_login(editor)
    data = row_data(survey_round, administration, **{
        f"t{e_akte.pk}": {"stage": Stage.PILOT},
        f"t{scope['termine'].pk}": {"unchanged": "on"},
        f"s{elterngeld.pk}": {"stage": Stage.IN_PROGRESS, "product": "Elterngeld Digital"}})
    # While the editor fills in the form, the coordinator changes the E-Akte row.
    seen = Status.objects.get(topic=e_akte)
    status_save(administration=administration, topic=e_akte, by=coordinator,
                fields={"stage": Stage.LIVE}, expected_version=seen.version)

    response = client.post(answer_url(survey_round, administration), data)

    page = text(response)
    assert response.status_code == 200
    assert "Es wurde nichts gespeichert: 1 Sachstand wurde inzwischen" in page
    assert "hat diesen Sachstand am" in page
    assert "Jetzt gespeichert: Stand „im Betrieb“, Produkt „enaio“." in page
    assert Status.objects.get(service=elterngeld).stage == Stage.PLANNED  # rolled back
    assert not SurveyResponse.objects.exists()
    # The editor's other input is still in the form, and the conflicting row keeps theirs.
    assert 'value="Elterngeld Digital"' in page
    current = Status.objects.get(topic=e_akte)
    assert f'name="t{e_akte.pk}-version" value="{current.version}"' in page

    data[f"t{e_akte.pk}-version"] = current.version
    response = client.post(answer_url(survey_round, administration), data)

    assert response.status_code == 302
    assert Status.objects.get(topic=e_akte).stage == Stage.PILOT
    assert Status.objects.get(service=elterngeld).product == "Elterngeld Digital"


def test_survey_answer_closed_round_accepts_nothing(client, editor, coordinator,
                                                    administration, scope):
    survey_round = open_round(coordinator, scope)
    survey_round_close(survey_round=survey_round, by=coordinator)
    client.force_login(editor)

    response = client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration, **{f"t{scope['termine'].pk}": {"stage": Stage.LIVE}}),
        follow=True)

    assert "Diese Erhebung ist abgeschlossen." in text(response)
    assert not Status.objects.filter(topic=scope["termine"]).exists()


# --- progress ----------------------------------------------------------------------------

def test_survey_page_shows_progress_as_text_and_progress_bar(
        client, reader, editor, coordinator, administration, other_administration, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)
    client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration,
        **{f"t{scope['e_akte'].pk}": {"unchanged": "on"},
           f"t{scope['termine'].pk}": {"unchanged": "on"},
           f"s{scope['elterngeld'].pk}": {"unchanged": "on"}}))
    client.force_login(reader)

    page = text(client.get(reverse("projects:survey", args=[survey_round.pk])))

    assert '<progress id="survey-progress"' in page
    assert 'max="2" value="1">1 von 2 beantwortet</progress>' in page
    assert '<p class="kern-body" id="survey-progress-text">1 von 2 beantwortet</p>' in page
    assert re.search(r"Landkreis Mayen-Koblenz</th> <td[^>]*>.*?beantwortet.*?am "
                     + timezone.localdate().strftime("%d.%m.%Y"), page)
    assert re.search(r"Landkreis Neuwied</th> <td[^>]*><span[^>]*><span[^>]*>offen", page)
    assert "Jetzt beantworten" not in page  # readers cannot answer
    assert "Erhebung abschließen" not in page


def test_survey_page_invites_editor_to_answer_for_own_administration(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)

    page = text(client.get(reverse("projects:survey", args=[survey_round.pk])))

    assert "Die Antwort von Landkreis Mayen-Koblenz fehlt noch." in page
    assert f'href="{answer_url(survey_round, administration)}"' in page


def test_survey_rounds_open_for_lists_rounds_until_own_administration_completed(
        editor, reader, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)

    (listed,) = survey_rounds_open_for(editor)
    assert (listed, listed.deadline) == (survey_round, IN_TWO_WEEKS)
    assert listed.answer_url == answer_url(survey_round, administration)
    assert survey_rounds_open_for(reader)[0].answer_url is None

    SurveyResponse.objects.create(round=survey_round, administration=administration,
                                  completed_at=timezone.now())
    assert survey_rounds_open_for(editor) == []


# --- closing and comparing ---------------------------------------------------------------

def test_survey_close_freezes_statuses_in_scope_of_current_members(
        client, coordinator, administration, other_administration, scope):
    former = AdministrationFactory(member_since=date(2019, 1, 1), member_until=date(2021, 1, 1))
    status_save(administration=other_administration, service=scope["kita"], by=coordinator,
                fields={"stage": Stage.PILOT, "maturity": Maturity.FORM_ASSISTANT,
                        "product": "KitaPlus"})
    status_save(administration=former, topic=scope["e_akte"], by=coordinator,
                fields={"stage": Stage.LIVE})
    survey_round = open_round(coordinator, scope)
    client.force_login(coordinator)

    response = client.post(reverse("projects:survey_close", args=[survey_round.pk]))

    assert response.status_code == 302
    survey_round.refresh_from_db()
    assert survey_round.state == SurveyState.CLOSED
    assert survey_round.closed_at is not None
    columns = ("administration_id", "topic_id", "service_id", "stage", "maturity", "product")
    snapshots = set(SurveySnapshot.objects.filter(round=survey_round).values_list(*columns))
    assert snapshots == {
        (administration.pk, scope["e_akte"].pk, None, Stage.IN_PROGRESS, None, "enaio"),
        (administration.pk, None, scope["elterngeld"].pk, Stage.PLANNED,
         Maturity.INFORMATION, ""),
        (other_administration.pk, None, scope["kita"].pk, Stage.PILOT,
         Maturity.FORM_ASSISTANT, "KitaPlus"),
    }
    # Later changes do not touch the frozen state.
    status_save(administration=administration, topic=scope["e_akte"], by=coordinator,
                fields={"stage": Stage.LIVE})
    assert SurveySnapshot.objects.get(round=survey_round, topic=scope["e_akte"]).stage == (
        Stage.IN_PROGRESS)


def test_survey_close_twice_is_refused(client, coordinator, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(coordinator)
    client.post(reverse("projects:survey_close", args=[survey_round.pk]))

    response = client.post(reverse("projects:survey_close", args=[survey_round.pk]),
                           follow=True)

    assert "Diese Erhebung ist bereits abgeschlossen." in text(response)
    assert SurveySnapshot.objects.filter(round=survey_round).count() == 2


def test_survey_compare_shows_only_changes_since_previous_round(
        client, reader, coordinator, administration, other_administration, scope):
    status_save(administration=other_administration, topic=scope["e_akte"], by=coordinator,
                fields={"stage": Stage.PLANNED})
    first = open_round(coordinator, scope, title="Frühjahr")
    survey_round_close(survey_round=first, by=coordinator)
    status_save(administration=administration, topic=scope["e_akte"], by=coordinator,
                fields={"stage": Stage.LIVE})
    status_save(administration=administration, topic=scope["termine"], by=coordinator,
                fields={"stage": Stage.PLANNED})
    status_save(administration=administration, service=scope["hund"], by=coordinator,
                fields={"stage": Stage.PILOT})  # outside the scope of the round
    second = open_round(coordinator, scope, title="Herbst")
    survey_round_close(survey_round=second, by=coordinator)
    client.force_login(reader)

    page = text(client.get(reverse("projects:survey_compare", args=[second.pk])))

    assert "Sachstände bei Abschluss von „Frühjahr“" in page
    assert "2 Änderungen" in page
    section = page[page.index(f'id="verwaltung-{administration.pk}"'):]
    assert re.search(r"E-Akte</th> <td[^>]*>in Umsetzung<br><span[^>]*>enaio</span></td> "
                     r"<td[^>]*>im Betrieb<br><span[^>]*>enaio</span></td>", section)
    assert re.search(r"Online-Terminvergabe</th> <td[^>]*><span[^>]*>nicht erfasst</span>"
                     r"</td> <td[^>]*>geplant</td>", section)
    assert "Elterngeld" not in page  # unchanged
    assert "Hundesteuer" not in page
    assert "Landkreis Neuwied" not in page  # nothing changed there


def test_survey_compare_of_first_round_says_there_is_nothing_to_compare(
        client, reader, coordinator, scope):
    survey_round = open_round(coordinator, scope)
    survey_round_close(survey_round=survey_round, by=coordinator)
    client.force_login(reader)

    page = text(client.get(reverse("projects:survey_compare", args=[survey_round.pk])))

    assert "ist die erste abgeschlossene Erhebung" in page


# --- permissions -------------------------------------------------------------------------

ROLES = ["visitor", "reader", "editor", "other_editor", "coordinator", "admin"]


@pytest.fixture
def people(reader, editor, other_editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
            "coordinator": coordinator, "admin": admin_user}


@pytest.mark.parametrize("role", ROLES)
def test_survey_permission_matrix(client, role, people, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    if people[role]:
        client.force_login(people[role])
    may_see = role != "visitor"
    may_answer = role in {"editor", "coordinator", "admin"}
    may_close = role in {"coordinator", "admin"}

    pages = ["projects:surveys", "projects:survey"]
    for name in pages:
        args = [] if name == "projects:surveys" else [survey_round.pk]
        assert client.get(reverse(name, args=args)).status_code == (200 if may_see else 403)
    assert client.get(answer_url(survey_round, administration)).status_code == (
        200 if may_answer else 403)
    response = client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration, **{f"t{scope['termine'].pk}": {"stage": Stage.LIVE},
                                         f"t{scope['e_akte'].pk}": {"unchanged": "on"},
                                         f"s{scope['elterngeld'].pk}": {"unchanged": "on"}}))
    assert response.status_code == (302 if may_answer else 403)
    assert SurveyResponse.objects.exists() == may_answer
    response = client.post(reverse("projects:survey_close", args=[survey_round.pk]))
    assert response.status_code == (302 if may_close else 403)
    survey_round.refresh_from_db()
    assert (survey_round.state == SurveyState.CLOSED) == may_close


def test_survey_answer_for_former_member_is_not_found(client, coordinator, scope):
    former = AdministrationFactory(member_until=date(2021, 1, 1))
    survey_round = open_round(coordinator, scope)
    client.force_login(coordinator)

    assert client.get(answer_url(survey_round, former)).status_code == 404


# --- query counts ------------------------------------------------------------------------

def _add_members(count: int, scope, coordinator) -> None:
    for _n in range(count):
        member = AdministrationFactory()
        UserFactory(administration=member, role="editor")
        status_save(administration=member, topic=scope["e_akte"], by=coordinator,
                    fields={"stage": Stage.PLANNED})


def test_survey_pages_need_constant_queries_for_3_and_30_members(client, coordinator, scope):
    _add_members(1, scope, coordinator)  # with MYK and NR: 3 members
    survey_round_close(survey_round=open_round(coordinator, scope, title="Winter"),
                       by=coordinator)
    Status.objects.filter(topic=scope["e_akte"]).update(stage=Stage.LIVE)
    spring = survey_round_close(survey_round=open_round(coordinator, scope, title="Frühjahr"),
                                by=coordinator)
    survey_round = open_round(coordinator, scope)
    client.force_login(coordinator)

    def counts(closed):
        result = []
        for url in [reverse("projects:surveys"),
                    reverse("projects:survey", args=[survey_round.pk]),
                    reverse("projects:survey_compare", args=[closed.pk])]:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    few = counts(spring)
    _add_members(27, scope, coordinator)
    Status.objects.filter(topic=scope["e_akte"]).update(stage=Stage.PILOT)
    summer = survey_round_close(survey_round=open_round(coordinator, scope, title="Sommer"),
                                by=coordinator)
    many = counts(summer)

    assert few == many


def test_survey_answer_page_needs_constant_queries_for_few_and_many_rows(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)
    url = answer_url(survey_round, administration)

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(20):
        service = make_service(ozg_id=11000 + number, name=f"Leistung {number}")
        status_save(administration=administration, service=service, by=coordinator,
                    fields={"stage": Stage.PLANNED})
    with CaptureQueriesContext(connection) as many:
        page = text(client.get(url))

    assert "11019 Leistung 19" in page
    assert len(few) == len(many)
