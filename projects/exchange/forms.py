"""The export filters and the import upload (a CSV or XLSX file, read by its content)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.forms import Form
from common.tabular import ImportFileError, read_upload
from meetings.models import WorkingGroup
from members.enums import AdministrationKind
from members.models import Administration

from ..enums import TopicGroup
from .columns import COLUMNS, OPTIONAL_COLUMNS, StatusRows

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 40  # cells further right are never read
READ_MESSAGES = {"encoding": gettext_lazy(
    "Die CSV-Datei ist nicht UTF-8-kodiert. In Excel bitte als „CSV UTF-8 (durch "
    "Trennzeichen getrennt)“ speichern.")}


class ExportFilterForm(Form):
    """The filters of a download. The matrix page's names (`group`, `kind`,
    `working_group`) carry its active filters into its download links; `bereich` and
    `verwaltungsart` are the older names, still understood."""

    group = forms.ChoiceField(label=gettext_lazy("Bereich der Themen"), required=False,
                              choices=[("", gettext_lazy("alle")), *TopicGroup.choices])
    kind = forms.ChoiceField(
        label=gettext_lazy("Art der Verwaltung"), required=False,
        choices=[("", gettext_lazy("alle")), *AdministrationKind.choices])
    working_group = forms.ModelChoiceField(
        label=gettext_lazy("Arbeitsgruppe"), required=False,
        queryset=WorkingGroup.objects.only("pk", "name"))
    verwaltung = forms.ModelChoiceField(
        label=gettext_lazy("Verwaltung"), required=False, to_field_name="slug",
        queryset=Administration.objects.only("pk", "slug", "name"))
    bereich = forms.ChoiceField(label=gettext_lazy("Bereich"), required=False,
                                choices=[("", gettext_lazy("alle")), *TopicGroup.choices])
    verwaltungsart = forms.ChoiceField(
        label=gettext_lazy("Art der Verwaltung"), required=False,
        choices=[("", gettext_lazy("alle")), *AdministrationKind.choices])

    def filters(self) -> dict:
        data = self.cleaned_data
        return {"topic_group": data["group"] or data["bereich"],
                "administration_kind": data["kind"] or data["verwaltungsart"],
                "working_group": data["working_group"], "administration": data["verwaltung"]}


class StatusImportForm(Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (CSV oder XLSX)"),
        help_text=gettext_lazy("Im Format des Sachstands-Exports, höchstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))

    def clean_file(self) -> StatusRows:
        try:
            return table_read(self.cleaned_data["file"])
        except ImportFileError as error:
            raise ValidationError(str(error), code="file") from error


def table_read(upload) -> StatusRows:
    """Read an uploaded CSV or XLSX file (common.tabular: the content must be what the name
    says) and take the columns of the statuses export from it."""
    with translation.override(settings.LANGUAGE_CODE):
        table = read_upload(upload, max_bytes=MAX_UPLOAD_BYTES, max_rows=MAX_ROWS,
                            max_columns=MAX_COLUMNS, messages=READ_MESSAGES)
        columns = _columns(table.header)
    rows = StatusRows()
    for row in table.rows:
        cells = {key: row.cells[index] for index, key in columns if index < len(row.cells)}
        if any(value != "" for value in cells.values()):  # spreadsheets keep empty rows
            rows.rows.append((row.number, cells))
    return rows


def _columns(header: list[str]) -> list[tuple[int, str]]:
    """(position, column key) for every known column; unknown columns are ignored."""
    known = {str(label).casefold(): key for key, label in COLUMNS.items()}
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = known.get(name.casefold())
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
