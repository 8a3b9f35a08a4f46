"""Overview matrix /vorhaben/: members × topics for member staff, nothing for visitors."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import WorkingGroup
from projects.enums import Stage
from projects.models import Topic
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory, UserFactory
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

URL = "/vorhaben/"


@pytest.fixture
def topics(db):
    return {
        "e-akte": make_topic("E-Akte", "e-akte", "internal"),
        "termine": make_topic("Online-Termine", "online-termine", "citizen"),
    }


@pytest.fixture
def statuses(administration, other_administration, topics, coordinator):
    status_save(administration=administration, topic=topics["e-akte"], by=coordinator,
                fields={"stage": Stage.LIVE, "product": "enaio"})
    status_save(administration=administration, topic=topics["termine"], by=coordinator,
                fields={"stage": Stage.PLANNED})
    status_save(administration=other_administration, topic=topics["e-akte"], by=coordinator,
                fields={"stage": Stage.PILOT})


def _columns(page):
    # The full name is the title; the header text may carry soft hyphens.
    return re.findall(r'<th scope="col" class="matrix__topic"><a class="kern-link" '
                      r'href="[^"]+" title="([^"]+)">[^<]+</a></th>', page)


def _cell(page, row_name, column_name):
    """The HTML of one matrix cell, found by its row and column headers."""
    row = re.search(rf'<th scope="row" class="matrix__member">{re.escape(row_name)}</th>'
                    r"(.*?)</tr>", page, re.S)
    return re.findall(r"<td>(.*?)</td>", row.group(1), re.S)[_columns(page).index(column_name)]


def _rows(page):
    return re.findall(r'<th scope="row" class="matrix__member">([^<]+)</th>', page)


def test_visitor_gets_explanation_and_login_link_but_no_data(client, statuses):
    response = client.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "nur für angemeldete Beschäftigte der Mitglieder sichtbar" in page
    assert f'href="{reverse("account_login")}?next=/vorhaben/"' in page
    assert "Landkreis Mayen-Koblenz" not in page and "Landkreis Neuwied" not in page
    assert "stage__label" not in page and "/vorhaben/themen/e-akte/" not in page
    assert "rows" not in response.context


def test_account_without_administration_sees_no_data(client, statuses):
    client.force_login(UserFactory(administration=None))

    page = client.get(URL).content.decode()

    assert "gehört zu keiner Mitgliedsverwaltung" in page
    assert "Landkreis Mayen-Koblenz" not in page


def test_matrix_shows_each_stage_as_label_symbol_and_class(client, reader, statuses):
    client.force_login(reader)

    page = client.get(URL).content.decode()

    assert '<th scope="col" class="matrix__corner">Mitglied</th>' in page
    # Columns in catalogue order: groups as declared (internal before citizen), then name.
    assert re.findall(r'<th scope="col" class="matrix__topic"><a class="kern-link" '
                      r'href="([^"]+)" title="[^"]+">([^<]+)</a></th>', page) == [
        ("/vorhaben/themen/e-akte/", "E-Akte"),
        ("/vorhaben/themen/online-termine/", "Online-Termine")]
    assert _rows(page) == ["Landkreis Mayen-Koblenz", "Landkreis Neuwied"]
    live = _cell(page, "Landkreis Mayen-Koblenz", "E-Akte")
    assert 'class="stage stage--4"' in live
    assert '<span class="stage__symbol" aria-hidden="true">●</span>' in live
    assert '<span class="stage__label">im Betrieb</span>' in live
    planned = _cell(page, "Landkreis Mayen-Koblenz", "Online-Termine")
    assert '<span class="stage__label">geplant</span>' in planned
    pilot = _cell(page, "Landkreis Neuwied", "E-Akte")
    assert "◕" in pilot and '<span class="stage__label">Pilot</span>' in pilot
    missing = _cell(page, "Landkreis Neuwied", "Online-Termine")
    assert "stage--none" in missing and "keine Angabe" in missing


def test_matrix_legend_names_every_stage_with_its_symbol(client, reader, topics):
    client.force_login(reader)

    page = client.get(URL).content.decode()

    legend = page.split('class="stage-legend"')[1].split("</ul>")[0]
    assert re.findall(r'aria-hidden="true">(.)</span> <span class="stage__label">([^<]+)<',
                      legend) == [("○", "nicht geplant"), ("◔", "geplant"),
                                  ("◑", "in Umsetzung"), ("◕", "Pilot"), ("●", "im Betrieb"),
                                  ("·", "keine Angabe")]


def test_cells_link_editors_to_the_status_form_and_others_to_the_member_page(
        client, editor, administration, other_administration, statuses):
    client.force_login(editor)

    page = client.get(URL).content.decode()

    own = _cell(page, "Landkreis Mayen-Koblenz", "E-Akte")
    other = _cell(page, "Landkreis Neuwied", "E-Akte")
    target = reverse("projects:status_edit_topic", args=[administration.slug, "e-akte"])
    assert f'href="{target}"' in own
    assert f'href="/mitglieder/{other_administration.slug}/#sachstand"' in other


def test_coordinator_cells_link_to_the_status_form_of_every_member(
        client, coordinator, other_administration, statuses):
    client.force_login(coordinator)

    page = client.get(URL).content.decode()

    target = reverse("projects:status_edit_topic", args=[other_administration.slug,
                                                          "online-termine"])
    assert f'href="{target}"' in _cell(page, "Landkreis Neuwied", "Online-Termine")


def test_network_summary_comes_from_the_stage_counts(client, reader, statuses):
    client.force_login(reader)

    response = client.get(URL)

    summary = {total.display.label: (total.count, total.share)
               for total in response.context["summary"]}
    assert summary == {"nicht geplant": (0, "0 %"), "geplant": (1, "33 %"),
                       "in Umsetzung": (0, "0 %"), "Pilot": (1, "33 %"),
                       "im Betrieb": (1, "33 %")}
    assert "<strong>1</strong> <span class=\"stage-summary__share\">(33 %)</span>" in (
        response.content.decode())


def test_matrix_filters_members_by_kind(client, reader, statuses):
    AdministrationFactory(name="Stadt Andernach", kind="stadt")
    client.force_login(reader)

    page = client.get(URL, {"kind": "stadt"}).content.decode()

    assert _rows(page) == ["Stadt Andernach"]


def test_matrix_filters_members_by_working_group(client, reader, other_administration,
                                                 statuses):
    group = WorkingGroup.objects.create(name="AG E-Akte", slug="ag-e-akte")
    group.members.set([other_administration])
    client.force_login(reader)

    page = client.get(URL, {"working_group": group.pk}).content.decode()

    assert _rows(page) == ["Landkreis Neuwied"]


def test_matrix_filters_topic_columns_by_group(client, reader, statuses):
    client.force_login(reader)

    response = client.get(URL, {"group": "citizen"})

    assert [topic.name for topic in response.context["topics"]] == ["Online-Termine"]
    assert '<span class="stage__label">geplant</span>' in _cell(
        response.content.decode(), "Landkreis Mayen-Koblenz", "Online-Termine")


def test_matrix_leaves_out_inactive_topics_and_former_members(client, reader, topics,
                                                              statuses):
    Topic.objects.create(name="Alte Fachanwendung", slug="alt", group="internal",
                         is_active=False)
    AdministrationFactory(name="Landkreis Ausgetreten", member_until=date(2021, 1, 1))
    client.force_login(reader)

    page = client.get(URL).content.decode()

    assert "Alte Fachanwendung" not in page
    assert "Landkreis Ausgetreten" not in page


def test_matrix_shows_fifty_members_per_page_in_name_order(client, reader):
    make_topic()
    for number in range(52):
        AdministrationFactory(name=f"Gemeinde {number:02d}", kind="gemeinde")
    client.force_login(reader)

    first = client.get(URL, {"kind": "gemeinde"}).content.decode()
    second = client.get(URL, {"kind": "gemeinde", "page": 2}).content.decode()

    assert _rows(first) == [f"Gemeinde {number:02d}" for number in range(50)]
    assert _rows(second) == ["Gemeinde 50", "Gemeinde 51"]
    assert "52 Mitglieder, hier 1 bis 50." in first
    assert 'href="?kind=gemeinde&amp;page=2" rel="next"' in first
    assert "Seite 2 von 2" in second


def _add_members(count, *, topics, by):
    for number in range(count):
        administration = AdministrationFactory()
        for topic in topics[: 1 + number % 3]:
            status_save(administration=administration, topic=topic, by=by,
                        fields={"stage": number % 5})


def test_matrix_queries_do_not_grow_with_members(client, coordinator,
                                                 django_assert_num_queries):
    topics = [make_topic(f"Thema {n}", f"thema-{n}") for n in range(3)]
    _add_members(2, topics=topics, by=coordinator)  # and the coordinator's own: 3 rows
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(URL).context["rows"]) == 3

    _add_members(27, topics=topics, by=coordinator)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(URL)

    assert len(response.context["rows"]) == 30
