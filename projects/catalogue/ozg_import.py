"""Import of the OZG catalogue: Themenfelder, Lebenslagen and OZG services from three CSV files.

The files are those of shared/data/ozg (copied to projects/data, see its README): UTF-8,
comma-separated, one header row, read by common.tabular. They are read together, as one
catalogue:

- ``ozg_themenfelder.csv``: ``themenfeld_id``, ``name``
- ``ozg_lebenslagen.csv``: ``lebenslage_id``, ``name``, ``themenfeld_id`` (and optionally
  the Themenfeld's name in ``themenfeld``, which must then match)
- ``ozg_leistungen.csv``: ``ozg_id``, ``name``, ``themenfeld_id``, ``lebenslage_id`` (may be
  empty), optionally ``anzahl_leika_leistungen`` and the names in ``themenfeld`` and
  ``lebenslage``

Rows are matched by number (Themenfeld, Lebenslage) and OZG-ID: unknown keys are created,
known ones updated, equal ones left alone, so a second run writes nothing. References must
resolve within the files. Every row of every file is checked first; if one is rejected,
nothing is written. Rows in the database that a file no longer lists are kept (statuses
refer to them); the report counts them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from common.input import has_line_break
from common.params import int_param
from common.phrases import NAME_MISSING
from common.tabular import ImportFileError, ImportReport, Table, Tally, read_csv_file

from ..models import OzgLebenslage, OzgService, OzgThemenfeld

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
THEMENFELDER_FILE = "ozg_themenfelder.csv"
LEBENSLAGEN_FILE = "ozg_lebenslagen.csv"
SERVICES_FILE = "ozg_leistungen.csv"
MAX_SMALL = 32767  # PositiveSmallIntegerField
MAX_INTEGER = 2_147_483_647  # PositiveIntegerField
PROGRESS_EVERY = 100
# The catalogue's files are named in every message about them.
READ_MESSAGES = {
    "missing": gettext_lazy("Die Datei %(file)s fehlt."),
    "encoding": gettext_lazy("Die Datei %(file)s ist nicht UTF-8-kodiert."),
    "csv": gettext_lazy("Die Datei %(file)s ist kein gültiges CSV: %(error)s"),
    "empty": gettext_lazy("Die Datei %(file)s ist leer."),
}

Progress = Callable[[str], None]


@dataclass
class OzgImportReport(ImportReport):
    """The whole catalogue (created, updated, unchanged: all three kinds together), each
    kind on its own, and the rejected rows with their file."""

    directory: Path = DATA_DIR
    themenfelder: Tally = field(default_factory=Tally)
    lebenslagen: Tally = field(default_factory=Tally)
    services: Tally = field(default_factory=Tally)
    services_not_in_file: int = 0

    def summary_lines(self) -> list[str]:
        if self.dry_run:
            title = _("Probelauf, nichts gespeichert. Ergebnis wäre:")
        else:
            title = _("OZG-Katalog aus %(directory)s importiert:") % {
                "directory": self.directory}
        lines = [title,
                 _("  OZG-Themenfelder: %(counts)s") % {
                     "counts": self.themenfelder.counts_text()},
                 _("  OZG-Lebenslagen: %(counts)s") % {"counts": self.lebenslagen.counts_text()},
                 _("  OZG-Leistungen: %(counts)s") % {"counts": self.services.counts_text()},
                 _("  Abgelehnt: %(count)d Zeilen") % {"count": len(self.rejected)}]
        kept = self.services_not_in_file
        if kept:
            lines.append(ngettext(
                "%(count)d OZG-Leistung der Datenbank steht nicht in der Datei; sie bleibt "
                "erhalten.",
                "%(count)d OZG-Leistungen der Datenbank stehen nicht in der Datei; sie bleiben "
                "erhalten.", kept) % {"count": kept})
        return lines


def ozg_catalogue_import(*, directory: Path = DATA_DIR, dry_run: bool = False,
                         progress: Progress | None = None) -> OzgImportReport:
    """Create or update the OZG catalogue from the three CSV files, all rows or none."""
    say = progress or (lambda message: None)
    directory = Path(directory)
    report = OzgImportReport(directory=directory, dry_run=dry_run)
    themenfelder = _parse_themenfelder(_read(directory / THEMENFELDER_FILE, say), report)
    lebenslagen = _parse_lebenslagen(_read(directory / LEBENSLAGEN_FILE, say), themenfelder,
                                     report)
    services = _parse_services(_read(directory / SERVICES_FILE, say), themenfelder,
                               lebenslagen, report)
    if report.rejected:
        say(ngettext("Prüfung: %(count)d Zeile abgelehnt.", "Prüfung: %(count)d Zeilen "
                     "abgelehnt.", len(report.rejected)) % {"count": len(report.rejected)})
        return report
    say(_("Prüfung abgeschlossen: alle Zeilen gültig."))
    try:
        with transaction.atomic():
            _write(themenfelder, lebenslagen, services, report, say)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError as error:
        raise ImportFileError(_(
            "Die Datenbank hat sich während des Imports geändert (doppelter Schlüssel); nichts "
            "wurde gespeichert. Bitte erneut versuchen.")) from error
    return report


@dataclass
class _Rows:
    """The rows of one file that passed the check, by key, with their line numbers."""

    file: str
    values: dict[int, dict] = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)
    rejected_keys: set[int] = field(default_factory=set)

    def missing(self, key: int, label: str) -> str:
        """Why a reference to `key` does not resolve."""
        if key in self.rejected_keys:
            return _("%(label)s %(key)d ist in %(file)s fehlerhaft.") % {
                "label": label, "key": key, "file": self.file}
        return _("%(label)s %(key)d steht nicht in %(file)s.") % {
            "label": label, "key": key, "file": self.file}


def _read(path: Path, say: Progress) -> Table:
    # Cells come cleaned of control and bidi characters, which exports could not keep.
    table = read_csv_file(path, messages=READ_MESSAGES)
    say(ngettext("%(file)s: %(count)d Zeile gelesen.", "%(file)s: %(count)d Zeilen gelesen.",
                 len(table.rows)) % {"file": path.name, "count": len(table.rows)})
    return table


def _require_columns(table: Table, columns: tuple[str, ...]) -> None:
    present = {name.lower() for name in table.header}
    missing = [column for column in columns if column not in present]
    if table.rows and missing:
        raise ImportFileError(_("In %(file)s fehlt die Spalte %(columns)s.") % {
            "file": table.source, "columns": ", ".join(missing)})


def _number(value: str, label: str, maximum: int, errors: list[str], *,
            required: bool = True) -> int | None:
    value = value.strip()
    if not value and not required:
        return None
    number = int_param(value, minimum=0, maximum=maximum)
    if number is None:
        errors.append(_("%(label)s „%(value)s“ ist keine ganze Zahl von 0 bis %(max)d.") % {
            "label": label, "value": value, "max": maximum})
    return number


def _name(value: str, max_length: int, errors: list[str]) -> str:
    value = value.strip()
    if not value:
        errors.append(str(NAME_MISSING))
    elif has_line_break(value):
        errors.append(_("Der Name darf keinen Zeilenumbruch enthalten."))
    elif len(value) > max_length:
        errors.append(_("Der Name ist länger als %(max)d Zeichen.") % {"max": max_length})
    return value


def _accept(rows: _Rows, key: int | None, values: dict, line: int, errors: list[str],
            label: str, report: OzgImportReport) -> None:
    if key is not None and key in rows.lines:
        errors.append(_("%(label)s %(key)d steht schon in Zeile %(line)d.") % {
            "label": label, "key": key, "line": rows.lines[key]})
    if errors:
        report.reject(line, " ".join(errors), source=rows.file)
        if key is not None:
            rows.rejected_keys.add(key)
        return
    rows.values[key] = values
    rows.lines[key] = line


def _check_name_column(raw: dict, column: str, expected: str, errors: list[str]) -> None:
    given = (raw.get(column) or "").strip()
    if given and given != expected:
        errors.append(_("Die Spalte %(column)s („%(given)s“) passt nicht zu „%(expected)s“.") % {
            "column": column, "given": given, "expected": expected})


def _parse_themenfelder(table: Table, report: OzgImportReport) -> _Rows:
    _require_columns(table, ("themenfeld_id", "name"))
    parsed = _Rows(table.source)
    for row, raw in table.records(report):
        line = row.line
        errors: list[str] = []
        number = _number(raw["themenfeld_id"], _("Die Themenfeld-Nummer"), MAX_SMALL, errors)
        name = _name(raw["name"], 200, errors)
        _accept(parsed, number, {"name": name}, line, errors, _("Das Themenfeld"), report)
    return parsed


def _parse_lebenslagen(table: Table, themenfelder: _Rows, report: OzgImportReport) -> _Rows:
    _require_columns(table, ("lebenslage_id", "name", "themenfeld_id"))
    parsed = _Rows(table.source)
    for row, raw in table.records(report):
        line = row.line
        errors: list[str] = []
        number = _number(raw["lebenslage_id"], _("Die Lebenslagen-Nummer"), MAX_SMALL, errors)
        name = _name(raw["name"], 200, errors)
        themenfeld = _themenfeld(raw, themenfelder, errors)
        _accept(parsed, number, {"name": name, "themenfeld": themenfeld}, line, errors,
                _("Die Lebenslage"), report)
    return parsed


def _themenfeld(raw: dict, themenfelder: _Rows, errors: list[str]) -> int | None:
    number = _number(raw["themenfeld_id"], _("Die Themenfeld-Nummer"), MAX_SMALL, errors)
    if number is None:
        return None
    if number not in themenfelder.values:
        errors.append(themenfelder.missing(number, _("Das Themenfeld")))
        return None
    _check_name_column(raw, "themenfeld", themenfelder.values[number]["name"], errors)
    return number


def _parse_services(table: Table, themenfelder: _Rows, lebenslagen: _Rows,
                    report: OzgImportReport) -> _Rows:
    _require_columns(table, ("ozg_id", "name", "themenfeld_id", "lebenslage_id"))
    parsed = _Rows(table.source)
    for row, raw in table.records(report):
        line = row.line
        errors: list[str] = []
        ozg_id = _number(raw["ozg_id"], _("Die OZG-ID"), MAX_INTEGER, errors)
        name = _name(raw["name"], 300, errors)
        themenfeld = _themenfeld(raw, themenfelder, errors)
        lebenslage = _number(raw["lebenslage_id"], _("Die Lebenslagen-Nummer"), MAX_SMALL,
                             errors, required=False)
        if lebenslage is not None:
            if lebenslage not in lebenslagen.values:
                errors.append(lebenslagen.missing(lebenslage, _("Die Lebenslage")))
            else:
                situation = lebenslagen.values[lebenslage]
                _check_name_column(raw, "lebenslage", situation["name"], errors)
                if themenfeld is not None and situation["themenfeld"] != themenfeld:
                    errors.append(_(
                        "Die Lebenslage %(lebenslage)d gehört zum Themenfeld %(expected)d, "
                        "nicht zu %(given)d.") % {"lebenslage": lebenslage,
                                                  "expected": situation["themenfeld"],
                                                  "given": themenfeld})
        leika = 0
        if raw.get("anzahl_leika_leistungen", "").strip():
            leika = _number(raw["anzahl_leika_leistungen"], _("Die Zahl der LeiKa-Leistungen"),
                            MAX_SMALL, errors) or 0
        _accept(parsed, ozg_id, {"name": name, "themenfeld": themenfeld,
                                 "lebenslage": lebenslage, "leika_count": leika},
                line, errors, _("Die OZG-ID"), report)
    return parsed


def _write(themenfelder: _Rows, lebenslagen: _Rows, services: _Rows, report: OzgImportReport,
           say: Progress) -> None:
    themenfeld_pks, _gone = _sync(OzgThemenfeld, "number", {
        number: values for number, values in themenfelder.values.items()}, report.themenfelder,
        report)
    say(_("OZG-Themenfelder: %(counts)s.") % {"counts": report.themenfelder.counts_text()})
    lebenslage_pks, _gone = _sync(OzgLebenslage, "number", {
        number: {"name": values["name"], "themenfeld_id": themenfeld_pks[values["themenfeld"]]}
        for number, values in lebenslagen.values.items()}, report.lebenslagen, report)
    say(_("OZG-Lebenslagen: %(counts)s.") % {"counts": report.lebenslagen.counts_text()})
    _pks, report.services_not_in_file = _sync(OzgService, "ozg_id", {
        ozg_id: {"name": values["name"], "themenfeld_id": themenfeld_pks[values["themenfeld"]],
                 "lebenslage_id": lebenslage_pks.get(values["lebenslage"]),
                 "leika_count": values["leika_count"]}
        for ozg_id, values in services.values.items()}, report.services, report, say=say)
    say(_("OZG-Leistungen: %(counts)s.") % {"counts": report.services.counts_text()})


def _sync(model: type[models.Model], key: str, rows: dict[int, dict], tally: Tally,
          report: OzgImportReport, *, say: Progress | None = None
          ) -> tuple[dict[int, int], int]:
    """Create, update or leave each row, counted in `tally` and the whole `report`; returns
    the primary keys by natural key and how many rows of the table the file left out."""
    existing = {getattr(obj, key): obj for obj in model.objects.order_by()}
    new, changed, fields = [], [], set()
    for done, (number, values) in enumerate(rows.items(), start=1):
        obj = existing.get(number)
        label = f"{values['name']} ({number})"
        if obj is None:
            new.append(model(**{key: number}, **values))
            tally.created.append(label)
        else:
            differing = {name for name, value in values.items() if getattr(obj, name) != value}
            for name in differing:
                setattr(obj, name, values[name])
            if differing:
                changed.append(obj)
                fields |= differing
                tally.updated.append(label)
            else:
                tally.unchanged += 1
        if say and (done % PROGRESS_EVERY == 0 or done == len(rows)):
            say(_("%(label)s: %(done)d von %(total)d geprüft.") % {
                "label": model._meta.verbose_name_plural, "done": done, "total": len(rows)})
    model.objects.bulk_create(new, batch_size=500)
    if changed:
        # bulk_update takes field names: "themenfeld", not its column "themenfeld_id"
        names = sorted(name.removesuffix("_id") for name in fields)
        model.objects.bulk_update(changed, names, batch_size=500)
    report.created += tally.created
    report.updated += tally.updated
    report.unchanged += tally.unchanged
    return ({getattr(obj, key): obj.pk for obj in [*existing.values(), *new]},
            len(set(existing) - set(rows)))
