"""The export filters and the import upload, which reads a CSV or XLSX file by its content."""

import csv
import io
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from common.forms import Form
from common.tabular import spreadsheet_unsafe
from kreishaus.uploads import ArchiveRefused, check_office_archive
from members.enums import AdministrationKind

from .enums import TopicGroup
from .exchange import COLUMNS, OPTIONAL_COLUMNS, ImportFileError, Table

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 40  # cells further right are never read


class ExportFilterForm(Form):
    bereich = forms.ChoiceField(label=gettext_lazy("Bereich"), required=False,
                                choices=[("", gettext_lazy("alle")), *TopicGroup.choices])
    verwaltungsart = forms.ChoiceField(
        label=gettext_lazy("Art der Verwaltung"), required=False,
        choices=[("", gettext_lazy("alle")), *AdministrationKind.choices])

    def filters(self) -> dict[str, str]:
        return {"topic_group": self.cleaned_data["bereich"],
                "administration_kind": self.cleaned_data["verwaltungsart"]}


class StatusImportForm(Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (CSV oder XLSX)"),
        help_text=gettext_lazy("Im Format des Sachstands-Exports, höchstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))

    def clean_file(self) -> Table:
        try:
            return table_read(self.cleaned_data["file"])
        except ImportFileError as error:
            raise ValidationError(str(error), code="file") from error


def table_read(upload) -> Table:
    """Read an uploaded CSV or XLSX file; the content must be what the name says."""
    name = (upload.name or "").lower()
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(_("Die Datei ist %(size)s MB groß; erlaubt sind höchstens "
                                "5 MB.") % {"size": f"{upload.size / 1024 / 1024:.1f}"})
    upload.seek(0)
    data = upload.read()
    is_zip = data[:4] == b"PK\x03\x04"
    with translation.override(settings.LANGUAGE_CODE):
        if name.endswith(".xlsx"):
            if not is_zip:
                raise ImportFileError(_("Die Datei ist keine Excel-Arbeitsmappe (XLSX), auch "
                                        "wenn ihr Name auf .xlsx endet."))
            return _read_xlsx(data)
        if name.endswith(".csv"):
            if is_zip:
                raise ImportFileError(_("Die Datei ist keine CSV-Datei, sondern ein Archiv "
                                        "oder eine Arbeitsmappe. Bitte als .xlsx hochladen."))
            return _read_csv(data)
        raise ImportFileError(_("Bitte eine CSV- oder XLSX-Datei hochladen (Dateiendung .csv "
                                "oder .xlsx); ältere .xls-Dateien bitte als .xlsx speichern."))


def _read_xlsx(data: bytes) -> Table:
    table = Table()
    unreadable = _("Die Excel-Arbeitsmappe lässt sich nicht lesen; sie ist beschädigt oder "
                   "keine XLSX-Datei.")
    # openpyxl unpacks the shared strings into memory: refuse a ZIP bomb before loading.
    try:
        check_office_archive(io.BytesIO(data))
    except ArchiveRefused as refused:
        raise ImportFileError(unreadable if refused.code == "archive_broken"
                              else refused.message) from refused
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a broken file fails in many ways inside openpyxl
        raise ImportFileError(unreadable) from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        columns = _columns(next(rows, None))
        for number, values in enumerate(rows, start=2):
            _add_row(table, number, {key: _xlsx_value(values[index]) for index, key in columns
                                     if index < len(values)})
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(unreadable) from error
    finally:
        workbook.close()
    return table


def _xlsx_value(value) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value
    return spreadsheet_unsafe(str(value).strip())


def _read_csv(data: bytes) -> Table:
    table = Table()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Die CSV-Datei ist nicht UTF-8-kodiert. In Excel bitte als "
                                "„CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.")) from error
    if "\x00" in text:
        raise ImportFileError(_("Die Datei ist keine Textdatei und damit keine CSV-Datei."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = _columns(next(reader, None))
        for number, values in enumerate(reader, start=2):
            _add_row(table, number, {key: spreadsheet_unsafe(values[index].strip())
                                     for index, key in columns if index < len(values)})
    except csv.Error as error:
        raise ImportFileError(_("Die Datei ist kein gültiges CSV: %(error)s") % {
            "error": error}) from error
    return table


def _columns(header) -> list[tuple[int, str]]:
    """(position, column key) for every known column; unknown columns are ignored."""
    if not header or not any(header):
        raise ImportFileError(_("Die Datei ist leer."))
    known = {str(label).casefold(): key for key, label in COLUMNS.items()}
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = known.get(str(name or "").strip().lstrip("\ufeff").casefold())
        if key and key not in columns:
            columns[key] = index
    missing = [str(label) for key, label in COLUMNS.items()
               if key not in columns and key not in OPTIONAL_COLUMNS]
    if missing:
        raise ImportFileError(_(
            "In der Kopfzeile fehlen die Spalten %(missing)s. Erwartet wird das Format des "
            "Sachstands-Exports: %(expected)s.") % {
            "missing": ", ".join(f"„{name}“" for name in missing),
            "expected": "; ".join(str(label) for label in COLUMNS.values())})
    return [(index, key) for key, index in columns.items()]


def _add_row(table: Table, number: int, cells: dict[str, object]) -> None:
    if number > MAX_ROWS + 1:  # empty rows count too, so a sheet cannot keep us busy
        raise ImportFileError(_("Die Datei hat mehr als %(max)d Zeilen; bitte in mehrere "
                                "Dateien aufteilen.") % {"max": MAX_ROWS})
    if any(value != "" for value in cells.values()):  # spreadsheets keep empty rows
        table.rows.append((number, cells))


