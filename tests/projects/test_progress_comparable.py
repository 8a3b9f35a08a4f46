"""Issue 14: the progress chart compares like with like. A survey round is drawn beside the
monthly line only when its snapshot counts the same topics (or Themenfelder) and the same
administrations as the line; otherwise the table lists it with the reason."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from projects.enums import Stage
from projects.overview.progress import Scope, progress_chart, progress_of
from projects.statuses.services import status_save
from projects.surveys.services import survey_round_close, survey_round_open
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def topics(administration, other_administration, coordinator):
    """Three topics: E-Akte live at one of two members, Termine and DMS planned at both."""
    e_akte = make_topic("E-Akte", "e-akte")
    termine = make_topic("Online-Termine", "online-termine", group="citizen")
    dms = make_topic("DMS", "dms")
    for member in (administration, other_administration):
        status_save(administration=member, topic=termine, by=coordinator,
                    fields={"stage": Stage.PLANNED})
        status_save(administration=member, topic=dms, by=coordinator,
                    fields={"stage": Stage.PLANNED})
    status_save(administration=administration, topic=e_akte, by=coordinator,
                fields={"stage": Stage.LIVE})
    status_save(administration=other_administration, topic=e_akte, by=coordinator,
                fields={"stage": Stage.PLANNED})
    return {"e_akte": e_akte, "termine": termine, "dms": dms}


def _close(coordinator, title, **scope):
    survey_round = survey_round_open(by=coordinator, title=title,
                                     deadline=timezone.localdate() + timedelta(days=7),
                                     **scope)
    return survey_round_close(survey_round=survey_round, by=coordinator)


def _day() -> str:
    return timezone.localdate().strftime("%d.%m.%Y")


def test_round_of_fewer_topics_is_not_drawn_beside_the_network_line(coordinator, topics):
    _close(coordinator, "Nur E-Akte", topics=[topics["e_akte"]])

    progress = progress_of(Scope.network_topics())
    svg = progress_chart(progress, title="Verlauf", chart_id="v")

    [point] = progress.surveys
    # The snapshot's 50 % (1 of 2 E-Akte statuses) would stand beside a line of all six
    # statuses at 17 %: not drawn, and the reason is kept.
    assert (point.advanced, point.total) == (1, 2)
    assert point.not_comparable == "erfasste nur 1 von 3 Themen des Verlaufs"
    assert "chart__marker" not in svg
    assert "Nur E-Akte" not in svg


def test_round_of_all_topics_is_drawn_beside_the_network_line(coordinator, topics):
    _close(coordinator, "Alle Themen", topics=list(topics.values()))

    progress = progress_of(Scope.network_topics())
    svg = progress_chart(progress, title="Verlauf", chart_id="v")

    [point] = progress.surveys
    assert point.comparable
    assert (point.advanced, point.total) == (1, 6)
    assert progress.months[-1].advanced == 1 and progress.months[-1].total == 6
    assert f"<title>Erhebung „Alle Themen“ ({_day()}): 17 % (1 von 6)</title></path>" in svg


def test_topic_page_draws_every_round_that_asked_its_topic(client, reader, coordinator,
                                                           topics):
    _close(coordinator, "Nur E-Akte", topics=[topics["e_akte"]])
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=["e-akte"])).content.decode()

    chart = page.split('id="verlauf"')[1].split("</svg>")[0]
    assert f"<title>Erhebung „Nur E-Akte“ ({_day()}): 50 % (1 von 2)</title></path>" in chart


def test_statuses_of_non_members_make_rounds_incomparable(coordinator, topics):
    outsider = AdministrationFactory(member_since=None)
    status_save(administration=outsider, topic=topics["e_akte"], by=coordinator,
                fields={"stage": Stage.LIVE})
    _close(coordinator, "Alle Themen", topics=list(topics.values()))

    [point] = progress_of(Scope.topic(topics["e_akte"])).surveys

    assert point.not_comparable == ("der Verlauf zählt auch Sachstände von Verwaltungen, "
                                    "die keine Mitglieder sind")


def test_round_of_fewer_themenfelder_is_not_drawn_beside_the_ozg_line(
        coordinator, administration, topics):
    elterngeld = make_service(10000, "Elterngeld", themenfeld_number=6)
    hund = make_service(10002, "Hundesteuer", themenfeld_number=9)
    for service in (elterngeld, hund):
        status_save(administration=administration, service=service, by=coordinator,
                    fields={"stage": Stage.LIVE})
    _close(coordinator, "Familie", themenfelder=[elterngeld.themenfeld])

    [point] = progress_of(Scope.network_services()).surveys

    assert point.not_comparable == "erfasste nur 1 von 2 OZG-Themenfeldern des Verlaufs"


def test_progress_page_lists_undrawn_rounds_with_the_reason_and_uses_the_page_width(
        client, reader, coordinator, topics):
    _close(coordinator, "Nur E-Akte", topics=[topics["e_akte"]])
    client.force_login(reader)

    page = client.get(reverse("projects:progress")).content.decode()

    section = page.split('id="themen-titel"')[1].split('id="ozg-titel"')[0]
    assert (f"Erhebung „Nur E-Akte“ ({_day()})<br><span class=\"kern-body--small\">nicht "
            "eingezeichnet: erfasste nur 1 von 3 Themen des Verlaufs</span>") in section
    assert 'class="chart-figure chart-figure--wide"' in section
    # The months before the first status are a labelled gap in the table too.
    assert ">keine Daten</td>" in section
