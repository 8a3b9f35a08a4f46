"""Reading CSV and XLSX files by their content (common.tabular.reading), and the one import
report and error type (common.tabular.report)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from common.tabular import (
    ImportFileError,
    ImportReport,
    RowError,
    csv_bytes,
    read_csv,
    read_csv_file,
    read_upload,
    xlsx_file,
)

MB = 1024 * 1024


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@pytest.mark.parametrize(("text", "delimiter"), [
    ("Name;Ort\nKöln;NRW\n", ";"), ("Name,Ort\nKöln,NRW\n", ","), ("Name\tOrt\nKöln\tNRW\n", "\t"),
])
def test_read_csv_delimiter_is_the_one_of_the_header(text, delimiter):
    table = read_csv(text.encode())

    assert (table.header, [row.cells for row in table.rows]) == (["Name", "Ort"],
                                                                 [("Köln", "NRW")])


@pytest.mark.parametrize("data", [
    "\ufeffName;Ort\nKöln;NRW\n".encode(), b"Name;Ort\nK\xc3\xb6ln;NRW\n",
])
def test_read_csv_utf8_with_or_without_byte_order_mark(data):
    table = read_csv(data)

    assert (table.header, table.rows[0].cells) == (["Name", "Ort"], ("Köln", "NRW"))


def test_read_csv_refuses_other_encodings_with_the_importers_wording():
    with pytest.raises(ImportFileError) as error:
        read_csv("Name;Ort\nKöln;NRW\n".encode("cp1252"),
                 messages={"encoding": "Bitte als UTF-8 speichern."})

    assert (error.value.code, str(error.value)) == ("encoding", "Bitte als UTF-8 speichern.")


def test_read_csv_cleans_cells_and_removes_the_formula_guard_of_exports():
    exported = csv_bytes(["Name", "Notiz"],
                         [["=HYPERLINK(1)", " Text\x07 mit\u202e Steuerzeichen "]])

    table = read_csv(exported)

    assert table.rows[0].cells == ("=HYPERLINK(1)", "Text mit Steuerzeichen")


def test_read_csv_numbers_rows_as_a_spreadsheet_and_lines_as_a_text_file():
    table = read_csv('Name,Ort\n"Mayen-\nKoblenz",Koblenz\n\nNeuwied,Neuwied\n')

    assert [(row.number, row.line, row.cells) for row in table.rows] == [
        (2, 3, ("Mayen-\nKoblenz", "Koblenz")), (4, 5, ("Neuwied", "Neuwied"))]


def test_table_records_reject_rows_with_another_number_of_cells():
    table = read_csv("A,B\n1,2\n1,2,3\n1\n", source="daten.csv")
    report = ImportReport()

    records = [(row.line, values) for row, values in table.records(report)]

    assert records == [(2, {"a": "1", "b": "2"})]
    reason = "Die Zeile hat nicht so viele Spalten wie die Kopfzeile."
    assert report.rejected == [RowError(3, reason, "daten.csv"), RowError(4, reason, "daten.csv")]


@pytest.mark.parametrize("data", [b"", b"\n", b" ; \n1;2\n"])
def test_read_csv_without_header_is_empty(data):
    with pytest.raises(ImportFileError, match="Die Datei ist leer."):
        read_csv(data)


def test_read_csv_file_names_the_file(tmp_path):
    with pytest.raises(ImportFileError) as error:
        read_csv_file(tmp_path / "fehlt.csv", messages={"missing": "%(file)s fehlt."})
    assert str(error.value) == f"{tmp_path / 'fehlt.csv'} fehlt."

    (tmp_path / "alt.csv").write_bytes("Name\nKöln\n".encode("latin-1"))
    with pytest.raises(ImportFileError) as error:
        read_csv_file(tmp_path / "alt.csv",
                      messages={"encoding": "Die Datei %(file)s ist nicht UTF-8-kodiert."})
    assert str(error.value) == f"Die Datei {tmp_path / 'alt.csv'} ist nicht UTF-8-kodiert."


def test_read_upload_xlsx_cells_keep_dates_and_whole_numbers():
    from datetime import datetime

    data = _xlsx([["Name", "Zahl", "Datum"], ["'=1+1", 3.0, datetime(2025, 2, 3)],
                  [None, None, None], ["Neuwied", 2.5, None]])

    table = read_upload(_upload("tabelle.xlsx", data), max_bytes=MB)

    assert table.header == ["Name", "Zahl", "Datum"]
    assert [(row.number, row.cells) for row in table.rows] == [
        (2, ("=1+1", "3", datetime(2025, 2, 3))), (4, ("Neuwied", "2.5", ""))]


def test_read_upload_xlsx_round_trip_of_an_export():
    data = xlsx_file("Tabelle", ["Name"], [["-5 Grad"], ["@Home"]]).read()

    table = read_upload(_upload("export.xlsx", data), max_bytes=MB)

    assert [row.cells for row in table.rows] == [("-5 Grad",), ("@Home",)]


@pytest.mark.parametrize(("name", "content", "code"), [
    ("a.xlsx", b"%PDF-1.4", "not_xlsx"),
    ("a.csv", _xlsx([["A"]]), "not_csv"),
    ("a.csv", b"A;B\n\x00\x01;2\n", "binary"),
    ("a.txt", b"A;B", "type"),
    ("a.csv", b"A" * (MB + 1), "too_large"),
    ("a.csv", b"A\n" + b"1\n" * 11, "too_many_rows"),
])
def test_read_upload_refuses_what_the_content_does_not_prove(name, content, code):
    with pytest.raises(ImportFileError) as error:
        read_upload(_upload(name, content), max_bytes=MB, max_rows=10)

    assert error.value.code == code


def test_read_upload_size_message():
    with pytest.raises(ImportFileError) as error:
        read_upload(_upload("a.csv", b"A" * (5 * MB + 1)), max_bytes=5 * MB)

    assert str(error.value) == "Die Datei ist 5.0 MB groß; erlaubt sind höchstens 5 MB."


def test_import_report_counts_and_rejections():
    report = ImportReport(created=["A (1)"], updated=["B (2)", "C (3)"], unchanged=4)
    for line in range(2, 104):
        report.reject(line, "kaputt")

    assert report.counts_text() == "1 angelegt, 2 aktualisiert, 4 unverändert"
    assert report.rejection_message().splitlines()[:2] == [
        "102 Zeilen abgelehnt, darum wurde nichts gespeichert:", "Zeile 2: kaputt"]
    assert report.rejection_message().splitlines()[-1] == "… und 2 weitere."
    assert (len(report.rejected_shown), report.rejected_hidden) == (100, 2)
    assert str(RowError(7, "kaputt", "a.csv")) == "a.csv, Zeile 7: kaputt"
