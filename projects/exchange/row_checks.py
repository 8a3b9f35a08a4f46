"""Checking the rows of an uploaded statuses file: everything the rows name is looked up in
a few queries, then each row is checked on its own (the decisions are in the package
docstring)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from common.tabular import ImportReport
from members.models import Administration, ContactPerson

from ..models import OzgService, Topic
from .columns import COLUMNS, FileLabels, StatusRows

TEXT_LIMITS = {"department": 200, "product": 200}


@dataclass
class ImportRow:
    """A row that passed every check: what status_save gets for it."""

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


def cell_text(cells: dict[str, object], key: str) -> str:
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


class RowChecker:
    """Looks up everything the rows name in a few queries, then checks row by row."""

    def __init__(self, table: StatusRows, labels: FileLabels):
        self.table, self.labels = table, labels
        keys, names, ozg_ids = set(), set(), set()
        for _line, cells in table.rows:
            key = cell_text(cells, "regional_key")
            keys |= {key, "0" + key} if _short_key(key) else {key}
            names.add(cell_text(cells, "administration"))
            ozg_id = cell_text(cells, "key")
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
        for contact in ContactPerson.objects.present().filter(administration__in=administrations):
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

    def rows(self, report: ImportReport) -> list[ImportRow]:
        rows: list[ImportRow] = []
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

    def _row(self, line: int, cells: dict[str, object], errors: list[str]) -> ImportRow | None:
        administration = self._administration(cells, errors)
        topic, service = self._subject(cells, errors)
        fields = {
            "stage": self._choice(cells, "stage", self.stages, self.labels.stages, errors),
            "maturity": self._choice(cells, "maturity", self.maturities,
                                     self.labels.maturities, errors),
            "since": self._date(cells, errors),
            "note": cell_text(cells, "note"),
        }
        if not cell_text(cells, "stage"):
            errors.append(_("Der Stand fehlt."))
        if topic is not None and fields["maturity"] is not None:
            errors.append(_("Einen Reifegrad gibt es nur für OZG-Leistungen, nicht für "
                            "Themen."))
        for name, limit in TEXT_LIMITS.items():
            fields[name] = cell_text(cells, name)
            if len(fields[name]) > limit:
                errors.append(_("„%(column)s“ ist länger als %(limit)d Zeichen.") % {
                    "column": COLUMNS[name], "limit": limit})
        contact_name = cell_text(cells, "contact")
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
        return ImportRow(line, administration, topic, service, fields, contact_name)

    def _administration(self, cells: dict[str, object], errors: list[str]
                        ) -> Administration | None:
        key, name = cell_text(cells, "regional_key"), cell_text(cells, "administration")
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
        kind_text, key, title = (cell_text(cells, "kind"), cell_text(cells, "key"),
                                 cell_text(cells, "title"))
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
        text = cell_text(cells, column)
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
