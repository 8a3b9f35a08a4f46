"""Write functions of statuses: one status with its history and the summary counts, and the
recount of every summary. Every status change of the app (form, survey, import, demo)
goes through status_save."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from members.models import Administration, User

from ..enums import StatusSource
from ..models import (
    MaturityCount,
    OzgService,
    StageChangeMonth,
    StageCount,
    Status,
    StatusChange,
    Topic,
)
from .freshness import all_statuses_changed
from .history_summaries import month_changes_rebuild

TRACKED_FIELDS = ["stage", "maturity", "since", "department", "product", "contact_id", "note"]


class StatusConflict(Exception):
    """Someone else saved the status after this edit started; nothing was written."""

    def __init__(self, current: Status):
        super().__init__("status changed meanwhile")
        self.current = current


def _json(value):
    return value.isoformat() if isinstance(value, date) else value


def _bump_stages(rows: list[tuple[str, int, int, int]]) -> None:
    """Add (scope, scope_id, stage, delta) rows to the stage counts in one statement that
    is safe under concurrency: a missing row is inserted, an existing one incremented."""
    if not rows:
        return
    table = StageCount._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (scope, scope_id, stage, count) VALUES {values} "  # noqa: S608
            f"ON CONFLICT (scope, scope_id, stage) DO UPDATE SET count = {table}.count "
            "+ EXCLUDED.count", [value for row in rows for value in row])


def _bump_maturities(rows: list[tuple[int, int, int]]) -> None:
    if not rows:
        return
    table = MaturityCount._meta.db_table
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (themenfeld_id, maturity, count) VALUES {values} "  # noqa: S608
            f"ON CONFLICT (themenfeld_id, maturity) DO UPDATE SET count = {table}.count "
            "+ EXCLUDED.count", [value for row in rows for value in row])


def _bump_months(rows: list[tuple[str, int, int, int]]) -> None:
    """Add (scope, scope_id, stage, delta) rows to this month's stage changes."""
    if not rows:
        return
    month = timezone.localdate().replace(day=1)
    table = StageChangeMonth._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (scope, scope_id, month, stage, change) "  # noqa: S608
            f"VALUES {values} ON CONFLICT (scope, scope_id, month, stage) DO UPDATE "
            f"SET change = {table}.change + EXCLUDED.change",
            [value for scope, scope_id, stage, delta in rows
             for value in (scope, scope_id, month, stage, delta)])


def _scopes(status: Status) -> list[tuple[str, int]]:
    if status.topic_id:
        subject = [(StageCount.Scope.NETWORK_TOPICS, 0), (StageCount.Scope.TOPIC, status.topic_id)]
    else:
        subject = [(StageCount.Scope.NETWORK_SERVICES, 0),
                   (StageCount.Scope.SERVICE, status.service_id)]
    return [*subject, (StageCount.Scope.ADMINISTRATION, status.administration_id)]


def _update_summaries(status: Status, old_stage: int | None, old_maturity: int | None,
                      themenfeld_id: int | None) -> None:
    if old_stage != status.stage:
        rows = [(scope, scope_id, status.stage, 1) for scope, scope_id in _scopes(status)]
        if old_stage is not None:
            rows += [(scope, scope_id, old_stage, -1) for scope, scope_id in _scopes(status)]
        _bump_stages(rows)
        _bump_months([row for row in rows if row[0] in StageChangeMonth.SCOPES])
    if themenfeld_id and old_maturity != status.maturity:
        rows = []
        if old_maturity is not None:
            rows.append((themenfeld_id, old_maturity, -1))
        if status.maturity is not None:
            rows.append((themenfeld_id, status.maturity, 1))
        _bump_maturities(rows)


def status_save(
    *, administration: Administration, by: User, fields: dict,
    topic: Topic | None = None, service: OzgService | None = None,
    expected_version: int | None = None, source: str = StatusSource.FORM,
) -> Status:
    """Create or change one status, keep its history and the summary counts.

    `expected_version` is the version the editor saw; if someone saved in between,
    StatusConflict is raised and nothing is written (None skips the check, e.g. imports).
    """
    permission_check(by, "projects.change_status", administration)
    if (topic is None) == (service is None):
        raise ValueError("exactly one of topic and service")
    with transaction.atomic():
        lookup = {"topic": topic} if topic else {"service": service}
        status = (Status.objects.select_for_update()
                  .filter(administration=administration, **lookup).first())
        is_new = status is None
        if is_new:
            status = Status(administration=administration, version=0, **lookup)
        elif expected_version is not None and status.version != expected_version:
            raise StatusConflict(status)
        old = {name: getattr(status, name) for name in TRACKED_FIELDS}
        for name, value in fields.items():
            setattr(status, name, value)
        if topic is not None and status.maturity is not None:
            raise ValidationError(_("Ein Reifegrad gibt es nur für OZG-Leistungen."))
        # Uniqueness and the check constraints are enforced by the database and the lock above.
        status.full_clean(exclude=["administration", "topic", "service", "version"],
                          validate_unique=False, validate_constraints=False)
        changes = {name: [_json(old[name]), _json(getattr(status, name))]
                   for name in TRACKED_FIELDS if old[name] != getattr(status, name)}
        if not changes and not is_new:
            return status
        status.version += 1
        status.updated_by = by
        try:
            with transaction.atomic():
                status.save()
        except IntegrityError:
            # Someone created the same status a moment earlier: treat it as a conflict.
            current = Status.objects.get(administration=administration, **lookup)
            raise StatusConflict(current) from None
        StatusChange.objects.create(status=status, changed_by=by, source=source,
                                    changes=changes)
        _update_summaries(status, None if is_new else old["stage"],
                          None if is_new else old["maturity"],
                          service.themenfeld_id if service else None)
    return status


def summaries_rebuild() -> None:
    """Recount every summary from the statuses and their history (for repairs and after
    bulk loads)."""
    stage_table, status_table = StageCount._meta.db_table, Status._meta.db_table
    maturity_table = MaturityCount._meta.db_table
    service_table = OzgService._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {stage_table}")  # noqa: S608
        cursor.execute(f"DELETE FROM {maturity_table}")  # noqa: S608
        for scope, column, condition in [
            ("network_topics", "0", "topic_id IS NOT NULL"),
            ("network_services", "0", "service_id IS NOT NULL"),
            ("topic", "topic_id", "topic_id IS NOT NULL"),
            ("service", "service_id", "service_id IS NOT NULL"),
            ("administration", "administration_id", "TRUE"),
        ]:
            cursor.execute(
                f"INSERT INTO {stage_table} (scope, scope_id, stage, count) "  # noqa: S608
                f"SELECT %s, {column}, stage, COUNT(*) FROM {status_table} "
                f"WHERE {condition} GROUP BY 2, stage", [scope])
        cursor.execute(
            f"INSERT INTO {maturity_table} (themenfeld_id, maturity, count) "  # noqa: S608
            f"SELECT s.themenfeld_id, st.maturity, COUNT(*) FROM {status_table} st "
            f"JOIN {service_table} s ON s.id = st.service_id "
            "WHERE st.maturity IS NOT NULL GROUP BY s.themenfeld_id, st.maturity")
        month_changes_rebuild(cursor)
        all_statuses_changed()
