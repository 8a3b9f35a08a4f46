"""Exports of statuses and the matrix, and the all-or-nothing import of statuses."""

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from members.models import ContactPerson
from projects.enums import Maturity, Stage
from projects.exchange.columns import StatusRows
from projects.exchange.importing import statuses_import
from projects.models import Status, StatusChange, Topic
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

HEADER = ["Verwaltung", "Regionalschlüssel", "Art", "Thema/OZG-ID", "Bezeichnung", "Stand",
          "Reifegrad", "seit", "zuständige Stelle", "Produkt/Anbieter", "Ansprechperson",
          "Notiz", "zuletzt geändert"]


@pytest.fixture
def world(administration, other_administration, coordinator):
    e_akte = make_topic("E-Akte", "e-akte", group="internal")
    termine = make_topic("Online-Termine", "online-termine", group="citizen")
    elterngeld = make_service(10000, "Elterngeld")
    contact = ContactPerson.objects.create(administration=administration, name="Jana Schulz")
    status_save(administration=administration, topic=e_akte, by=coordinator,
                fields={"stage": Stage.PILOT, "since": date(2024, 3, 1),
                        "department": "Hauptamt", "product": "enaio", "contact": contact,
                        "note": "Pilot im Bauamt"})
    status_save(administration=administration, service=elterngeld, by=coordinator,
                fields={"stage": Stage.LIVE, "maturity": Maturity.ONLINE_SERVICE})
    status_save(administration=other_administration, topic=termine, by=coordinator,
                fields={"stage": Stage.PLANNED, "product": "TEVIS"})
    return {"e_akte": e_akte, "termine": termine, "elterngeld": elterngeld,
            "contact": contact}


def _updated(administration, **subject) -> datetime:
    status = Status.objects.get(administration=administration, **subject)
    return timezone.localtime(status.updated_at).replace(tzinfo=None, microsecond=0)


def _expected_rows(world, administration, other_administration) -> list[list]:
    """The statuses of the world fixture as typed values, in file order."""
    return [
        ["Landkreis Mayen-Koblenz", administration.regional_key, "Thema", "e-akte", "E-Akte",
         "Pilot", "", date(2024, 3, 1), "Hauptamt", "enaio", "Jana Schulz", "Pilot im Bauamt",
         _updated(administration, topic=world["e_akte"])],
        ["Landkreis Mayen-Koblenz", administration.regional_key, "OZG-Leistung", 10000,
         "Elterngeld", "im Betrieb", "3 – Online-Leistung", None, "", "", "", "",
         _updated(administration, service=world["elterngeld"])],
        ["Landkreis Neuwied", other_administration.regional_key, "Thema", "online-termine",
         "Online-Termine", "geplant", "", None, "", "TEVIS", "", "",
         _updated(other_administration, topic=world["termine"])],
    ]


def _as_csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def _download(client, name, **params) -> bytes:
    response = client.get(reverse(f"projects:{name}"), params)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""),
                           delimiter=";"))


def _xlsx_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _csv_bytes(rows: list[list[str]]) -> bytes:
    output = io.StringIO()
    csv.writer(output, delimiter=";", lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _upload(client, content: bytes, name: str):
    return client.post(reverse("projects:import"),
                       {"file": SimpleUploadedFile(name, content)})


def _snapshot():
    return (list(Status.objects.order_by("pk").values()),
            list(StatusChange.objects.order_by("pk").values()))


# Exports ---------------------------------------------------------------------------------

def test_statuses_csv_parses_back_to_the_database_values(
        client, reader, world, administration, other_administration):
    client.force_login(reader)
    response = client.get(reverse("projects:export_statuses_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="sachstaende-{timezone.localdate():%Y-%m-%d}.csv"')
    rows = _csv_rows(b"".join(response.streaming_content))
    assert rows[0] == HEADER
    assert rows[1:] == [[_as_csv_text(value) for value in row] for row in
                        _expected_rows(world, administration, other_administration)]


def test_statuses_xlsx_parses_back_to_the_database_values(
        client, reader, world, administration, other_administration):
    client.force_login(reader)

    rows = _xlsx_rows(_download(client, "export_statuses_xlsx"))

    expected = _expected_rows(world, administration, other_administration)
    expected[0][7] = datetime(2024, 3, 1)  # spreadsheets keep dates as date and time
    expected = [[None if value == "" else value for value in row] for row in expected]
    assert rows[0] == HEADER
    assert rows[1:] == expected


def test_statuses_export_filters_by_topic_group_and_administration_kind(
        client, reader, world, other_administration):
    client.force_login(reader)

    by_group = _csv_rows(_download(client, "export_statuses_csv", bereich="citizen"))
    by_kind = _csv_rows(_download(client, "export_statuses_csv",
                                  verwaltungsart="kreisfreie_stadt"))

    assert [row[3] for row in by_group[1:]] == ["online-termine"]
    assert by_kind[1:] == []
    assert client.get(reverse("projects:export_statuses_csv"),
                      {"bereich": "unbekannt"}).status_code == 400


def test_statuses_csv_guards_formulas_and_the_import_restores_them(
        client, coordinator, world, administration):
    status_save(administration=administration, topic=world["e_akte"], by=coordinator,
                fields={"note": "=HYPERLINK(\"http://example.org\")", "product": "'-enaio"})
    client.force_login(coordinator)

    content = _download(client, "export_statuses_csv")
    xlsx = _download(client, "export_statuses_xlsx")

    assert _csv_rows(content)[1][9:12] == ["''-enaio", "Jana Schulz",
                                          "'=HYPERLINK(\"http://example.org\")"]
    assert _xlsx_rows(xlsx)[1][9:12] == ["''-enaio", "Jana Schulz",
                                         "'=HYPERLINK(\"http://example.org\")"]
    for exported, name in ((content, "sachstaende.csv"), (xlsx, "sachstaende.xlsx")):
        response = _upload(client, exported, name)
        assert "0 neu angelegt, 0 geändert, 3 unverändert." in response.content.decode()


def test_matrix_shows_stage_labels_of_current_members_by_active_topic(
        client, reader, world, administration, other_administration):
    Topic.objects.create(name="Alte Plattform", slug="alte-plattform", group="internal",
                         is_active=False)
    AdministrationFactory(name="Stadt Ehemalig", member_until=date(2021, 1, 1))
    client.force_login(reader)

    csv_rows = _csv_rows(_download(client, "export_matrix_csv"))
    xlsx_rows = _xlsx_rows(_download(client, "export_matrix_xlsx"))

    expected = [
        # Topics in catalogue order: Interne Verwaltung before Bürgerservice.
        ["Verwaltung", "Regionalschlüssel", "E-Akte", "Online-Termine"],
        ["Landkreis Mayen-Koblenz", administration.regional_key, "Pilot", ""],
        ["Landkreis Neuwied", other_administration.regional_key, "", "geplant"],
    ]
    assert csv_rows == expected
    assert xlsx_rows == [[value or None for value in row] for row in expected]


def test_statuses_export_queries_do_not_grow_with_the_rows(client, reader, administration):
    def make_statuses(count: int) -> None:
        Status.objects.all().delete()
        for number in range(count):
            topic, _ = Topic.objects.get_or_create(slug=f"thema-{number}", defaults={
                "name": f"Thema {number}", "group": "internal"})
            contact = ContactPerson.objects.create(administration=administration,
                                                   name=f"Person {number}")
            Status.objects.create(administration=administration, topic=topic, stage=2,
                                  contact=contact)

    def queries_for_export() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as context:
            rows = _csv_rows(_download(client, "export_statuses_csv"))
        return len(context.captured_queries), len(rows) - 1

    client.force_login(reader)
    make_statuses(3)
    few = queries_for_export()
    make_statuses(30)
    many = queries_for_export()

    assert few[1] == 3
    assert many[1] == 30
    assert few[0] == many[0]


# Import ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "extension"), [("export_statuses_csv", "csv"),
                                                 ("export_statuses_xlsx", "xlsx")])
def test_reimporting_an_unchanged_export_changes_nothing(client, coordinator, world, name,
                                                          extension):
    client.force_login(coordinator)
    content = _download(client, name)
    before = _snapshot()

    response = _upload(client, content, f"sachstaende.{extension}")

    assert response.status_code == 200
    assert "0 neu angelegt, 0 geändert, 3 unverändert." in response.content.decode()
    assert _snapshot() == before


def test_reimporting_xlsx_keeps_notes_with_form_line_breaks(client, coordinator, world,
                                                            administration):
    status_save(administration=administration, topic=world["e_akte"], by=coordinator,
                fields={"note": "Erste Zeile\r\nzweite Zeile"})
    client.force_login(coordinator)
    content = _download(client, "export_statuses_xlsx")
    before = _snapshot()

    response = _upload(client, content, "sachstaende.xlsx")

    assert "0 neu angelegt, 0 geändert, 3 unverändert." in response.content.decode()
    assert _snapshot() == before


def test_import_applies_changes_with_history_and_reports_them(
        client, coordinator, world, administration, other_administration):
    client.force_login(coordinator)
    rows = _csv_rows(_download(client, "export_statuses_csv"))
    rows[1][5] = "im Betrieb"           # E-Akte: Pilot → im Betrieb
    rows[1][10] = ""                    # contact removed
    rows.append(["Landkreis Neuwied", other_administration.regional_key, "OZG-Leistung",
                 "10000", "", "2", "2 – Formular-Assistent", "2025-01-15", "", "", "", "",
                 ""])
    changes_before = StatusChange.objects.count()

    response = _upload(client, _csv_bytes(rows), "sachstaende.csv")

    page = response.content.decode()
    assert response.status_code == 200
    assert "1 neu angelegt, 1 geändert, 2 unverändert." in page
    e_akte = Status.objects.get(administration=administration, topic=world["e_akte"])
    assert (e_akte.stage, e_akte.contact_id, e_akte.product) == (Stage.LIVE, None, "enaio")
    new = Status.objects.get(administration=other_administration, service=world["elterngeld"])
    assert (new.stage, new.maturity, new.since) == (Stage.IN_PROGRESS,
                                                    Maturity.FORM_ASSISTANT, date(2025, 1, 15))
    history = list(StatusChange.objects.order_by("pk")[changes_before:].values_list(
        "status_id", "source", "changed_by", "changes"))
    assert history == [
        (e_akte.pk, "import", coordinator.pk,
         {"stage": [Stage.PILOT, Stage.LIVE], "contact_id": [world["contact"].pk, None]}),
        (new.pk, "import", coordinator.pk,
         {"stage": [0, 2], "maturity": [None, 2], "since": [None, "2025-01-15"]}),
    ]
    for cells in (["Landkreis Mayen-Koblenz", "E-Akte", "Stand", "Pilot", "im Betrieb"],
                  ["Landkreis Mayen-Koblenz", "E-Akte", "Ansprechperson", "Jana Schulz", "–"],
                  ["Landkreis Neuwied", "10000 Elterngeld", "Reifegrad", "–",
                   "2 – Formular-Assistent"]):
        assert "".join(f'<td class="kern-table__cell">{cell}</td>' for cell in cells) in (
            " ".join(page.split()).replace("> <", "><"))


def test_import_with_one_bad_row_writes_nothing_and_names_line_and_reason(
        client, coordinator, world, administration):
    client.force_login(coordinator)
    rows = _csv_rows(_download(client, "export_statuses_csv"))
    rows[1][5] = "im Betrieb"   # a good change in row 2 …
    rows[3][5] = "fertig"       # … and an unknown stage in row 4
    before = _snapshot()

    response = _upload(client, _csv_bytes(rows), "sachstaende.csv")

    page = response.content.decode()
    assert response.status_code == 400
    assert "1 Zeile abgelehnt, darum wurde nichts gespeichert:" in page
    assert ("Zeile 4: „fertig“ ist kein gültiger Wert für „Stand“; erwartet: nicht geplant, "
            "geplant, in Umsetzung, Pilot, im Betrieb (oder die Zahl 0 bis 4).") in page
    assert _snapshot() == before


def _import_rows(coordinator, *rows: list) -> list[tuple[int, str]]:
    table = StatusRows(rows=[(number, dict(zip(
        ["administration", "regional_key", "kind", "key", "title", "stage", "maturity",
         "since", "department", "product", "contact", "note"], row, strict=True)))
        for number, row in enumerate(rows, start=2)])
    return [(error.line, error.reason)
            for error in statuses_import(table=table, by=coordinator).rejected]


def test_import_names_the_reason_of_every_bad_row(coordinator, world, administration):
    key = administration.regional_key
    good = ["", key, "Thema", "e-akte", "", "Pilot", "", "", "", "", "", ""]

    rejected = _import_rows(
        coordinator,
        good,
        ["", "07999", "Thema", "e-akte", "", "Pilot", "", "", "", "", "", ""],
        ["Landkreis Neuwied", key, "Thema", "e-akte", "", "Pilot", "", "", "", "", "", ""],
        ["", key, "Thema", "e-akte", "", "Pilot", "", "", "", "", "", ""],
        ["", key, "Thema", "online-termine", "", "Pilot", "1", "", "", "", "", ""],
        ["", key, "Projekt", "x", "", "Pilot", "", "", "", "", "", ""],
        ["", key, "OZG-Leistung", "99999", "", "Pilot", "", "", "", "", "", ""],
        ["", key, "OZG-Leistung", "10000", "", "Pilot", "", "31.02.2024", "", "", "", ""],
        ["", key, "OZG-Leistung", "10000", "", "", "", "", "", "", "Max Muster", ""],
        ["", key, "Thema", "online-termine", "Termine", "1", "", "", "x" * 201, "", "", ""],
    )

    assert rejected == [
        (3, "Keine Verwaltung hat den Regionalschlüssel „07999“."),
        (4, f"Der Regionalschlüssel {key} gehört zu „Landkreis Mayen-Koblenz“, nicht zu "
            "„Landkreis Neuwied“."),
        (5, "Landkreis Mayen-Koblenz und „E-Akte“ stehen schon in Zeile 2."),
        (6, "Einen Reifegrad gibt es nur für OZG-Leistungen, nicht für Themen."),
        (7, "Die Art „Projekt“ ist unbekannt; erwartet wird „Thema“ oder „OZG-Leistung“."),
        (8, "Keine OZG-Leistung hat die ID 99999."),
        (9, "„31.02.2024“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)."),
        (10, "Der Stand fehlt. Bei Landkreis Mayen-Koblenz gibt es keine Ansprechperson "
             "„Max Muster“."),
        (11, "Das Thema „online-termine“ heißt „Online-Termine“, nicht „Termine“. "
             "„zuständige Stelle“ ist länger als 200 Zeichen."),
    ]
    assert Status.objects.filter(stage=Stage.PILOT).count() == 1  # the fixture's only


def test_import_accepts_numbers_iso_dates_names_and_shortened_keys(
        coordinator, world, administration, other_administration):
    administration.regional_key = "07137"
    administration.save()

    rejected = _import_rows(
        coordinator,
        ["", "7137", "Thema", "E-Akte", "", "4", "", "2024-03-01", "Hauptamt", "enaio",
         "Jana Schulz", "Pilot im Bauamt"],
        ["Landkreis Neuwied", "", "ozg", "10000", "Elterngeld", "IM BETRIEB", "Online-Leistung",
         "", "", "", "", ""],
    )

    assert rejected == []
    assert Status.objects.get(administration=administration, topic=world["e_akte"]).stage == 4
    new = Status.objects.get(administration=other_administration, service=world["elterngeld"])
    assert (new.stage, new.maturity) == (Stage.LIVE, Maturity.ONLINE_SERVICE)


def test_import_reads_xlsx_with_typed_cells(coordinator, client, world, administration):
    rows = [HEADER[:-1],
            ["Landkreis Mayen-Koblenz", administration.regional_key, "OZG-Leistung", 10000,
             "Elterngeld", 4, 4, datetime(2025, 2, 3), None, None, None, None]]
    client.force_login(coordinator)

    response = _upload(client, _xlsx_bytes(rows), "import.xlsx")

    assert "0 neu angelegt, 1 geändert, 0 unverändert." in response.content.decode()
    status = Status.objects.get(administration=administration, service=world["elterngeld"])
    assert (status.maturity, status.since) == (Maturity.ONLINE_TRANSACTION, date(2025, 2, 3))


def _zip_without_workbook() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("hallo.txt", "kein Excel")
    return output.getvalue()


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"%PDF-1.4 kein Tabellenblatt", "sachstaende.xlsx",
     "Die Datei ist keine Excel-Arbeitsmappe (XLSX), auch wenn ihr Name auf .xlsx endet."),
    (_zip_without_workbook(), "sachstaende.xlsx",
     "Die Excel-Arbeitsmappe lässt sich nicht lesen; sie ist beschädigt oder keine "
     "XLSX-Datei."),
    ("Verwaltung;Stand\nKöln;Pilot\n".encode("cp1252"), "sachstaende.csv",
     "Die CSV-Datei ist nicht UTF-8-kodiert."),
    ("Verwaltung;Stand\nKöln;Pilot\n".encode(), "sachstaende.csv",
     "In der Kopfzeile fehlen die Spalten „Regionalschlüssel“, „Art“"),
    (b"Verwaltung;Stand", "sachstaende.txt",
     "Bitte eine CSV- oder XLSX-Datei hochladen (Dateiendung .csv oder .xlsx)"),
    (b"x" * (5 * 1024 * 1024 + 1), "sachstaende.csv",
     "Die Datei ist 5.0 MB groß; erlaubt sind höchstens 5 MB."),
])
def test_import_refuses_files_that_are_not_the_export_format(client, coordinator, world,
                                                             content, name, message):
    client.force_login(coordinator)
    before = _snapshot()

    response = _upload(client, content, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot() == before


# Permissions -----------------------------------------------------------------------------

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
EXPORTS = ["export_statuses_csv", "export_statuses_xlsx", "export_matrix_csv",
           "export_matrix_xlsx"]


@pytest.fixture
def users(reader, editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "editor": editor, "coordinator": coordinator,
            "admin": admin_user}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", EXPORTS)
def test_exports_are_for_member_staff(client, world, users, role, name):
    if users[role]:
        client.force_login(users[role])

    response = client.get(reverse(f"projects:{name}"))

    assert response.status_code == (403 if role == "visitor" else 200)


@pytest.mark.parametrize("role", ROLES)
def test_import_is_for_coordinators(client, world, users, administration, role):
    if users[role]:
        client.force_login(users[role])
    rows = [HEADER, ["", administration.regional_key, "Thema", "e-akte", "", "im Betrieb",
                     "", "", "", "", "", "", ""]]
    allowed = role in {"coordinator", "admin"}

    shown = client.get(reverse("projects:import"))
    posted = _upload(client, _csv_bytes(rows), "sachstaende.csv")

    assert shown.status_code == (200 if allowed else 403)
    assert posted.status_code == (200 if allowed else 403)
    stage = Status.objects.get(administration=administration, topic=world["e_akte"]).stage
    assert stage == (Stage.LIVE if allowed else Stage.PILOT)
    if allowed:
        assert "Sachstände importieren" in shown.content.decode()
        assert StatusChange.objects.filter(source="import", changed_by=users[role]).count() == 1
