"""Reading tables from CSV and XLSX files by their content, for the importers.

What a file is, its bytes decide: an upload named .xlsx must be a ZIP archive (checked
against ZIP bombs before openpyxl unpacks it), a CSV file must be text. CSV text is UTF-8
with or without byte order mark; its delimiter is the one the header line uses most
(semicolon as German Excel writes it, comma, or tab). Every text cell is read the same way:
control and bidi characters dropped (common.input), surrounding whitespace stripped, and
the formula guard of the exports removed (guard.spreadsheet_unsafe), so an exported file
reads back exactly.

A file that cannot be read as a whole raises ImportFileError with a code; READ_MESSAGES
holds the default wording, which an importer may replace through `messages` (its users
may need another hint, or the file's name). Rows that are read become `Row`s; checking
them is the importer's job, which reports a failed row as a RowError with its number.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from ..input import strip_unsafe
from ..uploads import ZIP_SIGNATURE, ArchiveRefused, check_office_archive
from .guard import spreadsheet_unsafe
from .report import ImportFileError, ImportReport

READ_MESSAGES = {
    "missing": _("Die Datei %(file)s lässt sich nicht öffnen: %(error)s"),
    "unreadable": _("Die Datei %(file)s lässt sich nicht öffnen: %(error)s"),
    "too_large": _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens %(max)s MB."),
    "type": _("Bitte eine CSV- oder XLSX-Datei hochladen (Dateiendung .csv oder .xlsx); "
              "ältere .xls-Dateien bitte als .xlsx speichern."),
    "not_xlsx": _("Die Datei ist keine Excel-Arbeitsmappe (XLSX), auch wenn ihr Name auf "
                  ".xlsx endet."),
    "not_csv": _("Die Datei ist keine CSV-Datei, sondern ein Archiv oder eine Arbeitsmappe. "
                 "Bitte als .xlsx hochladen."),
    "xlsx_broken": _("Die Excel-Arbeitsmappe lässt sich nicht lesen; sie ist beschädigt oder "
                     "keine XLSX-Datei."),
    "archive": "%(reason)s",  # the ZIP-bomb refusal of common.uploads, as it is
    "encoding": _("Die Datei ist nicht UTF-8-kodiert."),
    "binary": _("Die Datei ist keine Textdatei und damit keine CSV-Datei."),
    "csv": _("Die Datei ist kein gültiges CSV: %(error)s"),
    "empty": _("Die Datei ist leer."),
    "too_many_rows": _("Die Datei hat mehr als %(max)d Zeilen; bitte in mehrere Dateien "
                       "aufteilen."),
}
WRONG_COLUMN_COUNT = _("Die Zeile hat nicht so viele Spalten wie die Kopfzeile.")
DELIMITERS = (";", ",", "\t")  # on a tie, the first wins
MEGABYTE = 1024 * 1024

Messages = dict[str, str]


@dataclass(frozen=True)
class Row:
    """A row of cells (text; in XLSX also numbers as text, dates and datetimes).

    `number` is the row as a spreadsheet program shows it (the header is row 1); `line` is
    the line of a CSV file where the row ends, as a text editor shows it. They differ only
    after cells with line breaks; in XLSX they are the same.
    """

    number: int
    line: int
    cells: tuple

    def cell(self, index: int, default: object = "") -> object:
        return self.cells[index] if index < len(self.cells) else default


@dataclass
class Table:
    """The header (cleaned text) and the rows below it; empty rows are left out."""

    header: list[str]
    rows: list[Row]
    # What the file is called in messages, e.g. "ozg_leistungen.csv" (may be empty).
    source: str = ""

    def records(self, report: ImportReport) -> Iterator[tuple[Row, dict[str, object]]]:
        """The rows as {lower-case header: cell}; a row with more or fewer cells than the
        header is rejected in `report` (at its `line`) instead."""
        keys = [name.lower() for name in self.header]
        for row in self.rows:
            if len(row.cells) != len(keys):
                report.reject(row.line, str(WRONG_COLUMN_COUNT), source=self.source)
                continue
            yield row, dict(zip(keys, row.cells, strict=True))


def _fail(code: str, messages: Messages | None, *, file: object = "",
          **params) -> ImportFileError:
    message = (messages or {}).get(code) or READ_MESSAGES[code]
    return ImportFileError(str(message) % {"file": file, **params}, code=code)


def clean_text(value: str) -> str:
    return spreadsheet_unsafe(strip_unsafe(value).strip())


def _header(cells) -> list[str]:
    return [clean_text(str(cell or "")).lstrip("\ufeff") for cell in cells]


def decode_text(data: bytes, *, file: object = "", messages: Messages | None = None) -> str:
    """UTF-8 text, with or without a byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail("encoding", messages, file=file) from error


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return max(DELIMITERS, key=lambda candidate: (first_line.count(candidate),
                                                  -DELIMITERS.index(candidate)))


def _check_size(number: int, max_rows: int | None, messages: Messages | None) -> None:
    if max_rows is not None and number > max_rows + 1:  # empty rows count too
        raise _fail("too_many_rows", messages, max=max_rows)


def read_csv(data: bytes | str, *, source: str = "", file: object = "",
             max_rows: int | None = None, messages: Messages | None = None) -> Table:
    """A CSV file (bytes, or text already decoded) with a header row. `source` names the
    file in row errors, `file` in messages (``%(file)s``; a path, say)."""
    file = file or source
    text = data if isinstance(data, str) else decode_text(data, file=file, messages=messages)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = []
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise _fail("empty", messages, file=file)
        for number, cells in enumerate(reader, start=2):
            _check_size(number, max_rows, messages)
            if cells:  # not a blank line
                rows.append(Row(number, reader.line_num, tuple(map(clean_text, cells))))
    except csv.Error as error:
        raise _fail("csv", messages, file=file, error=error) from error
    return Table(_header(header), rows, source)


def read_csv_file(path: Path, *, messages: Messages | None = None) -> Table:
    """A CSV file on disk; row errors name it by its name, messages by its path."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise _fail("missing", messages, file=path, error=error.strerror or error) from error
    except OSError as error:
        raise _fail("unreadable", messages, file=path,
                    error=error.strerror or error) from error
    return read_csv(data, source=path.name, file=path, messages=messages)


def _xlsx_value(value) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):  # datetimes too
        return value
    return clean_text(str(value))


def read_xlsx(data: bytes, *, source: str = "", max_rows: int | None = None,
              max_columns: int | None = None, messages: Messages | None = None) -> Table:
    """The first sheet of a workbook; cells right of `max_columns` are never read."""
    # openpyxl unpacks the shared strings into memory: refuse a ZIP bomb before loading.
    try:
        check_office_archive(io.BytesIO(data))
    except ArchiveRefused as refused:
        if refused.code == "archive_broken":
            raise _fail("xlsx_broken", messages) from refused
        raise _fail("archive", messages, reason=refused.message) from refused
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a broken file fails in many ways inside openpyxl
        raise _fail("xlsx_broken", messages) from error
    try:
        lines = workbook.worksheets[0].iter_rows(values_only=True, max_col=max_columns)
        header = next(lines, None)
        if not header or not any(cell not in (None, "") for cell in header):
            raise _fail("empty", messages, file=source)
        rows = []
        for number, values in enumerate(lines, start=2):
            _check_size(number, max_rows, messages)
            if any(value is not None for value in values):
                rows.append(Row(number, number, tuple(map(_xlsx_value, values))))
    except ImportFileError:
        raise
    except Exception as error:
        raise _fail("xlsx_broken", messages) from error
    finally:
        workbook.close()
    return Table(_header(header), rows, source)


def read_upload(upload, *, max_bytes: int, max_rows: int | None = None,
                max_columns: int | None = None, messages: Messages | None = None) -> Table:
    """An uploaded CSV or XLSX file; its content must be what its name says."""
    name = (upload.name or "").lower()
    if upload.size > max_bytes:
        raise _fail("too_large", messages, size=f"{upload.size / MEGABYTE:.1f}",
                    max=f"{max_bytes / MEGABYTE:g}")
    upload.seek(0)
    data = upload.read()
    is_zip = data[:4] == ZIP_SIGNATURE
    if name.endswith(".xlsx"):
        if not is_zip:
            raise _fail("not_xlsx", messages)
        return read_xlsx(data, source=upload.name, max_rows=max_rows,
                         max_columns=max_columns, messages=messages)
    if name.endswith(".csv"):
        if is_zip:
            raise _fail("not_csv", messages)
        text = decode_text(data, file=upload.name, messages=messages)
        if "\x00" in text:
            raise _fail("binary", messages)
        return read_csv(text, source=upload.name, max_rows=max_rows, messages=messages)
    raise _fail("type", messages)
