"""Tables for download as CSV and XLSX, every cell through the formula guard (guard.py).

Every export of the project goes through `csv_response`/`xlsx_response` (or the
`csv_stream`/`xlsx_file` writers beneath them); no app writes CSV or XLSX itself.
"""

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .guard import FORMULA_STARTS, SKIPPED, runs_as_formula, spreadsheet_safe

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
_CSV_CHUNK_ROWS = 500


def cell_text(value) -> str:
    """A value as CSV text (German dates), guarded."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return spreadsheet_safe(str(value))


class _Echo:
    """A file that hands back what is written, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_stream(header: Iterable, rows: Iterable[Iterable]) -> Iterator[bytes]:
    """Semicolon separated UTF-8 with a byte order mark, so German Excel opens it as it is;
    written in pieces, so a large export never sits in memory as a whole."""
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    chunk = ["\ufeff", writer.writerow([cell_text(value) for value in header])]
    for row in rows:
        chunk.append(writer.writerow([cell_text(value) for value in row]))
        if len(chunk) >= _CSV_CHUNK_ROWS:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    yield "".join(chunk).encode("utf-8")


def csv_bytes(header: Iterable, rows: Iterable[Iterable]) -> bytes:
    return b"".join(csv_stream(header, rows))


def _xlsx_text(value) -> str:
    # XLSX cannot hold most control characters at all.
    return spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _xlsx_cell(sheet, value):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "DD.MM.YYYY HH:MM" if isinstance(value, datetime) else "DD.MM.YYYY"
        return cell
    return _xlsx_text_cell(sheet, value)


def _xlsx_text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, _xlsx_text(value))
    cell.data_type = "s"  # text, never a formula, whatever openpyxl guesses
    return cell


def sheet_title(title: str) -> str:
    """A title Excel accepts (31 characters, none of \\ / ? * [ ] :, no apostrophe at either
    end) that cannot be read as a formula."""
    text = _SHEET_TITLE_FORBIDDEN.sub("", ILLEGAL_CHARACTERS_RE.sub("", str(title)))
    while text and (runs_as_formula(text) or text[:1] in "' " or text[-1:] in "' "):
        text = text.strip("' ").lstrip("".join(FORMULA_STARTS) + SKIPPED)
    return text[:31].rstrip("' ") or "Tabelle"


def xlsx_file(title: str, header: Iterable, rows: Iterable[Iterable],
              widths: Iterable[int] = ()) -> IO[bytes]:
    """A workbook with one sheet, bold header frozen on top, written row by row (openpyxl's
    write-only mode keeps no cells in memory); returned as a file at position 0."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    heading = []
    for label in header:
        cell = _xlsx_text_cell(sheet, "" if label is None else label)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    output = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output


def _private(response):
    # Exports hold internal data: never kept by a shared cache or the browser's disk cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable], *,
                 stream: bool = False) -> HttpResponse | StreamingHttpResponse:
    """A CSV download; with `stream`, written while it is sent (large exports: translate
    labels beforehand, the rows are written after the view has returned)."""
    if stream:
        response = StreamingHttpResponse(csv_stream(header, rows), content_type=CSV_TYPE)
    else:
        response = HttpResponse(csv_bytes(header, rows), content_type=CSV_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return _private(response)


def xlsx_response(filename: str, title: str, header: Iterable, rows: Iterable[Iterable],
                  widths: Iterable[int] = ()) -> FileResponse:
    return _private(FileResponse(xlsx_file(title, header, rows, widths), as_attachment=True,
                                 filename=filename, content_type=XLSX_TYPE))
