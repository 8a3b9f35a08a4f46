"""Read functions of one administration's statuses: the edit page, the history, the
administration page's section; shaped for their templates (constant query counts)."""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from members.models import Administration, ContactPerson

from ..enums import Maturity, Stage
from ..models import OzgService, Status, StatusChange, Topic
from .services import TRACKED_FIELDS

PRODUCT_SUGGESTIONS = 50
HISTORY_PER_PAGE = 25
EMPTY = "–"


@dataclass
class MemberStatuses:
    topics: list[Status]
    service_count: int
    missing_topics: list[Topic]


@dataclass
class ChangeRow:
    label: str
    old: str
    new: str


@dataclass
class ComparisonRow:
    label: str
    theirs: str
    yours: str
    differs: bool


def _subject(topic: Topic | None, service: OzgService | None) -> dict:
    if (topic is None) == (service is None):
        raise ValueError("exactly one of topic and service")
    return {"topic": topic} if topic is not None else {"service": service}


def status_for(*, administration: Administration, topic: Topic | None = None,
               service: OzgService | None = None) -> Status | None:
    """The administration's status on one topic or OZG service, None if not yet recorded."""
    return (Status.objects.select_related("updated_by")
            .filter(administration=administration, **_subject(topic, service)).first())


def status_product_suggestions(*, administration: Administration, topic: Topic | None = None,
                               service: OzgService | None = None) -> list[str]:
    """Products other members entered for the same topic or service, most used first."""
    return list(
        Status.objects.filter(**_subject(topic, service))
        .exclude(administration=administration).exclude(product="")
        .values("product").annotate(uses=Count("pk")).order_by("-uses", "product")
        .values_list("product", flat=True)[:PRODUCT_SUGGESTIONS]
    )


def member_statuses(*, administration: Administration,
                    with_missing_topics: bool = False) -> MemberStatuses:
    """An administration's topic statuses, its number of OZG statuses and (for editors)
    the active topics it has no status on yet."""
    topics = list(
        Status.objects.filter(administration=administration, topic__isnull=False)
        .select_related("topic", "contact")
        .order_by("topic__group", "topic__order", "topic__name")
    )
    service_count = Status.objects.filter(administration=administration,
                                          service__isnull=False).count()
    missing = []
    if with_missing_topics:
        missing = list(Topic.objects.filter(is_active=True)
                       .exclude(statuses__administration=administration))
    return MemberStatuses(topics=topics, service_count=service_count, missing_topics=missing)


def service_statuses_of(*, administration: Administration) -> QuerySet[Status]:
    """The administration's OZG statuses in catalogue order."""
    return (Status.objects.filter(administration=administration, service__isnull=False)
            .select_related("service", "contact").order_by("service__ozg_id"))


def _label(field: str) -> str:
    name = "contact" if field == "contact_id" else field
    return capfirst(str(Status._meta.get_field(name).verbose_name))


def _display(field: str, value, contact_names: dict[int, str]) -> str:
    """A stored or typed value as the page shows it (labels instead of numbers)."""
    if value is None or value == "":
        return EMPTY
    if field == "stage":
        return str(Stage(value).label)
    if field == "maturity":
        return str(Maturity(value).label)
    if field == "since":
        return date_format(date.fromisoformat(value) if isinstance(value, str) else value,
                           "d.m.Y")
    if field == "contact_id":
        return contact_names.get(value, _("entfernte Ansprechperson"))
    if isinstance(value, ContactPerson):
        return value.name
    return str(value)


def _with_rows(changes: list[StatusChange]) -> list[StatusChange]:
    contact_ids = {value for change in changes
                   for value in change.changes.get("contact_id", []) if value}
    names = dict(ContactPerson.objects.filter(pk__in=contact_ids).values_list("pk", "name"))
    for change in changes:
        change.rows = [ChangeRow(label=_label(field),
                                 old=_display(field, change.changes[field][0], names),
                                 new=_display(field, change.changes[field][1], names))
                       for field in TRACKED_FIELDS if field in change.changes]
    return changes


def _changes() -> QuerySet[StatusChange]:
    return StatusChange.objects.select_related("status__topic", "status__service", "changed_by")


def status_history_page(*, administration: Administration, page: str | int | None) -> Page:
    """One page of the changes to all statuses of an administration, newest first."""
    result = Paginator(_changes().filter(status__administration=administration),
                       HISTORY_PER_PAGE).get_page(page)
    result.object_list = _with_rows(list(result.object_list))
    return result


def status_changes_recent(*, status: Status | None, limit: int = 5) -> list[StatusChange]:
    """The latest changes of one status, newest first."""
    if status is None:
        return []
    return _with_rows(list(_changes().filter(status=status)[:limit]))


def status_comparison(*, current: Status, typed: dict) -> list[ComparisonRow]:
    """Field by field: what someone else saved meanwhile next to what the user typed."""
    names = {current.contact_id: current.contact.name} if current.contact_id else {}
    rows = []
    for field, value in typed.items():
        theirs = getattr(current, field)
        if field == "contact":
            theirs = current.contact
        rows.append(ComparisonRow(
            label=_label(field), theirs=_display(field, theirs, names),
            yours=_display(field, value, names), differs=theirs != value))
    return rows
