"""Server-rendered SVG charts and progress over time from history and survey snapshots."""

import re
from datetime import date, datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.enums import Stage, SurveyState
from projects.models import Status, StatusChange, SurveyRound, SurveySnapshot
from projects.overview.charts import (
    Bar,
    Point,
    Segment,
    StackedRow,
    bar_chart,
    line_chart,
    stacked_bar_chart,
)
from projects.overview.progress import Scope, progress_chart, progress_of
from projects.statuses.history_summaries import stage_months_rebuild
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # completed months of the progress charts are cached


def test_bar_chart_writes_labels_counts_and_shares_and_escapes_text():
    svg = bar_chart(chart_id="c", title="Stand <E-Akte>", bars=[
        Bar("Pilot", 3, "stage--3", "◕"), Bar("im Betrieb", 1_200, "stage--4", "●")])

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--bars"')
    assert 'role="img" aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Stand &lt;E-Akte&gt;</title>' in svg
    assert '<desc id="c-desc">Insgesamt 1.203. Pilot: 3 (0 %); im Betrieb: 1.200 (100 %)</desc>' \
        in svg
    assert re.findall(r'class="chart__label" x="0" y="\d+">([^<]+)<', svg) == [
        "◕ Pilot", "● im Betrieb"]
    assert re.findall(r'class="chart__value" x="\d+" y="\d+">([^<]+)<', svg) == [
        "3 (0 %)", "1.200 (100 %)"]
    assert 'class="chart__bar stage--4" x="150" y="42" width="330"' in svg


def test_stacked_chart_writes_segment_counts_and_row_totals():
    svg = stacked_bar_chart(chart_id="r", title="Reifegrade", rows=[
        StackedRow("Familie & Kind", [Segment("0 – Offline", 30, "maturity--0"),
                                      Segment("3 – Online-Leistung", 10, "maturity--3")])])

    assert re.findall(r'<text class="chart__inside [^"]+"[^>]*>(\d+)</text>', svg) == ["30",
                                                                                        "10"]
    assert re.findall(r'class="chart__value" x="\d+" y="\d+">(\d+)<', svg) == ["40"]
    assert "<title>Familie &amp; Kind, 3 – Online-Leistung: 10</title>" in svg


def test_line_chart_marks_points_and_writes_the_latest_share():
    svg = line_chart(chart_id="l", title="Verlauf", points=[
        Point(date(2024, 12, 1), None, "Dezember 2024: –"),
        Point(date(2025, 1, 1), None, "Januar 2025: –"),
        Point(date(2025, 2, 1), 25.0, "Februar 2025: 25 % (1 von 4)"),
        Point(date(2025, 3, 1), 50.0, "März 2025: 50 % (2 von 4)")])

    assert '<polyline class="chart__line" points="652.0,179.0 952.0,124.0">' in svg
    assert "<title>Februar 2025: 25 % (1 von 4)</title>" in svg
    assert re.findall(r'class="chart__value"[^>]*>([^<]+)<', svg) == ["50 %"]
    # Every third month is labelled, counted back from the latest.
    assert re.findall(r'class="chart__axis"[^>]*text-anchor="middle">([^<]+)<', svg) == [
        "Dez 2024", "Mär 2025"]
    assert re.findall(r'text-anchor="end">(\d+ %)<', svg) == [
        "0 %", "25 %", "50 %", "75 %", "100 %", "50 %"]
    # The months before the first value are a labelled gap, not an unexplained blank.
    assert ('<rect class="chart__gap" x="52" y="14" width="450.0" height="220">'
            "<title>keine Daten: Dezember 2024 bis Januar 2025</title></rect>") in svg
    assert '<text class="chart__gap-label" x="277.0" y="124.0" text-anchor="middle">' \
        "keine Daten</text>" in svg
    assert "keine Daten: Dezember 2024 bis Januar 2025" in svg.split("<desc")[1]


def test_line_chart_does_not_bridge_months_without_data():
    svg = line_chart(chart_id="l", title="Verlauf", points=[
        Point(date(2025, 1, 1), 20.0, "Januar 2025: 20 %"),
        Point(date(2025, 2, 1), None, ""),
        Point(date(2025, 3, 1), 40.0, "März 2025: 40 %"),
        Point(date(2025, 4, 1), 60.0, "April 2025: 60 %")])

    # Two lines, one on each side of the gap; the gap has its label.
    assert re.findall(r'<polyline class="chart__line" points="([^"]+)">', svg) == [
        "52.0,190.0", "652.0,146.0 952.0,102.0"]
    assert "<title>keine Daten: Februar 2025</title>" in svg


def test_line_chart_without_data_says_so():
    svg = line_chart(chart_id="l", title="Verlauf", points=[Point(date(2025, 1, 1), None, "")])

    assert "<desc id=\"l-desc\">Noch keine Daten.</desc>" in svg
    assert "polyline" not in svg


def _month(back: int) -> date:
    today = timezone.localdate().replace(day=1)
    year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
    return date(year, month + 1, 1)


def _moment(back: int, day: int = 15) -> datetime:
    start = _month(back)
    return timezone.make_aware(datetime(start.year, start.month, day, 12))


def _backdate(status: Status, back: int) -> None:
    StatusChange.objects.filter(pk=status.changes.order_by("-pk").values("pk")[:1]).update(
        changed_at=_moment(back))


@pytest.fixture
def history(administration, other_administration, coordinator):
    topic = make_topic()
    first = status_save(administration=administration, topic=topic, by=coordinator,
                        fields={"stage": Stage.PLANNED})
    _backdate(first, 5)
    first = status_save(administration=administration, topic=topic, by=coordinator,
                        fields={"stage": Stage.PILOT})
    _backdate(first, 3)
    second = status_save(administration=other_administration, topic=topic, by=coordinator,
                         fields={"stage": Stage.LIVE})
    _backdate(second, 1)
    stage_months_rebuild()  # history dated back: the monthly summaries follow, as in the demo
    return topic


def test_progress_is_derived_backwards_from_the_history(history):
    progress = progress_of(Scope.topic(history))

    assert len(progress.months) == 24
    assert progress.months[-1].month == _month(0)
    assert [(p.month, p.advanced, p.total) for p in progress.months[-7:]] == [
        (_month(6), 0, 0), (_month(5), 0, 1), (_month(4), 0, 1), (_month(3), 1, 1),
        (_month(2), 1, 1), (_month(1), 2, 2), (_month(0), 2, 2)]
    assert progress.months[-5].share == 0 and progress.months[-4].share == 100
    assert progress.months[0].share is None


def test_progress_reads_summaries_and_status_save_keeps_the_running_month(
        history, coordinator):
    with CaptureQueriesContext(connection) as before:
        progress_of(Scope.topic(history))
    newcomer = AdministrationFactory()
    status_save(administration=newcomer, topic=history, by=coordinator,
                fields={"stage": Stage.PILOT})

    with CaptureQueriesContext(connection) as after:
        progress = progress_of(Scope.topic(history))

    # No aggregate over the history: the same queries, and none reads StatusChange.
    assert len(after.captured_queries) == len(before.captured_queries)
    assert not any("projects_statuschange" in q["sql"] for q in after.captured_queries)
    assert [(p.advanced, p.total) for p in progress.months[-3:]] == [(1, 1), (2, 2), (3, 3)]


def test_progress_of_the_network_counts_topics_and_services_apart(history, administration,
                                                                  coordinator):
    status_save(administration=administration, service=make_service(), by=coordinator,
                fields={"stage": Stage.LIVE})

    topics = progress_of(Scope.network_topics())
    services = progress_of(Scope.network_services())

    assert (topics.months[-1].advanced, topics.months[-1].total) == (2, 2)
    assert (topics.months[-3].advanced, topics.months[-3].total) == (1, 1)
    assert (services.months[-1].advanced, services.months[-1].total) == (1, 1)
    assert (services.months[-2].advanced, services.months[-2].total) == (0, 0)


def test_closed_survey_rounds_add_their_snapshots(history, administration,
                                                  other_administration):
    survey = SurveyRound.objects.create(title="Frühjahr", deadline=_month(2),
                                        state=SurveyState.CLOSED, closed_at=_moment(2, day=10))
    SurveyRound.objects.create(title="Offen", deadline=_month(0))
    for administration_, stage in [(administration, Stage.PILOT),
                                   (other_administration, Stage.PLANNED)]:
        SurveySnapshot.objects.create(round=survey, administration=administration_,
                                      topic=history, stage=stage)

    progress = progress_of(Scope.topic(history))
    svg = progress_chart(progress, title="Verlauf", chart_id="v")

    [point] = progress.surveys
    assert (point.title, point.closed_at, point.advanced, point.total, point.share) == (
        "Frühjahr", _moment(2, day=10).date(), 1, 2, 50.0)
    day = _moment(2, day=10).strftime("%d.%m.%Y")
    assert f"<title>Erhebung „Frühjahr“ ({day}): 50 % (1 von 2)</title></path>" in svg


def test_topic_page_shows_the_progress_chart_and_table(client, reader, history):
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=[history.slug])).content.decode()

    chart = page.split('id="verlauf"')[1].split("</svg>")[0]
    month = _month(3)
    expected = f"{_german_month(month)}: 100 % (1 von 1)"
    assert f"<title>{expected}</title>" in chart
    assert re.findall(r'class="chart__value"[^>]*>([^<]+)<', chart) == ["100 %"]
    assert f'<th scope="row" class="kern-table__cell">{_german_month(month)}</th>' in page


def _german_month(month: date) -> str:
    names = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
    return f"{names[month.month - 1]} {month.year}"


@pytest.mark.parametrize("logged_in", [False, True])
def test_progress_page_for_member_staff_only(client, reader, history, logged_in):
    if logged_in:
        client.force_login(reader)

    response = client.get(reverse("projects:progress"))

    assert response.status_code == (200 if logged_in else 403)
    page = response.content.decode()
    assert ('id="verlauf-themen"' in page) == logged_in
    assert ('id="verlauf-ozg"' in page) == logged_in
    if logged_in:
        [row] = response.context["topics_now"]
        assert (row.topic.name, row.advanced, row.total, row.share) == ("E-Akte", 2, 2, "100 %")


def test_progress_page_queries_do_not_grow_with_history(client, coordinator, history,
                                                        django_assert_num_queries):
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("projects:progress"))
    cache.clear()  # measure both on a cold cache

    for number in range(27):
        status = status_save(administration=AdministrationFactory(), topic=history,
                             by=coordinator, fields={"stage": number % 5})
        _backdate(status, number % 24)
    make_topic("Online-Termine", "online-termine")
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("projects:progress"))

    assert response.context["topics_progress"].months[-1].total == 29
