"""Progress over time: the share of statuses at pilot or live, month by month.

Today's numbers come from the stage counts (StageCount); earlier months are derived
backwards from the monthly stage changes (StageChangeMonth), which status_save keeps in
step like the counts. Neither statuses nor their history are aggregated per request: the
page reads a few hundred summary rows whatever the size of the network. Closed survey
rounds add their exact snapshots.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ..catalogue.selectors import in_catalogue_order
from ..enums import Stage, SurveyState
from ..models import StageChangeMonth, StageCount, SurveySnapshot, Topic
from .charts import Marker, Point, line_chart, percent

MONTHS = 24
ADVANCED = Stage.PILOT  # pilot and live: a member can show it working


@dataclass(frozen=True)
class Scope:
    """One summary scope and the matching filter on snapshots."""

    summary: str
    summary_id: int
    snapshots: dict

    @classmethod
    def topic(cls, topic: Topic) -> "Scope":
        return cls(StageCount.Scope.TOPIC, topic.pk, {"topic_id": topic.pk})

    @classmethod
    def network_topics(cls) -> "Scope":
        return cls(StageCount.Scope.NETWORK_TOPICS, 0, {"topic__isnull": False})

    @classmethod
    def network_services(cls) -> "Scope":
        return cls(StageCount.Scope.NETWORK_SERVICES, 0, {"service__isnull": False})


@dataclass(frozen=True)
class MonthPoint:
    month: date
    advanced: int
    total: int

    @property
    def share(self) -> float | None:
        return 100 * self.advanced / self.total if self.total else None


@dataclass(frozen=True)
class SurveyPoint:
    title: str
    closed_at: date
    advanced: int
    total: int

    @property
    def share(self) -> float:
        return 100 * self.advanced / self.total


@dataclass(frozen=True)
class Progress:
    months: list[MonthPoint]
    surveys: list[SurveyPoint]


def _month_starts(today: date) -> list[date]:
    first = today.replace(day=1)
    starts = []
    for back in range(MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        starts.append(date(year, month + 1, 1))
    return starts


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _changes_per_month(scope: Scope, since: date) -> dict[date, tuple[int, int]]:
    """Per month: by how much the statuses at pilot or live and all statuses changed."""
    rows = (StageChangeMonth.objects
            .filter(scope=scope.summary, scope_id=scope.summary_id, month__gte=since)
            .values("month")
            .annotate(total=Sum("change"), advanced=Sum("change", filter=Q(stage__gte=ADVANCED)))
            .order_by())
    return {row["month"]: (row["advanced"] or 0, row["total"] or 0) for row in rows}


def progress_of(scope: Scope, *, today: date | None = None) -> Progress:
    """Month-end counts for the last 24 months and the closed survey rounds among them."""
    months = _month_starts(today or timezone.localdate())
    now = StageCount.objects.filter(scope=scope.summary, scope_id=scope.summary_id).aggregate(
        total=Sum("count"), advanced=Sum("count", filter=Q(stage__gte=ADVANCED)))
    advanced, total = now["advanced"] or 0, now["total"] or 0
    changes = _changes_per_month(scope, months[0])
    points = []
    for month in reversed(months):
        points.append(MonthPoint(month, max(0, min(advanced, total)), max(total, 0)))
        advanced_change, total_change = changes.get(month, (0, 0))
        advanced, total = advanced - advanced_change, total - total_change
    surveys = [
        SurveyPoint(row["round__title"], timezone.localdate(row["round__closed_at"]),
                    row["advanced"], row["total"])
        for row in SurveySnapshot.objects.filter(
            round__state=SurveyState.CLOSED, round__closed_at__gte=_start_of(months[0]),
            **scope.snapshots)
        .values("round_id", "round__title", "round__closed_at")
        .annotate(total=Count("pk"), advanced=Count("pk", filter=Q(stage__gte=ADVANCED)))
        .order_by("round__closed_at")
    ]
    return Progress(list(reversed(points)), surveys)


def _point_text(point: MonthPoint) -> str:
    return _("%(month)s: %(share)s (%(advanced)s von %(total)s)") % {
        "month": date_format(point.month, "F Y"), "share": _share(point.share),
        "advanced": number_format(point.advanced, force_grouping=True),
        "total": number_format(point.total, force_grouping=True)}


def _share(share: float | None) -> str:
    return "–" if share is None else f"{round(share)} %"


def progress_chart(progress: Progress, *, title: str, chart_id: str) -> SafeString:
    """The line chart of a Progress, surveys placed by their closing day."""
    first = progress.months[0].month
    markers = []
    for survey in progress.surveys:
        # Each point is the end of its month, so a day sits between the previous point
        # and the point of its own month.
        days = calendar.monthrange(survey.closed_at.year, survey.closed_at.month)[1]
        position = ((survey.closed_at.year - first.year) * 12
                    + survey.closed_at.month - first.month - 1 + survey.closed_at.day / days)
        markers.append(Marker(position, survey.share, _(
            "Erhebung „%(title)s“ (%(day)s): %(share)s (%(advanced)s von %(total)s)") % {
            "title": survey.title, "day": date_format(survey.closed_at, "d.m.Y"),
            "share": _share(survey.share), "advanced": survey.advanced,
            "total": survey.total}))
    points = [Point(p.month, p.share, _point_text(p)) for p in progress.months]
    return line_chart(points=points, markers=markers, title=title, chart_id=chart_id)


@dataclass(frozen=True)
class TopicNow:
    topic: Topic
    advanced: int
    total: int

    @property
    def share(self) -> str:
        return percent(self.advanced, self.total)


def topics_now() -> list[TopicNow]:
    """Active topics with today's statuses at pilot or live, from the summary (two queries)."""
    topics = in_catalogue_order(Topic.objects.filter(is_active=True))
    sums = {row["scope_id"]: row for row in StageCount.objects.filter(
        scope=StageCount.Scope.TOPIC, scope_id__in=[t.pk for t in topics],
    ).values("scope_id").annotate(
        total=Sum("count"), advanced=Sum("count", filter=Q(stage__gte=ADVANCED))).order_by()}
    return [TopicNow(topic, (sums.get(topic.pk) or {}).get("advanced") or 0,
                     (sums.get(topic.pk) or {}).get("total") or 0) for topic in topics]
