"""Issue 14, survey rounds: closing through a confirmation page with real numbers, the
editor's wording and errors, the "seit" date of a survey answer, the comparison export."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from common.tabular import read_csv, read_xlsx
from projects.enums import Stage, SurveyState
from projects.models import Status, SurveyResponse, SurveySnapshot
from projects.statuses.services import status_save
from projects.surveys.services import survey_round_close
from tests.factories import AdministrationFactory
from tests.projects import test_surveys as base
from tests.projects.test_surveys import answer_url, open_round, row_data, text

# The fixtures of the survey tests.
scope = base.scope
people = base.people

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "coordinator", "admin"]


def close_url(survey_round) -> str:
    return reverse("projects:survey_close", args=[survey_round.pk])


# --- closing through a confirmation page -------------------------------------------------

def test_survey_close_confirmation_says_what_will_happen_with_real_numbers(
        client, coordinator, administration, other_administration, scope):
    AdministrationFactory()  # a third member that will not answer either
    survey_round = open_round(coordinator, scope)
    SurveyResponse.objects.create(round=survey_round, administration=administration,
                                  completed_at=timezone.now(), completed_by=coordinator)
    client.force_login(coordinator)

    response = client.get(close_url(survey_round))

    page = text(response)
    assert response.status_code == 200
    assert "<h1 class=\"kern-heading-large\">Erhebung „Erhebung Frühjahr“ abschließen?</h1>" in page
    assert ("1 von 3 Mitgliedern hat geantwortet; die übrigen 2 erscheinen als ohne "
            "Antwort.") in page
    # MYK's E-Akte and Elterngeld are in scope (Hundesteuer is another Themenfeld).
    assert "2 Sachstände der Themen und Themenfelder dieser Erhebung werden so festgehalten" in page
    assert '<span class="kern-label">Ja, Erhebung abschließen</span>' in page
    assert f'<form method="post" action="{close_url(survey_round)}"' in page
    survey_round.refresh_from_db()
    assert survey_round.state == SurveyState.OPEN  # showing changes nothing
    assert not SurveySnapshot.objects.exists()


def test_survey_close_confirmation_when_everyone_answered(client, coordinator, administration,
                                                         other_administration, scope):
    survey_round = open_round(coordinator, scope)
    for member in (administration, other_administration):
        SurveyResponse.objects.create(round=survey_round, administration=member,
                                      completed_at=timezone.now())
    client.force_login(coordinator)

    page = text(client.get(close_url(survey_round)))

    assert "Alle 2 Mitglieder haben geantwortet." in page
    assert "ohne Antwort" not in page


def test_survey_round_page_links_to_the_confirmation_instead_of_closing_at_once(
        client, coordinator, scope):
    survey_round = open_round(coordinator, scope)
    client.force_login(coordinator)

    page = text(client.get(survey_round.get_absolute_url()))

    assert f'<a class="kern-btn kern-btn--secondary" href="{close_url(survey_round)}">' in page
    assert f'action="{close_url(survey_round)}"' not in page


def test_survey_close_confirmation_of_a_closed_round_says_so(client, coordinator, scope):
    survey_round = open_round(coordinator, scope)
    survey_round_close(survey_round=survey_round, by=coordinator)
    client.force_login(coordinator)

    response = client.get(close_url(survey_round), follow=True)

    assert response.redirect_chain == [(survey_round.get_absolute_url(), 302)]
    assert "Diese Erhebung ist bereits abgeschlossen." in text(response)


def test_closed_round_lists_members_without_answer_as_such(client, coordinator, reader,
                                                           administration, scope):
    survey_round = open_round(coordinator, scope)
    survey_round_close(survey_round=survey_round, by=coordinator)
    client.force_login(reader)

    page = text(client.get(survey_round.get_absolute_url()))

    row = re.search(r"<th scope=\"row\" class=\"kern-table__cell\">Landkreis Mayen-Koblenz"
                    r"</th>.*?</tr>", page).group(0)
    assert '<span class="kern-label">ohne Antwort</span>' in row
    assert ">offen<" not in row


@pytest.mark.parametrize("role", ROLES)
def test_survey_close_confirmation_and_closing_per_role(client, role, people, coordinator,
                                                        scope):
    survey_round = open_round(coordinator, scope)
    if people[role]:
        client.force_login(people[role])
    may_close = role in {"coordinator", "admin"}

    shown = client.get(close_url(survey_round))
    done = client.post(close_url(survey_round))

    assert shown.status_code == (200 if may_close else 403)
    assert done.status_code == (302 if may_close else 403)
    survey_round.refresh_from_db()
    assert (survey_round.state == SurveyState.CLOSED) == may_close
    assert SurveySnapshot.objects.filter(round=survey_round).exists() == may_close
    if not may_close:
        assert "Zugriff verweigert" in shown.content.decode()


# --- the editor's form -------------------------------------------------------------------

def test_survey_answer_button_says_save_once_answered(client, editor, coordinator,
                                                      administration, scope):
    survey_round = open_round(coordinator, scope)
    SurveyResponse.objects.create(round=survey_round, administration=administration,
                                  completed_at=timezone.now(), completed_by=editor)
    client.force_login(editor)

    page = text(client.get(answer_url(survey_round, administration)))

    assert '<span class="kern-label">Speichern</span></button>' in page
    assert "Gespeichert wird alles zusammen mit „Speichern“." in page
    assert "Bereits beantwortet am" in page


def test_survey_answer_error_is_inside_its_row_and_summarised_on_top(
        client, editor, coordinator, administration, scope):
    survey_round = open_round(coordinator, scope)
    termine = scope["termine"]
    client.force_login(editor)

    response = client.post(answer_url(survey_round, administration), row_data(
        survey_round, administration,
        **{f"t{termine.pk}": {"unchanged": "on"},
           f"s{scope['elterngeld'].pk}": {"stage": Stage.PILOT}}))

    page = text(response)
    message = ("Bitte bestätigen Sie den Stand mit „unverändert“ oder tragen Sie den neuen "
               "Stand ein.")
    row = re.search(rf'<fieldset class="kern-fieldset survey-row survey-row--error" '
                    rf'id="zeile-t{scope["e_akte"].pk}".*?</fieldset>', page).group(0)
    assert f'<div class="kern-error"><p class="kern-body">{message}</p></div>' in row
    summary = re.search(r'<div class="kern-alert kern-alert--danger error-summary" '
                        r'role="alert" tabindex="-1" autofocus.*?</ul>', page).group(0)
    assert "Bitte prüfen Sie 1 Zeile; es wurde noch nichts gespeichert." in summary
    assert f'<a class="kern-link" href="#zeile-t{scope["e_akte"].pk}">E-Akte</a>: {message}' \
        in summary
    assert page.index("error-summary") < page.index('class="survey-answer"')
    assert "Online-Terminvergabe</a>" not in summary  # rows without errors are not listed
    assert page.count(message) == 2  # once in the summary, once in the row; no extra alert


# --- "seit" ------------------------------------------------------------------------------

def test_survey_answer_form_offers_the_since_date(client, editor, coordinator, administration,
                                                  scope):
    Status.objects.filter(topic=scope["e_akte"]).update(since=date(2021, 3, 1))
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)

    page = text(client.get(answer_url(survey_round, administration)))

    key = f"t{scope['e_akte'].pk}"
    assert re.search(rf'<input type="date" name="{key}-since" value="2021-03-01"', page)
    assert "Ändern Sie den Stand und lassen dieses Datum unverändert, gilt der heutige Tag." \
        in page


def test_survey_stage_change_sets_since_to_today_unless_given(
        client, editor, coordinator, reader, administration, scope):
    e_akte, termine, elterngeld = scope["e_akte"], scope["termine"], scope["elterngeld"]
    Status.objects.filter(topic=e_akte).update(since=date(2021, 3, 1))
    Status.objects.filter(service=elterngeld).update(since=date(2020, 5, 1))
    survey_round = open_round(coordinator, scope)
    client.force_login(editor)
    data = row_data(survey_round, administration, **{
        # Stage changed, the shown old date left as it was.
        f"t{e_akte.pk}": {"stage": Stage.LIVE, "since": "2021-03-01"},
        # A new status with its own date.
        f"t{termine.pk}": {"stage": Stage.PILOT, "since": "2026-01-15"},
        # Confirmed unchanged: the date stays.
        f"s{elterngeld.pk}": {"unchanged": "on", "since": "2020-05-01"}})

    response = client.post(answer_url(survey_round, administration), data)

    assert response.status_code == 302
    today = timezone.localdate()
    assert Status.objects.get(topic=e_akte).since == today
    assert Status.objects.get(topic=termine).since == date(2026, 1, 15)
    assert Status.objects.get(service=elterngeld).since == date(2020, 5, 1)
    # "Wer kann helfen?" shows the date of the new stage, not the stale one.
    client.force_login(reader)
    helpers = text(client.get(reverse("projects:topic", args=[e_akte.slug])))
    assert f"seit {today:%m/%Y}" in helpers
    assert "seit 03/2021" not in helpers


# --- comparison export -------------------------------------------------------------------

@pytest.fixture
def compared(coordinator, administration, scope):
    first = open_round(coordinator, scope, title="Frühjahr")
    survey_round_close(survey_round=first, by=coordinator)
    status_save(administration=administration, topic=scope["e_akte"], by=coordinator,
                fields={"stage": Stage.LIVE})
    status_save(administration=administration, topic=scope["termine"], by=coordinator,
                fields={"stage": Stage.PLANNED, "product": "=HYPERLINK(\"x\")"})
    second = open_round(coordinator, scope, title="Herbst")
    return survey_round_close(survey_round=second, by=coordinator)


EXPECTED_HEADER = ["Verwaltung", "Art", "Bezeichnung", "Stand vorher", "Reifegrad vorher",
                   "Produkt vorher", "Stand jetzt", "Reifegrad jetzt", "Produkt jetzt"]
EXPECTED_ROWS = [
    ["Landkreis Mayen-Koblenz", "Thema", "E-Akte", "in Umsetzung", "", "enaio",
     "im Betrieb", "", "enaio"],
    ["Landkreis Mayen-Koblenz", "Thema", "Online-Terminvergabe", "nicht erfasst", "", "",
     "geplant", "", "=HYPERLINK(\"x\")"],
]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_survey_comparison_export_holds_the_changes(client, reader, compared, extension):
    client.force_login(reader)
    url = reverse("projects:survey_compare_export", args=[compared.pk, extension])

    response = client.get(url)

    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert f"erhebung-{compared.pk}-vergleich-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    if extension == "csv":
        assert "=HYPERLINK" not in data.decode("utf-8-sig").replace("'=HYPERLINK", "")
        table = read_csv(data)
    else:
        table = read_xlsx(data)
    assert table.header == EXPECTED_HEADER
    # Reading our own file removes the formula guard again.
    assert [list(row.cells) for row in table.rows] == EXPECTED_ROWS


def test_survey_comparison_page_links_the_exports(client, reader, compared):
    client.force_login(reader)

    page = text(client.get(reverse("projects:survey_compare", args=[compared.pk])))

    assert reverse("projects:survey_compare_export", args=[compared.pk, "csv"]) in page
    assert reverse("projects:survey_compare_export", args=[compared.pk, "xlsx"]) in page


def test_survey_comparison_export_is_internal_and_only_for_closed_rounds(
        client, reader, coordinator, compared, scope):
    url = reverse("projects:survey_compare_export", args=[compared.pk, "csv"])
    assert client.get(url).status_code == 403  # visitor
    client.force_login(reader)
    still_open = open_round(coordinator, scope, title="Winter")

    assert client.get(reverse("projects:survey_compare_export",
                              args=[still_open.pk, "csv"])).status_code == 404
    assert client.get(reverse("projects:survey_compare_export",
                              args=[compared.pk, "pdf"])).status_code == 404
