"""Import administrations from the Destatis municipality directory as CSV.

Three formats, told apart by their header (see shared/data/README.md):

- Kreise (``kreis_schluessel``, 5-digit keys),
- Gemeindeverbände (``rs_gemeindeverband``, 9 digits),
- Gemeinden (``ars``, 12 digits).

Rows are matched by regional key: unknown keys are created, known ones updated. Every row
is checked first; if any row is rejected, nothing is written. The file is read by
common.tabular (UTF-8, delimiter from the header line); rejected rows are numbered by the
line of the file where they end. A file holds one level only,
so parents come from the database: import Kreise first, then Gemeindeverbände, then
Gemeinden.

Decisions:

- Kind: Landkreis, Kreis and the Regionalverband Saarbrücken become LANDKREIS;
  Kreisfreie Stadt and Stadtkreis (Baden-Württemberg's word for it) KREISFREIE_STADT.
  Every association of municipalities (Verbandsgemeinde, Amt, Samtgemeinde,
  Verwaltungsgemeinschaft, Verwaltungsverband, Kirchspielslandgemeinde) becomes
  VERBANDSGEMEINDE. A municipality (Gemeinden typ, or a verbandsfreie/erfüllende Gemeinde
  in the Gemeindeverbände file) is STADT if its typ is Stadt or Große Kreisstadt or its
  name ends in ", Stadt" (or another "…stadt", or "St"), else GEMEINDE (Markt and
  gemeindefreie Gebiete included). A Gemeindeverband key with "0000" in digits 6 to 9 is a
  kreisfreie Stadt. An unknown typ rejects the row instead of guessing.
- Name: the Destatis name, written as the demo data writes it: a Landkreis or Kreis whose
  name does not say so gets its typ in front ("Mayen-Koblenz" → "Landkreis Mayen-Koblenz";
  so "Landkreis Hof" no longer looks like the city "Hof"), an association too unless the
  name already names it ("Adenau" → "Verbandsgemeinde Adenau"), and "Andernach, Stadt"
  becomes "Stadt Andernach". Other suffixes ("Kiel, Landeshauptstadt") stay as they are.
- Parent: a Gemeindeverband's Kreis; a municipality's Gemeindeverband, else its Kreis. A
  parent that is not in the database leaves the parent as it is (none for new rows).
  Kreise keep their parent. An empty seat leaves the seat as it is.
- Slug: made from the name for new rows only (links stay stable); if taken, the key is
  appended. Short name, website, logo and membership dates are never touched.
- Area is rounded to two decimals (the model's precision).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO, TextIO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.input import has_line_break
from common.params import int_param
from common.phrases import NAME_MISSING
from common.tabular import ImportFileError, ImportReport, Table, read_csv, read_csv_file

from .enums import AdministrationKind as Kind
from .enums import FederalState
from .models import Administration
from .validators import validate_regional_key, validate_regional_key_state

ASSOCIATION_TYPES = ("Verbandsgemeinde", "Amt", "Samtgemeinde", "Verwaltungsgemeinschaft",
                     "Verwaltungsverband", "Kirchspielslandgemeinde")
MUNICIPALITY_TYPES = {
    "Kreisfreie Stadt": Kind.KREISFREIE_STADT, "Stadtkreis": Kind.KREISFREIE_STADT,
    "Stadt": Kind.STADT, "Große Kreisstadt": Kind.STADT,
    "Kreisangehörige Gemeinde": None, "Markt": None,  # None: STADT or GEMEINDE by name
    "gemeindefreies Gebiet, bewohnt": None, "gemeindefreies Gebiet, unbewohnt": None,
}


@dataclass(frozen=True)
class _Format:
    label: str
    key_column: str
    key_length: int
    columns: tuple[str, ...]
    types: dict[str, str | None]


FORMATS = (
    _Format("Kreise", "kreis_schluessel", 5,
            ("name", "typ", "sitz", "land_schluessel", "einwohner", "flaeche_km2"),
            {"Landkreis": Kind.LANDKREIS, "Kreis": Kind.LANDKREIS,
             "Regionalverband": Kind.LANDKREIS, "Kreisfreie Stadt": Kind.KREISFREIE_STADT,
             "Stadtkreis": Kind.KREISFREIE_STADT}),
    _Format("Gemeindeverbände", "rs_gemeindeverband", 9,
            ("name", "typ", "sitz", "kreis_schluessel", "einwohner", "flaeche_km2"),
            {**dict.fromkeys(ASSOCIATION_TYPES, Kind.VERBANDSGEMEINDE),
             "Verbandsfreie Gemeinde": None, "Erfüllende Gemeinde": None}),
    _Format("Gemeinden", "ars", 12,
            ("ags", "name", "typ", "einwohner", "flaeche_km2", "gemeindeverband_rs",
             "kreis_schluessel", "land"),
            MUNICIPALITY_TYPES),
)
STATE_BY_NAME = {label: value for value, label in FederalState.choices}
MAX_POPULATION = 2_147_483_647  # PositiveIntegerField
MAX_AREA = Decimal("999999.99")  # max_digits=8, decimal_places=2


@dataclass
class AdministrationImportReport(ImportReport):
    file_label: str = ""
    without_parent: int = 0

    def summary(self) -> str:
        counts = self.counts_text()
        if self.dry_run:
            return _("Probelauf (%(label)s), nichts gespeichert. Ergebnis wäre: %(counts)s.") % {
                "label": self.file_label, "counts": counts}
        return _("%(label)s importiert: %(counts)s.") % {"label": self.file_label,
                                                          "counts": counts}

    def parent_note(self) -> str:
        """Empty, or how many rows found no parent (their Kreis is not in the database)."""
        if not self.without_parent:
            return ""
        return ngettext(
            "%(count)d Verwaltung bleibt ohne übergeordnete Verwaltung, weil deren Kreis "
            "oder Gemeindeverband nicht in der Datenbank steht.",
            "%(count)d Verwaltungen bleiben ohne übergeordnete Verwaltung, weil deren Kreis "
            "oder Gemeindeverband nicht in der Datenbank steht.",
            self.without_parent) % {"count": self.without_parent}


@dataclass
class _Row:
    key: str
    name: str
    kind: str
    population: int
    area_km2: Decimal
    seat: str
    parent_keys: tuple[str, ...]


def administrations_import_csv(*, source: str | Path | TextIO | BinaryIO,
                               dry_run: bool = False) -> AdministrationImportReport:
    """Create or update administrations from a Destatis CSV file (a path, or an open file),
    all rows or none."""
    table = read_csv(source.read()) if hasattr(source, "read") else read_csv_file(source)
    fmt = _detect_format(table.header)
    report = AdministrationImportReport(file_label=fmt.label, dry_run=dry_run)
    rows = list(_parse(table, fmt, report))
    if report.rejected:
        return report
    try:
        with transaction.atomic():
            _write(rows, report)
    except IntegrityError as error:
        raise ImportFileError(_(
            "Die Datenbank hat sich während des Imports geändert (doppelter Schlüssel oder "
            "doppelte Kurzadresse); nichts wurde gespeichert. Bitte erneut versuchen.")) from error
    return report


def _detect_format(fieldnames: list[str]) -> _Format:
    header = {name.lower() for name in fieldnames}
    for fmt in FORMATS:
        if fmt.key_column in header and header.issuperset(fmt.columns):
            return fmt
    raise ImportFileError(_(
        "Unbekanntes Dateiformat. Erwartet wird die Kopfzeile einer Kreis-, Gemeindeverbands- "
        "oder Gemeindedatei mit der Spalte kreis_schluessel, rs_gemeindeverband oder ars "
        "(gefunden: %(header)s).") % {"header": ", ".join(fieldnames)})


def _parse(table: Table, fmt: _Format, report: ImportReport) -> Iterable[_Row]:
    first_line_of_key: dict[str, int] = {}
    # Cells come cleaned of control and bidi characters, which exports could not keep.
    for row_read, values in table.records(report):
        line = row_read.line
        errors: list[str] = []
        row = _parse_row(values, fmt, errors)
        if row and row.key in first_line_of_key:
            errors.append(_("Der Regionalschlüssel %(key)s steht schon in Zeile %(line)d.") % {
                "key": row.key, "line": first_line_of_key[row.key]})
        if errors:
            report.reject(line, " ".join(errors))
            continue
        first_line_of_key[row.key] = line
        yield row


def _parse_row(values: dict[str, str], fmt: _Format, errors: list[str]) -> _Row | None:
    key = values[fmt.key_column]
    _check_key(key, fmt, values, errors)
    name = values["name"]
    if not name:
        errors.append(str(NAME_MISSING))
    typ = values["typ"]
    if typ not in fmt.types:
        errors.append(_("Unbekannter Typ „%(typ)s“; erwartet: %(known)s.") % {
            "typ": typ, "known": ", ".join(fmt.types)})
    population = _parse_population(values["einwohner"], errors)
    area = _parse_area(values["flaeche_km2"], errors)
    seat = values.get("sitz", "")
    if len(seat) > 200:
        errors.append(_("Der Sitz ist länger als 200 Zeichen."))
    if has_line_break(name) or has_line_break(seat):
        errors.append(_("Name und Sitz dürfen keinen Zeilenumbruch enthalten."))
    if errors:
        return None
    kind = _kind(key, name, typ, fmt)
    name = _display_name(name, typ, fmt)
    if len(name) > 200:
        errors.append(_("Der Name ist länger als 200 Zeichen."))
        return None
    if fmt.key_length == 5:
        parent_keys: tuple[str, ...] = ()
    elif fmt.key_length == 9:
        parent_keys = (key[:5],)
    else:
        parent_keys = (key[:9], key[:5])
    return _Row(key, name, kind, population, area, seat, parent_keys)


def _check_key(key: str, fmt: _Format, values: dict[str, str], errors: list[str]) -> None:
    if not key:
        errors.append(_("Der Regionalschlüssel fehlt."))
        return
    if not key.isascii():  # str.isdigit() in the validator also accepts "²" or "７"
        errors.append(_("Regionalschlüssel „%(key)s“: nur die Ziffern 0 bis 9 sind "
                        "erlaubt.") % {"key": key})
        return
    try:
        validate_regional_key(key)
    except ValidationError as error:
        errors.append(_("Regionalschlüssel „%(key)s“: %(reason)s") % {
            "key": key, "reason": " ".join(error.messages)})
        return
    if len(key) != fmt.key_length:
        errors.append(_("In einer Datei der %(label)s hat der Regionalschlüssel %(length)d "
                        "Ziffern; „%(key)s“ hat %(actual)d.") % {
            "label": fmt.label, "length": fmt.key_length, "key": key, "actual": len(key)})
        return
    if fmt.key_length == 5:
        state = values["land_schluessel"]
        if state not in FederalState.values:
            errors.append(_("Der Landesschlüssel „%(state)s“ bezeichnet kein Bundesland.") % {
                "state": state})
            return
    elif fmt.key_length == 9:
        state = key[:2]
        if values["kreis_schluessel"] != key[:5]:
            errors.append(_("Der Kreisschlüssel „%(kreis)s“ passt nicht zum Regionalschlüssel "
                            "%(key)s (erwartet %(expected)s).") % {
                "kreis": values["kreis_schluessel"], "key": key, "expected": key[:5]})
    else:
        state = STATE_BY_NAME.get(values["land"])
        if state is None:
            errors.append(_("Das Land „%(land)s“ ist kein Bundesland.") % {
                "land": values["land"]})
            return
        expected = {"gemeindeverband_rs": key[:9], "kreis_schluessel": key[:5],
                    "ags": key[:5] + key[9:]}
        for column, value in expected.items():
            if values[column] != value:
                errors.append(_("Die Spalte %(column)s („%(actual)s“) passt nicht zum "
                                "Regionalschlüssel %(key)s (erwartet %(expected)s).") % {
                    "column": column, "actual": values[column], "key": key,
                    "expected": value})
    try:
        validate_regional_key_state(key, state)
    except ValidationError as error:
        errors.extend(error.messages)


def _parse_population(value: str, errors: list[str]) -> int:
    population = int_param(value, minimum=0, maximum=MAX_POPULATION)
    if population is None:
        errors.append(_("Die Einwohnerzahl „%(value)s“ ist keine ganze Zahl ab 0.") % {
            "value": value})
        return 0
    return population


def _parse_area(value: str, errors: list[str]) -> Decimal:
    try:
        area = Decimal(value)
    except InvalidOperation:
        area = None
    if area is None or not area.is_finite() or area < 0 or area > MAX_AREA:
        errors.append(_("Die Fläche „%(value)s“ ist keine Zahl von 0 bis 999999.99 "
                        "(Dezimalpunkt, z. B. 576.61).") % {"value": value})
        return Decimal(0)
    return area.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _display_name(name: str, typ: str, fmt: _Format) -> str:
    lower = name.lower()
    if fmt.key_length == 5 and typ in ("Landkreis", "Kreis"):
        return name if "kreis" in lower or "region" in lower else f"{typ} {name}"
    if typ in ASSOCIATION_TYPES:
        names_typ = re.search(rf"\b{typ.lower()}\b", lower)
        abbreviated = lower.startswith(("gvv ", "vvg ")) or "(vgem)" in lower
        return name if names_typ or abbreviated else f"{typ} {name}"
    if name.endswith(", Stadt"):
        return f"Stadt {name.removesuffix(', Stadt')}"
    return name


def _kind(key: str, name: str, typ: str, fmt: _Format) -> str:
    kind = fmt.types[typ]
    if kind is not None:
        return kind
    if fmt.key_length == 9 and key[5:] == "0000":
        return Kind.KREISFREIE_STADT
    suffix = name.rpartition(", ")[2].lower() if ", " in name else ""
    return Kind.STADT if suffix in ("st", "gkst") or "stadt" in suffix else Kind.GEMEINDE


def _write(rows: list[_Row], report: AdministrationImportReport) -> None:
    administrations = Administration.objects.order_by()
    by_key = {a.regional_key: a for a in administrations.exclude(regional_key=None)}
    taken_slugs = set(administrations.values_list("slug", flat=True))
    new, changed = [], []
    fields: set[str] = set()
    for row in rows:
        parent = next((by_key[k] for k in row.parent_keys if k in by_key), None)
        if row.parent_keys and parent is None:
            report.without_parent += 1
        values = {"name": row.name, "kind": row.kind, "federal_state": row.key[:2],
                  "population": row.population, "area_km2": row.area_km2}
        if row.seat:
            values["seat"] = row.seat
        if parent is not None:
            values["parent_id"] = parent.pk
        existing = by_key.get(row.key)
        if existing is None:
            slug = _unique_slug(row.name, row.key, taken_slugs)
            taken_slugs.add(slug)
            new.append(Administration(regional_key=row.key, slug=slug, **values))
            report.created.append(f"{row.name} ({row.key})")
            continue
        differing = {name for name, value in values.items()
                     if getattr(existing, name) != value}
        if not differing:
            report.unchanged += 1
            continue
        for name in differing:
            setattr(existing, name, values[name])
        fields |= differing
        changed.append(existing)
        report.updated.append(f"{row.name} ({row.key})")
    if report.dry_run:
        return
    Administration.objects.bulk_create(new, batch_size=1000)
    if changed:
        fields = {"parent" if name == "parent_id" else name for name in fields}
        Administration.objects.bulk_update(changed, sorted(fields), batch_size=500)


def _unique_slug(name: str, key: str, taken: set[str]) -> str:
    base = slugify(name)[:80].strip("-") or key
    candidate, number = base, 1
    if candidate in taken:
        candidate = f"{base}-{key}"
    while candidate in taken:
        number += 1
        candidate = f"{base}-{key}-{number}"
    return candidate
