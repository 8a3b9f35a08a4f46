"""Issue 14, status overview: downloads that hold what the matrix shows (its filters), and
the links to the downloads and the import where coordinators and editors look for them."""

import csv
import html
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from meetings.models import WorkingGroup
from projects.enums import Stage
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(administration, other_administration, coordinator):
    """MYK (Landkreis) and Neuwied (Landkreis) and the city of Andernach; MYK and Andernach
    are in the AG Bürgerportal. Topics of two groups and an OZG service."""
    andernach = AdministrationFactory(name="Stadt Andernach", kind="stadt")
    group = WorkingGroup.objects.create(name="AG Bürgerportal")
    group.members.set([administration, andernach])
    e_akte = make_topic("E-Akte", "e-akte", group="internal")
    termine = make_topic("Online-Termine", "online-termine", group="citizen")
    elterngeld = make_service(10000, "Elterngeld")
    for member, topic, stage in [(administration, e_akte, Stage.PILOT),
                                 (administration, termine, Stage.LIVE),
                                 (other_administration, termine, Stage.PLANNED),
                                 (andernach, termine, Stage.IN_PROGRESS)]:
        status_save(administration=member, topic=topic, by=coordinator,
                    fields={"stage": stage})
    status_save(administration=administration, service=elterngeld, by=coordinator,
                fields={"stage": Stage.LIVE})
    return {"andernach": andernach, "group": group}


def _link(page: str, text: str) -> str:
    match = re.search(rf'<a class="kern-link" href="([^"]+)">{re.escape(text)}</a>', page)
    assert match, f"no link {text!r}"
    return html.unescape(match.group(1))


def _body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"), newline=""),
                           delimiter=";"))


def _xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(_body(response))).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_matrix_download_links_carry_the_active_filters(client, reader, network,
                                                        administration):
    client.force_login(reader)
    group = network["group"]

    page = client.get("/vorhaben/", {"kind": "landkreis", "working_group": group.pk,
                                     "group": "citizen"}).content.decode()

    csv_url = _link(page, "Matrix als CSV")
    assert csv_url == (f"{reverse('projects:export_matrix_csv')}?group=citizen&kind=landkreis"
                       f"&working_group={group.pk}")
    assert "Diese Übersicht mit den gewählten Filtern:" in page
    # The download holds exactly the page's rows and columns: Landkreise of the group, the
    # citizen-service topics.
    assert _csv(client.get(csv_url)) == [
        ["Verwaltung", "Regionalschlüssel", "Online-Termine"],
        ["Landkreis Mayen-Koblenz", administration.regional_key, "im Betrieb"]]
    assert _xlsx(client.get(_link(page, "Matrix als Excel (XLSX)"))) == [
        ["Verwaltung", "Regionalschlüssel", "Online-Termine"],
        ["Landkreis Mayen-Koblenz", administration.regional_key, "im Betrieb"]]
    statuses = _csv(client.get(_link(page, "Sachstände als CSV")))
    assert [(row[0], row[4], row[5]) for row in statuses[1:]] == [
        ("Landkreis Mayen-Koblenz", "Online-Termine", "im Betrieb")]


def test_matrix_export_by_working_group_alone(client, reader, network, administration):
    client.force_login(reader)

    rows = _csv(client.get(reverse("projects:export_matrix_csv"),
                           {"working_group": network["group"].pk}))

    assert [row[0] for row in rows[1:]] == ["Landkreis Mayen-Koblenz", "Stadt Andernach"]
    assert rows[0][2:] == ["E-Akte", "Online-Termine"]


def test_matrix_without_filters_links_the_whole_downloads(client, reader, network):
    client.force_login(reader)

    page = client.get("/vorhaben/").content.decode()

    assert _link(page, "Matrix als CSV") == reverse("projects:export_matrix_csv")
    assert _link(page, "Sachstände als Excel (XLSX)") == reverse(
        "projects:export_statuses_xlsx")
    assert "Diese Übersicht:" in page


def test_matrix_links_leave_out_invalid_filters(client, reader, network):
    client.force_login(reader)

    page = client.get("/vorhaben/", {"kind": "unbekannt", "group": "citizen"}).content.decode()

    assert _link(page, "Matrix als CSV") == (
        f"{reverse('projects:export_matrix_csv')}?group=citizen")


def test_unknown_export_filter_is_refused_in_german(client, reader, network):
    client.force_login(reader)

    response = client.get(reverse("projects:export_matrix_csv"), {"working_group": "999999"})

    assert response.status_code == 400
    assert "Unbekannter Filter für den Export." in response.content.decode()


def test_matrix_links_the_import_only_for_coordinators(client, reader, editor, coordinator,
                                                       network):
    import_url = reverse("projects:import")
    pages = {}
    for user in (reader, editor, coordinator):
        client.force_login(user)
        pages[user.role] = client.get("/vorhaben/").content.decode()

    assert import_url not in pages["reader"] and import_url not in pages["editor"]
    assert _link(pages["coordinator"], "Sachstände importieren") == import_url
    assert all("Matrix als CSV" in page for page in pages.values())


def test_administration_page_links_its_statuses_download_and_the_import(
        client, reader, coordinator, administration, network):
    url = reverse("members:detail", args=[administration.slug])
    client.force_login(reader)
    reader_page = client.get(url).content.decode()
    client.force_login(coordinator)
    coordinator_page = client.get(url).content.decode()

    download = _link(reader_page, "als CSV")
    assert download == f"{reverse('projects:export_statuses_csv')}?verwaltung={administration.slug}"
    assert reverse("projects:import") not in reader_page
    assert _link(coordinator_page, "Sachstände importieren") == reverse("projects:import")
    rows = _csv(client.get(download))
    assert {row[0] for row in rows[1:]} == {"Landkreis Mayen-Koblenz"}
    assert sorted(row[4] for row in rows[1:]) == ["E-Akte", "Elterngeld", "Online-Termine"]


def test_administration_page_shows_visitors_no_download(client, administration, network):
    page = client.get(reverse("members:detail", args=[administration.slug])).content.decode()

    assert reverse("projects:export_statuses_csv") not in page
    assert "Herunterladen und importieren" not in page


def test_matrix_headers_wrap_between_compound_parts_and_keep_the_full_name(
        client, reader, network):
    make_topic("Dokumentenmanagementsystem", "dms", group="internal")
    client.force_login(reader)

    page = client.get("/vorhaben/").content.decode()

    assert ('<th scope="col" class="matrix__topic"><a class="kern-link" '
            'href="/vorhaben/themen/dms/" title="Dokumentenmanagementsystem">'
            'Dokumenten\u00admanagement\u00adsystem</a></th>') in page
