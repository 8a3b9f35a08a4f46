"""The status import: every row is checked first (row_checks); only if all are valid are
they saved, in one transaction, through statuses.services.status_save (history with source
"import"). The report lists what was created and changed, field by field."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from common.tabular import ImportFileError, ImportReport, RowError
from members.models import User

from ..enums import Stage, StatusSource
from ..models import Status
from ..statuses.services import TRACKED_FIELDS, status_save
from .columns import COLUMNS, FileLabels, StatusRows, file_labels
from .row_checks import ImportRow, RowChecker

FIELD_COLUMN = {"stage": "stage", "maturity": "maturity", "since": "since",
                "department": "department", "product": "product", "contact_id": "contact",
                "note": "note"}
NEW_STATUS = {"stage": Stage.NOT_PLANNED, "maturity": None, "since": None, "department": "",
              "product": "", "contact_id": None, "note": ""}
MAX_CHANGES_SHOWN = 1000


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


class _RowRefused(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def statuses_import(*, table: StatusRows, by: User) -> StatusImportReport:
    """Check every row; only if all are valid, save them through status_save in one
    transaction (history with source "import"). Otherwise nothing is written."""
    with translation.override(settings.LANGUAGE_CODE):
        report = StatusImportReport()
        rows = RowChecker(table, file_labels()).rows(report)
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


def _write(rows: list[ImportRow], by: User, report: StatusImportReport) -> None:
    # Lock what the import compares against, so the report says what really changed.
    current = {
        (status.administration_id, status.topic_id, status.service_id): status
        for status in Status.objects.select_for_update(of=("self",)).select_related("contact")
        .filter(administration_id__in={row.administration.pk for row in rows})}
    labels = file_labels()
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


def _shown(name: str, value, contact_name: str, labels: FileLabels) -> str:
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
