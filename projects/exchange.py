"""Statuses and the matrix as CSV and XLSX, and the import of statuses in the same format.

The statuses export is the import format: a file exported and imported again unchanged
changes nothing. Every row is checked first; if any row is rejected, nothing is written.
Reading an uploaded file (type by content, encoding, header) is the job of forms_exchange
and common.tabular; a file that cannot be used raises common.tabular.ImportFileError.

Decisions:

- A row is a whole status: an empty cell empties that field. Statuses the file does not
  name stay as they are; an import never deletes.
- The administration is found by Regionalschlüssel (a key whose leading zero a
  spreadsheet dropped is padded again), else by its exact name; when both are given they
  must agree. A topic by Kurzadresse or name in „Thema/OZG-ID“ (else by „Bezeichnung“), an
  OZG service by its ID; a „Bezeichnung“ that names something else rejects the row.
- Stage and maturity by their German label or number, dates as TT.MM.JJJJ or JJJJ-MM-TT,
  a contact by the exact name of a contact of that administration. „zuletzt geändert“ is
  only information and is ignored.
- Row numbers are those a spreadsheet program shows: the header is row 1.
- Cells a spreadsheet would run as a formula get a leading apostrophe on export, in CSV
  and XLSX alike (common.tabular); the import removes it again.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.tabular import ImportFileError, ImportReport, RowError, csv_response, xlsx_response
from members.models import Administration, ContactPerson, User

from .enums import Maturity, Stage, StatusSource
from .models import OzgService, Status, Topic
from .services import TRACKED_FIELDS, status_save

COLUMNS = {
    "administration": gettext_lazy("Verwaltung"),
    "regional_key": gettext_lazy("Regionalschlüssel"),
    "kind": gettext_lazy("Art"),
    "key": gettext_lazy("Thema/OZG-ID"),
    "title": gettext_lazy("Bezeichnung"),
    "stage": gettext_lazy("Stand"),
    "maturity": gettext_lazy("Reifegrad"),
    "since": gettext_lazy("seit"),
    "department": gettext_lazy("zuständige Stelle"),
    "product": gettext_lazy("Produkt/Anbieter"),
    "contact": gettext_lazy("Ansprechperson"),
    "note": gettext_lazy("Notiz"),
    "updated": gettext_lazy("zuletzt geändert"),
}
OPTIONAL_COLUMNS = {"updated"}
STATUS_WIDTHS = (32, 16, 14, 14, 40, 14, 24, 11, 24, 24, 24, 40, 17)
FIELD_COLUMN = {"stage": "stage", "maturity": "maturity", "since": "since",
                "department": "department", "product": "product", "contact_id": "contact",
                "note": "note"}
NEW_STATUS = {"stage": Stage.NOT_PLANNED, "maturity": None, "since": None, "department": "",
              "product": "", "contact_id": None, "note": ""}
TEXT_LIMITS = {"department": 200, "product": 200}

MAX_CHANGES_SHOWN = 1000
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class _Labels:
    """Every word a file holds, translated once (streamed rows are written after the view
    has returned, outside its language)."""

    header: list[str]
    topic: str
    service: str
    stages: dict[int, str]
    maturities: dict[int, str]


def _labels() -> _Labels:
    with translation.override(settings.LANGUAGE_CODE):
        return _Labels(header=[str(label) for label in COLUMNS.values()],
                       topic=_("Thema"), service=_("OZG-Leistung"),
                       stages={value: str(label) for value, label in Stage.choices},
                       maturities={value: str(label) for value, label in Maturity.choices})


# Exports ----------------------------------------------------------------------------------

@dataclass
class Export:
    """A table for download; the rows are read lazily while the file is written."""

    title: str
    header: list[str]
    rows: Iterator[list]
    widths: tuple[int, ...]


def export_filename(stem: str, extension: str) -> str:
    return f"{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"


def statuses_for_export(*, topic_group: str = "", administration_kind: str = ""
                        ) -> QuerySet[Status]:
    """Every status in file order with what a row shows joined in (one query however many)."""
    statuses = Status.objects.select_related("administration", "topic", "service", "contact")
    if topic_group:
        statuses = statuses.filter(topic__group=topic_group)
    if administration_kind:
        statuses = statuses.filter(administration__kind=administration_kind)
    return statuses.only(
        "stage", "maturity", "since", "department", "product", "note", "updated_at",
        "administration", "administration__name", "administration__regional_key",
        "topic", "topic__slug", "topic__name", "service", "service__ozg_id", "service__name",
        "contact", "contact__name",
    ).order_by("administration__name", "administration_id",
               F("service__ozg_id").asc(nulls_first=True), "topic__group", "topic__order",
               "topic__name", "pk")


def _status_row(status: Status, labels: _Labels) -> list:
    if status.topic_id:
        kind, key, title = labels.topic, status.topic.slug, status.topic.name
    else:
        kind, key, title = labels.service, status.service.ozg_id, status.service.name
    return [status.administration.name, status.administration.regional_key or "", kind, key,
            title, labels.stages[status.stage], labels.maturities.get(status.maturity, ""),
            status.since, status.department, status.product,
            status.contact.name if status.contact_id else "", status.note,
            timezone.localtime(status.updated_at).replace(tzinfo=None, microsecond=0)]


def _status_rows(statuses: QuerySet[Status], labels: _Labels) -> Iterator[list]:
    for status in statuses.iterator(chunk_size=CHUNK_SIZE):
        yield _status_row(status, labels)


def statuses_export(**filters: str) -> Export:
    labels = _labels()
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Sachstände")
    return Export(title, labels.header, _status_rows(statuses_for_export(**filters), labels),
                  STATUS_WIDTHS)


def _matrix(topic_group: str = "", administration_kind: str = ""
            ) -> tuple[list[str], Iterator[list]]:
    """Current members (rows) by active topics (columns), each cell the stage label."""
    labels = _labels()
    topics = Topic.objects.filter(is_active=True)
    administrations = Administration.objects.current()
    if topic_group:
        topics = topics.filter(group=topic_group)
    if administration_kind:
        administrations = administrations.filter(kind=administration_kind)
    topics = list(topics.only("pk", "name"))
    administrations = administrations.only("pk", "name", "regional_key").order_by("name", "pk")
    statuses = (Status.objects.filter(topic__in=topics, administration__in=administrations)
                .order_by("administration__name", "administration_id")
                .values_list("administration_id", "topic_id", "stage"))
    header = labels.header[:2] + [topic.name for topic in topics]
    return header, _matrix_rows(administrations, statuses, topics, labels)


def _matrix_rows(administrations, statuses, topics, labels: _Labels) -> Iterator[list]:
    # Both cursors run in the same order, so each administration's statuses come next.
    groups = groupby(statuses.iterator(chunk_size=CHUNK_SIZE), key=itemgetter(0))
    pending = next(groups, None)
    for administration in administrations.iterator(chunk_size=CHUNK_SIZE):
        stages: dict[int, int] = {}
        if pending is not None and pending[0] == administration.pk:
            stages = {topic_id: stage for _admin, topic_id, stage in pending[1]}
            pending = next(groups, None)
        yield [administration.name, administration.regional_key or "",
               *(labels.stages[stages[t.pk]] if t.pk in stages else "" for t in topics)]


def matrix_export(**filters: str) -> Export:
    header, rows = _matrix(**filters)
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Matrix")
    return Export(title, header, rows, (32, 16, *[16] * (len(header) - 2)))


def export_response(export: Export, filename: str, extension: str):
    """The download; every cell, header and title passes the formula guard of
    common.tabular."""
    if extension == "xlsx":
        return xlsx_response(filename, export.title, export.header, export.rows, export.widths)
    return csv_response(filename, export.header, export.rows, stream=True)


# What an upload holds ----------------------------------------------------------------------

@dataclass
class StatusRows:
    """The cells of an uploaded file by column key (see COLUMNS), each row with its
    spreadsheet row number (forms_exchange reads them through common.tabular)."""

    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


# Checking and writing ---------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    administration: str
    subject: str
    field: str
    before: str
    after: str


@dataclass
class StatusImportReport(ImportReport):
    """Created and updated: "administration: subject" each; every changed field in
    `changes`."""

    changes: list[Change] = field(default_factory=list)

    def summary(self) -> str:
        return _("%(created)d neu angelegt, %(changed)d geändert, %(unchanged)d "
                 "unverändert.") % {"created": len(self.created), "changed": len(self.updated),
                                    "unchanged": self.unchanged}

    @property
    def changes_shown(self) -> list[Change]:
        return self.changes[:MAX_CHANGES_SHOWN]

    @property
    def changes_hidden(self) -> int:
        return max(0, len(self.changes) - MAX_CHANGES_SHOWN)


@dataclass
class _Row:
    line: int
    administration: Administration
    topic: Topic | None
    service: OzgService | None
    fields: dict
    contact_name: str

    @property
    def subject(self) -> str:
        return self.topic.name if self.topic else str(self.service)

    @property
    def key(self) -> tuple[int, int | None, int | None]:
        return (self.administration.pk, self.topic.pk if self.topic else None,
                self.service.pk if self.service else None)


class _RowRefused(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def statuses_import(*, table: StatusRows, by: User) -> StatusImportReport:
    """Check every row; only if all are valid, save them through status_save in one
    transaction (history with source "import"). Otherwise nothing is written."""
    with translation.override(settings.LANGUAGE_CODE):
        report = StatusImportReport()
        rows = _Checker(table, _labels()).rows(report)
        if report.rejected:
            return report
        try:
            with transaction.atomic():
                _write(rows, by, report)
        except _RowRefused as refused:
            return StatusImportReport(rejected=[RowError(refused.line, refused.reason)])
        except IntegrityError as error:
            raise ImportFileError(_(
                "Die Sachstände wurden während des Imports anderweitig geändert; nichts wurde "
                "gespeichert. Bitte erneut versuchen.")) from error
    return report


def _cell(cells: dict[str, object], key: str) -> str:
    value = cells.get(key, "")
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def _short_key(key: str) -> bool:
    """A key a spreadsheet read as a number and so lost its leading zero."""
    return key.isdigit() and len(key) in (4, 8, 11)


def _unique(candidates: list, error: str, ambiguous: str, errors: list[str]):
    if len(candidates) == 1:
        return candidates[0]
    errors.append(ambiguous if candidates else error)
    return None


class _Checker:
    """Looks up everything the rows name in a few queries, then checks row by row."""

    def __init__(self, table: StatusRows, labels: _Labels):
        self.table, self.labels = table, labels
        keys, names, ozg_ids = set(), set(), set()
        for _line, cells in table.rows:
            key = _cell(cells, "regional_key")
            keys |= {key, "0" + key} if _short_key(key) else {key}
            names.add(_cell(cells, "administration"))
            ozg_id = _cell(cells, "key")
            if ozg_id.isascii() and ozg_id.isdigit() and len(ozg_id) < 10:
                ozg_ids.add(int(ozg_id))
        administrations = list(Administration.objects.filter(
            Q(regional_key__in=keys - {""}) | Q(name__in=names - {""})))
        self.by_key = {a.regional_key: a for a in administrations if a.regional_key}
        self.by_name: dict[str, list[Administration]] = {}
        for administration in administrations:
            self.by_name.setdefault(administration.name, []).append(administration)
        topics = list(Topic.objects.all())
        self.topic_by_slug = {topic.slug: topic for topic in topics}
        self.topics_by_name: dict[str, list[Topic]] = {}
        for topic in topics:
            self.topics_by_name.setdefault(topic.name, []).append(topic)
        self.services = {s.ozg_id: s for s in OzgService.objects.filter(ozg_id__in=ozg_ids)}
        self.contacts: dict[tuple[int, str], list[ContactPerson]] = {}
        for contact in ContactPerson.objects.filter(administration__in=administrations):
            self.contacts.setdefault((contact.administration_id, contact.name), []).append(
                contact)
        self.stages = self._choices(labels.stages)
        self.maturities = self._choices(labels.maturities)
        for value, label in labels.maturities.items():  # "Online-Leistung" without "3 – "
            self.maturities[label.split("–", 1)[-1].strip().casefold()] = value
        self.kinds = {labels.topic.casefold(): "topic", labels.service.casefold(): "service",
                      "ozg": "service"}

    @staticmethod
    def _choices(labels: dict[int, str]) -> dict[str, int]:
        found = {label.casefold(): value for value, label in labels.items()}
        found.update({label.replace("–", "-").casefold(): value
                      for value, label in labels.items()})
        found.update({str(value): value for value in labels})
        return found

    def rows(self, report: StatusImportReport) -> list[_Row]:
        rows: list[_Row] = []
        first_line: dict[tuple, int] = {}
        for line, cells in self.table.rows:
            errors: list[str] = []
            row = self._row(line, cells, errors)
            if row and row.key in first_line:
                errors.append(_("%(administration)s und „%(subject)s“ stehen schon in Zeile "
                                "%(line)d.") % {"administration": row.administration.name,
                                                "subject": row.subject,
                                                "line": first_line[row.key]})
            if errors:
                report.reject(line, " ".join(errors))
                continue
            first_line[row.key] = line
            rows.append(row)
        return rows

    def _row(self, line: int, cells: dict[str, object], errors: list[str]) -> _Row | None:
        administration = self._administration(cells, errors)
        topic, service = self._subject(cells, errors)
        fields = {
            "stage": self._choice(cells, "stage", self.stages, self.labels.stages, errors),
            "maturity": self._choice(cells, "maturity", self.maturities,
                                     self.labels.maturities, errors),
            "since": self._date(cells, errors),
            "note": _cell(cells, "note"),
        }
        if not _cell(cells, "stage"):
            errors.append(_("Der Stand fehlt."))
        if topic is not None and fields["maturity"] is not None:
            errors.append(_("Einen Reifegrad gibt es nur für OZG-Leistungen, nicht für "
                            "Themen."))
        for name, limit in TEXT_LIMITS.items():
            fields[name] = _cell(cells, name)
            if len(fields[name]) > limit:
                errors.append(_("„%(column)s“ ist länger als %(limit)d Zeichen.") % {
                    "column": COLUMNS[name], "limit": limit})
        contact_name = _cell(cells, "contact")
        fields["contact_id"] = None
        if contact_name and administration is not None:
            contact = _unique(
                self.contacts.get((administration.pk, contact_name), []),
                _("Bei %(administration)s gibt es keine Ansprechperson „%(name)s“.") % {
                    "administration": administration.name, "name": contact_name},
                _("Bei %(administration)s heißen mehrere Ansprechpersonen „%(name)s“.") % {
                    "administration": administration.name, "name": contact_name},
                errors)
            fields["contact_id"] = contact.pk if contact else None
        if errors:
            return None
        return _Row(line, administration, topic, service, fields, contact_name)

    def _administration(self, cells: dict[str, object], errors: list[str]
                        ) -> Administration | None:
        key, name = _cell(cells, "regional_key"), _cell(cells, "administration")
        if key:
            found = self.by_key.get(key) or (self.by_key.get("0" + key)
                                             if _short_key(key) else None)
            if found is None:
                errors.append(_("Keine Verwaltung hat den Regionalschlüssel „%(key)s“.") % {
                    "key": key})
            elif name and name != found.name:
                errors.append(_("Der Regionalschlüssel %(key)s gehört zu „%(actual)s“, nicht "
                                "zu „%(name)s“.") % {"key": found.regional_key,
                                                    "actual": found.name, "name": name})
                return None
            return found
        if not name:
            errors.append(_("Die Verwaltung fehlt (Regionalschlüssel oder Name)."))
            return None
        return _unique(self.by_name.get(name, []),
                       _("Keine Verwaltung heißt „%(name)s“.") % {"name": name},
                       _("Mehrere Verwaltungen heißen „%(name)s“; bitte den "
                         "Regionalschlüssel angeben.") % {"name": name}, errors)

    def _subject(self, cells: dict[str, object], errors: list[str]
                 ) -> tuple[Topic | None, OzgService | None]:
        kind_text, key, title = (_cell(cells, "kind"), _cell(cells, "key"),
                                 _cell(cells, "title"))
        kind = self.kinds.get(kind_text.casefold())
        if kind is None:
            errors.append(_("Die Art „%(kind)s“ ist unbekannt; erwartet wird „%(topic)s“ "
                            "oder „%(service)s“.") % {"kind": kind_text,
                                                     "topic": self.labels.topic,
                                                     "service": self.labels.service})
            return None, None
        if kind == "service":
            if not (key.isascii() and key.isdigit()):
                errors.append(_("Die OZG-ID „%(key)s“ ist keine Zahl.") % {"key": key})
                return None, None
            service = self.services.get(int(key)) if len(key) < 10 else None
            if service is None:
                errors.append(_("Keine OZG-Leistung hat die ID %(key)s.") % {"key": key})
            elif title and title != service.name:
                errors.append(_("Die OZG-Leistung %(key)s heißt „%(actual)s“, nicht "
                                "„%(title)s“.") % {"key": key, "actual": service.name,
                                                  "title": title})
                service = None
            return None, service
        wanted = key or title
        if not wanted:
            errors.append(_("Das Thema fehlt (Kurzadresse oder Name)."))
            return None, None
        topic = self.topic_by_slug.get(wanted) or _unique(
            self.topics_by_name.get(wanted, []),
            _("Kein Thema hat die Kurzadresse oder den Namen „%(key)s“.") % {"key": wanted},
            _("Mehrere Themen heißen „%(key)s“; bitte die Kurzadresse angeben.") % {
                "key": wanted}, errors)
        if topic is not None and title and title != topic.name:
            errors.append(_("Das Thema „%(key)s“ heißt „%(actual)s“, nicht „%(title)s“.") % {
                "key": wanted, "actual": topic.name, "title": title})
            topic = None
        return topic, None

    @staticmethod
    def _choice(cells: dict[str, object], column: str, known: dict[str, int],
                labels: dict[int, str], errors: list[str]) -> int | None:
        text = _cell(cells, column)
        if not text:
            return None
        value = known.get(" ".join(text.split()).casefold())
        if value is None:
            errors.append(_("„%(value)s“ ist kein gültiger Wert für „%(column)s“; erwartet: "
                            "%(known)s (oder die Zahl %(low)d bis %(high)d).") % {
                "value": text, "column": COLUMNS[column],
                "known": ", ".join(labels.values()), "low": min(labels),
                "high": max(labels)})
        return value

    @staticmethod
    def _date(cells: dict[str, object], errors: list[str]) -> date | None:
        value = cells.get("since", "")
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value)
        if not text:
            return None
        for parse in (lambda t: datetime.strptime(t, "%d.%m.%Y").date(), date.fromisoformat):
            try:
                return parse(text)
            except ValueError:
                continue
        errors.append(_("„%(value)s“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).") % {
            "value": text})
        return None


def _write(rows: list[_Row], by: User, report: StatusImportReport) -> None:
    # Lock what the import compares against, so the report says what really changed.
    current = {
        (status.administration_id, status.topic_id, status.service_id): status
        for status in Status.objects.select_for_update(of=("self",)).select_related("contact")
        .filter(administration_id__in={row.administration.pk for row in rows})}
    labels = _labels()
    for row in rows:
        status = current.get(row.key)
        before = {name: getattr(status, name) for name in TRACKED_FIELDS} if status else NEW_STATUS
        for name in ("department", "product", "note"):
            # XLSX stores line breaks as "\n"; a browser form sends "\r\n". Same text.
            if _lines(before[name]) == _lines(row.fields[name]):
                row.fields[name] = before[name]
        changed = [name for name in TRACKED_FIELDS if before[name] != row.fields[name]]
        if status is not None and not changed:
            report.unchanged += 1
            continue
        try:
            status_save(administration=row.administration, by=by, fields=row.fields,
                        topic=row.topic, service=row.service, expected_version=None,
                        source=StatusSource.IMPORT)
        except PermissionDenied as error:
            raise _RowRefused(row.line, _("Sie dürfen die Sachstände von %(name)s nicht "
                                          "ändern.") % {"name": row.administration}) from error
        except ValidationError as error:
            raise _RowRefused(row.line, " ".join(error.messages)) from error
        label = f"{row.administration.name}: {row.subject}"
        if status is None:
            report.created.append(label)
            changed = ["stage", *(name for name in changed if name != "stage")]
        else:
            report.updated.append(label)
        old_contact = status.contact.name if status and status.contact_id else ""
        for name in changed:
            shown_before = ("–" if status is None else
                            _shown(name, before[name], old_contact, labels))
            report.changes.append(Change(
                row.administration.name, row.subject, str(COLUMNS[FIELD_COLUMN[name]]),
                shown_before, _shown(name, row.fields[name], row.contact_name, labels)))


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _shown(name: str, value, contact_name: str, labels: _Labels) -> str:
    if value is None or value == "":
        return "–"
    if name == "stage":
        return labels.stages[value]
    if name == "maturity":
        return labels.maturities[value]
    if name == "since":
        return f"{value:%d.%m.%Y}"
    if name == "contact_id":
        return contact_name
    return str(value)
