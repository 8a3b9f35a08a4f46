"""The table administration × answers as CSV and XLSX (common.tabular), with the filter."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_holds_every_final_answer_and_who_is_missing(client, reader, poll, answered):
    client.force_login(reader)
    response = client.get(reverse("polls_results:results_csv", args=[poll.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"rundfrage-{poll.pk}-ergebnisse.csv" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = _csv_rows(response)
    assert rows[0] == ["Verwaltung", "Art", "Abgegeben am", "Abgegeben von",
                       "1. Welches DMS nutzen Sie?", "2. Wo setzen Sie es ein?",
                       "3. Sind Sie zufrieden?", "4. Wie viele Beschäftigte nutzen es?",
                       "5. Seit wann im Betrieb?", "6. Was raten Sie anderen?"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Landkreis Ahrweiler", "Landkreis Mayen-Koblenz",
                            "Landkreis Neuwied", "Landkreis Cochem-Zell", "Stadt Andernach"}
    assert by_name["Landkreis Mayen-Koblenz"][1] == "Landkreis"
    assert by_name["Landkreis Mayen-Koblenz"][3:] == [
        "Erika Mayer", "enaio", "Bauamt; Kasse", "Ja", "120", "01.03.2019",
        "Früh den Personalrat einbinden."]
    assert by_name["Landkreis Neuwied"][4:] == [
        "Sonstiges: Eigenentwicklung", "Bauamt", "Nein", "45,5", "15.10.2021",
        "Keine Angabe möglich"]
    # The draft of Cochem-Zell is not exported: it counts as no answer.
    assert by_name["Landkreis Cochem-Zell"][2:] == ["keine Antwort", "", "", "", "", "", "",
                                                      ""]
    # Answers first, then those without.
    assert [row[2] == "keine Antwort" for row in rows[1:]] == [False] * 3 + [True] * 2


def test_xlsx_export_keeps_numbers_and_dates_and_applies_the_filter(client, reader, poll,
                                                                      answered):
    client.force_login(reader)
    response = client.get(reverse("polls_results:results_xlsx", args=[poll.pk]) +
                          "?art=landkreis")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    names = [row[0] for row in rows[1:]]
    assert "Stadt Andernach" not in names
    assert len(names) == 4
    mayen = next(row for row in rows if row[0] == "Landkreis Mayen-Koblenz")
    assert mayen[7] == 120
    assert mayen[8].date().isoformat() == "2019-03-01"
    neuwied = next(row for row in rows if row[0] == "Landkreis Neuwied")
    assert neuwied[7] == 45.5


def test_export_with_invalid_filter_is_refused_in_german(client, reader, poll, answered):
    client.force_login(reader)
    response = client.get(reverse("polls_results:results_csv", args=[poll.pk]) + "?art=xyz")
    assert response.status_code == 400
    assert response.content.decode() == "Unbekannter Filter für den Export."


def test_export_guards_formulas(client, reader, poll, questions, administration):
    from .helpers import answer_make

    answer_make(poll=poll, administration=administration,
                advice={"text": "=HYPERLINK(\"http://böse\")"})
    client.force_login(reader)
    rows = _csv_rows(client.get(reverse("polls_results:results_csv", args=[poll.pk])))
    mayen = next(row for row in rows if row[0] == "Landkreis Mayen-Koblenz")
    assert mayen[-1] == "'=HYPERLINK(\"http://böse\")"
