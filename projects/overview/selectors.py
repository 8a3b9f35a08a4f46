"""Read functions of the network overview: matrix, the topic and OZG pages ("Wer kann
helfen?", products, Reifegrade).

Every function runs a fixed number of queries whatever the number of members, and the
overviews read the summary tables (StageCount, MaturityCount) instead of counting statuses.
"""

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from common.hyphenation import soft_hyphens
from common.page_cache import until_changed
from members.models import Administration

from ..catalogue.selectors import in_catalogue_order
from ..enums import Maturity, Stage
from ..models import MaturityCount, OzgService, OzgThemenfeld, StageCount, Status, Topic
from ..statuses.freshness import status_scopes
from .charts import StageDisplay, percent, stage_display

MATRIX_PAGE_SIZE = 50
HELPERS_PAGE_SIZE = 50


@dataclass(frozen=True)
class StageTotal:
    display: StageDisplay
    count: int
    share: str


def stage_distribution(*, scope: str, scope_id: int = 0) -> list[StageTotal]:
    """Statuses per stage of one summary scope, every stage listed (one query)."""
    counts = dict(StageCount.objects.filter(scope=scope, scope_id=scope_id)
                  .values_list("stage", "count"))
    total = sum(counts.values())
    return [StageTotal(stage_display(stage), counts.get(stage, 0),
                       percent(counts.get(stage, 0), total))
            for stage in Stage.values]


def matrix_members() -> QuerySet[Administration]:
    """Current members in name order, only the columns the matrix rows show."""
    return (Administration.objects.current().order_by("name", "pk")
            .only("pk", "name", "short_name", "slug", "kind"))


def matrix_topics(*, group: str | None = None) -> list[Topic]:
    """Active topics in catalogue order, each with `header`: its name with break
    opportunities, so narrow column headers wrap between the parts of a compound."""
    topics = Topic.objects.filter(is_active=True)
    if group:
        topics = topics.filter(group=group)
    topics = in_catalogue_order(topics.only("pk", "name", "slug", "group", "order"))
    for topic in topics:
        topic.header = soft_hyphens(topic.name)
    return topics


_ADMIN, _SLUG, _NUMBER = "ADMIN0SLUG", "SUBJECT0SLUG", 987654321
_EDIT_URLS = {"thema": ("projects:status_edit_topic", [_ADMIN, _SLUG]),
              "ozg": ("projects:status_edit_service", [_ADMIN, _NUMBER])}


def _url_pattern(name: str, args: list) -> Callable[..., str]:
    """Reverse once with placeholders instead of once per matrix cell."""
    url = reverse(name, args=args)
    pattern = url.replace("{", "{{").replace("}", "}}").replace(_ADMIN, "{a}")
    pattern = pattern.replace(_SLUG, "{s}").replace(str(_NUMBER), "{s}")
    return lambda administration, subject="": pattern.format(a=administration, s=subject)


def status_link_maker(*, user, kind: str) -> Callable[[Administration, str], str]:
    """Where a status links to: its edit page for those who may edit that member's statuses
    (projects.change_status), else the member's page, which shows its statuses to all member
    staff. The rule is asked once per member, not once per cell."""
    edit = _url_pattern(*_EDIT_URLS[kind])
    detail = _url_pattern("members:detail", [_ADMIN])
    may_edit: dict[int, bool] = {}

    def link(administration: Administration, subject: str) -> str:
        if administration.pk not in may_edit:
            may_edit[administration.pk] = rules.has_perm("projects.change_status", user,
                                                         administration)
        if may_edit[administration.pk]:
            return edit(administration.slug, subject)
        return detail(administration.slug) + "#sachstand"
    return link


@dataclass(frozen=True)
class MatrixCell:
    topic: Topic
    display: StageDisplay
    url: str


@dataclass(frozen=True)
class MatrixRow:
    administration: Administration
    cells: list[MatrixCell]


def matrix_rows(*, administrations: list[Administration], topics: list[Topic], user
                ) -> list[MatrixRow]:
    """The statuses of exactly these members × topics, in one query."""
    stages = {}
    if administrations and topics:
        stages = {(a, t): s for a, t, s in Status.objects.filter(
            administration__in=[a.pk for a in administrations],
            topic__in=[t.pk for t in topics],
        ).values_list("administration_id", "topic_id", "stage")}
    link = status_link_maker(user=user, kind="thema")
    return [
        MatrixRow(administration, [
            MatrixCell(topic, stage_display(stages.get((administration.pk, topic.pk))),
                       link(administration, topic.slug))
            for topic in topics])
        for administration in administrations
    ]


def _current_members_q() -> Q:
    today = timezone.localdate()
    return Q(administration__member_since__lte=today) & (
        Q(administration__member_until__isnull=True)
        | Q(administration__member_until__gt=today))


def statuses_of(*, topic: Topic | None = None, service: OzgService | None = None,
                product: str = "", stage: int | None = None) -> QuerySet[Status]:
    """'Wer kann helfen?': statuses of current members, furthest stage first, with
    administration and contact joined; product compares case-insensitively."""
    subject = {"topic": topic} if topic is not None else {"service": service}
    statuses = Status.objects.filter(_current_members_q(), **subject)
    if product.strip():
        statuses = statuses.filter(product__iexact=product.strip())
    if stage is not None:
        statuses = statuses.filter(stage=stage)
    return (statuses.select_related("administration", "contact")
            .order_by("-stage", "administration__name", "pk"))


def statuses_in_order(ids: list[int]) -> list[Status]:
    """These statuses with administration and contact, in the order of `ids` (a page of
    statuses_of chosen on the index alone)."""
    by_pk = Status.objects.select_related("administration", "contact").in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def products_used(*, topic: Topic | None = None, service: OzgService | None = None,
                  limit: int = 10) -> list[dict]:
    """The most used products of one topic or service, spelled as first entered (kept in
    the cache until a status of the topic or service changes: it counts all of them)."""
    subject = {"topic": topic} if topic is not None else {"service": service}
    scopes = status_scopes(topic_id=topic.pk if topic is not None else None,
                           service_id=service.pk if service is not None else None)
    return until_changed(
        f"products:{scopes[1]}:{limit}:{timezone.localdate()}",
        lambda: list(Status.objects.filter(_current_members_q(), **subject).exclude(product="")
                     .values(key=Lower("product"))
                     .annotate(name=Min("product"), count=Count("pk"))
                     .order_by("-count", "key")[:limit]),
        scopes=scopes)


@dataclass(frozen=True)
class MaturityRow:
    themenfeld: OzgThemenfeld
    counts: list[int]
    total: int
    compliant: str


def maturity_by_themenfeld() -> list[MaturityRow]:
    """Per Themenfeld the statuses at each Reifegrad, from the summary (two queries)."""
    counts = {(t, m): c for t, m, c in MaturityCount.objects.values_list(
        "themenfeld_id", "maturity", "count")}
    rows = []
    for themenfeld in OzgThemenfeld.objects.order_by("number"):
        values = [counts.get((themenfeld.pk, level), 0) for level in Maturity.values]
        total = sum(values)
        compliant = sum(values[Maturity.ONLINE_SERVICE:])
        rows.append(MaturityRow(themenfeld, values, total, percent(compliant, total)))
    return rows


def maturity_of_service(service: OzgService) -> list[int]:
    """Statuses of one service per Reifegrad; bounded by the number of members."""
    counts = dict(service.statuses.filter(maturity__isnull=False).values("maturity")
                  .annotate(count=Count("*")).values_list("maturity", "count").order_by())
    return [counts.get(level, 0) for level in Maturity.values]


def ozg_services() -> QuerySet[OzgService]:
    """The OZG catalogue in ID order with its Themenfeld, for the filtered service list."""
    return OzgService.objects.select_related("themenfeld").order_by("ozg_id")


def with_live_counts(services) -> list[OzgService]:
    """These services, each with `live_count`: how many members run it as pilot or live
    (from the summary, one query)."""
    services = list(services)
    live = {}
    if services:
        live = dict(StageCount.objects.filter(
            scope=StageCount.Scope.SERVICE, scope_id__in=[s.pk for s in services],
            stage__gte=Stage.PILOT,
        ).values("scope_id").annotate(total=Sum("count")).order_by()
            .values_list("scope_id", "total"))
    for service in services:
        service.live_count = live.get(service.pk, 0)
    return services


@dataclass(frozen=True)
class StatusRow:
    status: Status
    display: StageDisplay
    url: str


def status_rows(statuses, *, user, kind: str, subject: str) -> list[StatusRow]:
    """A page of statuses with their stage look and the link to each status."""
    link = status_link_maker(user=user, kind=kind)
    return [StatusRow(status, stage_display(status.stage), link(status.administration, subject))
            for status in statuses]
