"""The results page: completion, summaries per question, the table, the filter, and the
number of queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from polls.models import AnswerState
from polls.results.selectors import poll_results
from tests.factories import AdministrationFactory

from .helpers import answer_make

pytestmark = pytest.mark.django_db


def _url(poll, query=""):
    return reverse("polls_results:results", args=[poll.pk]) + query


def test_results_counts_median_and_dates_from_final_answers_only(poll, questions, answered):
    results = poll_results(poll)
    summaries = {summary.question.pk: summary for summary in results.questions}
    dms = summaries[questions["dms"].pk]
    assert [(c.label, c.count) for c in dms.counts] == [
        ("d.velop d.3ecm", 0), ("enaio", 2), ("VIS-Suite", 0), ("Sonstiges", 1)]
    assert [(s.administration.name, s.text) for s in dms.others] == [
        ("Landkreis Neuwied", "Eigenentwicklung")]
    areas = summaries[questions["areas"].pk]
    assert [(c.label, c.count, c.percent) for c in areas.counts] == [
        ("Bauamt", 2, 100), ("Personal", 0, 0), ("Kasse", 1, 50)]
    assert (areas.answered, areas.not_possible) == (2, 1)
    happy = summaries[questions["happy"].pk]
    assert [(c.label, c.count) for c in happy.counts] == [("Ja", 2), ("Nein", 1)]
    users = summaries[questions["users"].pk].numbers
    # The draft's 9999 does not count.
    assert (users.count, users.median, users.minimum, users.maximum) == (
        3, Decimal("120"), Decimal("45.5"), Decimal("300"))
    since = summaries[questions["since"].pk]
    assert (since.dates.earliest.isoformat(), since.dates.latest.isoformat(),
            since.not_possible) == ("2019-03-01", "2021-10-15", 1)
    advice = summaries[questions["advice"].pk]
    assert [(s.administration.name, s.text) for s in advice.texts] == [
        ("Landkreis Ahrweiler", "Schulungen planen."),
        ("Landkreis Mayen-Koblenz", "Früh den Personalrat einbinden.")]
    assert advice.not_possible == 1
    assert (results.answered_count, results.audience_count) == (3, 5)


def test_results_missing_are_the_audience_without_final_answer(poll, answered):
    results = poll_results(poll)
    assert [a.name for a in results.missing] == ["Landkreis Cochem-Zell", "Stadt Andernach"]


def test_median_of_an_even_number_of_values_is_the_mean_of_the_middle_two(poll, questions):
    for number in (10, 20, 40, 1000):
        answer_make(poll=poll, administration=AdministrationFactory(),
                    users={"number": number})
    summary = next(s for s in poll_results(poll).questions
                   if s.question.pk == questions["users"].pk)
    assert (summary.numbers.median, summary.numbers.minimum, summary.numbers.maximum) == (
        Decimal("30"), Decimal("10"), Decimal("1000"))


def test_results_page_shows_completion_missing_charts_and_table(client, reader, poll, answered):
    client.force_login(reader)
    response = client.get(_url(poll))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 von 5 Verwaltungen haben geantwortet" in html
    cochem = answered["cochem"]
    link = f'<a class="kern-link" href="{cochem.get_absolute_url()}">Landkreis Cochem-Zell</a>'
    assert link in html
    # Bars with the numbers as text, no style attribute.
    assert '<progress max="2" value="2" aria-label="Bauamt: 2 / 2">100 %</progress>' in html
    assert "style=" not in html
    assert "Eigenentwicklung" in html
    assert "Keine Angabe möglich: 1" in html
    assert "120" in html and "45,5" in html
    assert "01.03.2019" in html and "15.10.2021" in html
    assert "Früh den Personalrat einbinden." in html
    assert "Sonstiges: Eigenentwicklung" in html  # the table's cell
    assert "Erika Mayer" in html  # who answered
    # The draft never shows.
    assert "ENTWURF-GEHEIM" not in html and "9999" not in html


def test_results_filter_by_kind(client, reader, poll, answered):
    client.force_login(reader)
    html = client.get(_url(poll, "?art=stadt")).content.decode()
    assert "0 von 1 Verwaltung hat geantwortet" in html
    assert "Stadt Andernach" in html and "Landkreis Ahrweiler" not in html
    assert f'href="/rundfragen/{poll.pk}/ergebnisse.csv?art=stadt"' in html


def test_results_filter_invalid_value_german_message_not_a_500(client, reader, poll, answered):
    client.force_login(reader)
    response = client.get(_url(poll, "?art=%3Cscript%3E"))
    html = response.content.decode()
    assert response.status_code == 200
    assert ("„&lt;script&gt;“ ist keine bekannte Art der Verwaltung. Gezeigt werden die "
            "Antworten aller befragten Verwaltungen.") in html
    assert "3 von 5 Verwaltungen haben geantwortet" in html  # unfiltered


def test_results_page_queries_do_not_grow_with_administrations(client, coordinator, poll,
                                                               questions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)

    def add(count):
        for _ in range(count):
            answer_make(poll=poll, administration=AdministrationFactory(),
                        dms={"choices": ["enaio"]}, users={"number": 5},
                        advice={"text": "Gut."})

    def measure():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(_url(poll))
        assert response.status_code == 200
        return len(captured), response

    add(1)
    small, _response = measure()
    add(29)
    AdministrationFactory.create_batch(10)  # without an answer
    large, response = measure()
    assert large == small
    assert "30 von 42 Verwaltungen haben geantwortet" in response.content.decode()


def test_only_final_answers_count_after_a_final_answer_goes_back_to_draft(poll, questions,
                                                                           answered):
    from polls.models import Answer

    Answer.objects.filter(administration__name="Landkreis Ahrweiler").update(
        state=AnswerState.DRAFT)
    assert poll_results(poll).answered_count == 2
