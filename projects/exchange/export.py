"""Downloads of statuses and the matrix as CSV and XLSX; rows are read lazily while the file
is written, so a download of every status stays within a few chunks of memory."""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.tabular import csv_response, xlsx_response
from members.models import Administration

from ..models import Status, Topic
from .columns import FileLabels, file_labels

STATUS_WIDTHS = (32, 16, 14, 14, 40, 14, 24, 11, 24, 24, 24, 40, 17)
CHUNK_SIZE = 2000


@dataclass
class Export:
    """A table for download; the rows are read lazily while the file is written."""

    title: str
    header: list[str]
    rows: Iterator[list]
    widths: tuple[int, ...]


def export_filename(stem: str, extension: str) -> str:
    return f"{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _members_filtered(administrations: QuerySet[Administration], *,
                      administration_kind: str = "", working_group=None,
                      administration=None) -> QuerySet[Administration]:
    """The rows of a download, by the filters of the matrix page (and one member)."""
    if administration_kind:
        administrations = administrations.filter(kind=administration_kind)
    if working_group is not None:
        administrations = administrations.filter(working_groups=working_group)
    if administration is not None:
        administrations = administrations.filter(pk=administration.pk)
    return administrations


def statuses_for_export(*, topic_group: str = "", administration_kind: str = "",
                        working_group=None, administration=None) -> QuerySet[Status]:
    """Every status in file order with what a row shows joined in (one query however many)."""
    statuses = Status.objects.select_related("administration", "topic", "service", "contact")
    if topic_group:
        # The topic group chooses topic columns; OZG services have none and drop out.
        statuses = statuses.filter(topic__group=topic_group)
    if administration_kind or working_group is not None or administration is not None:
        statuses = statuses.filter(administration__in=_members_filtered(
            Administration.objects.all(), administration_kind=administration_kind,
            working_group=working_group, administration=administration).values("pk"))
    return statuses.only(
        "stage", "maturity", "since", "department", "product", "note", "updated_at",
        "administration", "administration__name", "administration__regional_key",
        "topic", "topic__slug", "topic__name", "service", "service__ozg_id", "service__name",
        "contact", "contact__name",
    ).order_by("administration__name", "administration_id",
               F("service__ozg_id").asc(nulls_first=True), "topic__group", "topic__order",
               "topic__name", "pk")


def _status_row(status: Status, labels: FileLabels) -> list:
    if status.topic_id:
        kind, key, title = labels.topic, status.topic.slug, status.topic.name
    else:
        kind, key, title = labels.service, status.service.ozg_id, status.service.name
    return [status.administration.name, status.administration.regional_key or "", kind, key,
            title, labels.stages[status.stage], labels.maturities.get(status.maturity, ""),
            status.since, status.department, status.product,
            status.contact.name if status.contact_id else "", status.note,
            timezone.localtime(status.updated_at).replace(tzinfo=None, microsecond=0)]


def _status_rows(statuses: QuerySet[Status], labels: FileLabels) -> Iterator[list]:
    for status in statuses.iterator(chunk_size=CHUNK_SIZE):
        yield _status_row(status, labels)


def statuses_export(**filters) -> Export:
    labels = file_labels()
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Sachstände")
    return Export(title, labels.header, _status_rows(statuses_for_export(**filters), labels),
                  STATUS_WIDTHS)


def _matrix(topic_group: str = "", **member_filters) -> tuple[list[str], Iterator[list]]:
    """Current members (rows) by active topics (columns), each cell the stage label; the
    same rows and columns as the matrix page with the same filters."""
    labels = file_labels()
    topics = Topic.objects.filter(is_active=True)
    administrations = _members_filtered(Administration.objects.current(), **member_filters)
    if topic_group:
        topics = topics.filter(group=topic_group)
    topics = list(topics.only("pk", "name"))
    administrations = administrations.only("pk", "name", "regional_key").order_by("name", "pk")
    statuses = (Status.objects.filter(topic__in=topics, administration__in=administrations)
                .order_by("administration__name", "administration_id")
                .values_list("administration_id", "topic_id", "stage"))
    header = labels.header[:2] + [topic.name for topic in topics]
    return header, _matrix_rows(administrations, statuses, topics, labels)


def _matrix_rows(administrations, statuses, topics, labels: FileLabels) -> Iterator[list]:
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


def matrix_export(**filters) -> Export:
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
