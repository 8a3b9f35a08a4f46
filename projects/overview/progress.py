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

from members.models import Administration

from ..catalogue.selectors import in_catalogue_order
from ..enums import Stage, SurveyState
from ..models import (
    OzgService,
    StageChangeMonth,
    StageCount,
    Status,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from .charts import Marker, Point, line_chart, percent

MONTHS = 24
ADVANCED = Stage.PILOT  # pilot and live: a member can show it working


@dataclass(frozen=True)
class Scope:
    """One summary scope, the matching filter on snapshots and on statuses."""

    summary: str
    summary_id: int
    snapshots: dict
    statuses: dict

    @classmethod
    def topic(cls, topic: Topic) -> "Scope":
        return cls(StageCount.Scope.TOPIC, topic.pk, {"topic_id": topic.pk},
                   {"topic_id": topic.pk})

    @classmethod
    def network_topics(cls) -> "Scope":
        return cls(StageCount.Scope.NETWORK_TOPICS, 0, {"topic__isnull": False},
                   {"topic__isnull": False})

    @classmethod
    def network_services(cls) -> "Scope":
        return cls(StageCount.Scope.NETWORK_SERVICES, 0, {"service__isnull": False},
                   {"service__isnull": False})


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
    # Why the round cannot stand beside the monthly line (other topics or members); a
    # round is drawn only when this is empty.
    not_comparable: str = ""

    @property
    def share(self) -> float:
        return 100 * self.advanced / self.total

    @property
    def comparable(self) -> bool:
        return not self.not_comparable


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
    rows = list(SurveySnapshot.objects.filter(
        round__state=SurveyState.CLOSED, round__closed_at__gte=_start_of(months[0]),
        **scope.snapshots)
        .values("round_id", "round__title", "round__closed_at")
        .annotate(total=Count("pk"), advanced=Count("pk", filter=Q(stage__gte=ADVANCED)))
        .order_by("round__closed_at"))
    reasons = _not_comparable(scope, [row["round_id"] for row in rows])
    surveys = [
        SurveyPoint(row["round__title"], timezone.localdate(row["round__closed_at"]),
                    row["advanced"], row["total"], reasons.get(row["round_id"], ""))
        for row in rows]
    return Progress(list(reversed(points)), surveys)


def _not_comparable(scope: Scope, round_ids: list[int]) -> dict[int, str]:
    """Per round, why its snapshot counts other statuses than the monthly line: the line
    counts every status of the scope, a snapshot only those of the round's topics (or
    Themenfelder) and of the members. A few queries, none over the history."""
    if not round_ids:
        return {}
    reasons: dict[int, str] = {}
    if scope.summary == StageCount.Scope.NETWORK_TOPICS:
        reasons = _missing_parts(
            round_ids, SurveyRound.topics.through, "topic_id",
            StageCount.objects.filter(scope=StageCount.Scope.TOPIC, count__gt=0)
            .values_list("scope_id", flat=True),
            _("erfasste nur %(part)s von %(all)s Themen des Verlaufs"))
    elif scope.summary == StageCount.Scope.NETWORK_SERVICES:
        reasons = _missing_parts(
            round_ids, SurveyRound.themenfelder.through, "ozgthemenfeld_id",
            OzgService.objects.filter(pk__in=StageCount.objects.filter(
                scope=StageCount.Scope.SERVICE, count__gt=0).values("scope_id"))
            .values_list("themenfeld_id", flat=True).distinct(),
            _("erfasste nur %(part)s von %(all)s OZG-Themenfeldern des Verlaufs"))
    outsiders = (Status.objects.filter(**scope.statuses)
                 .exclude(administration__in=Administration.objects.current()).exists())
    if outsiders:
        reason = _("der Verlauf zählt auch Sachstände von Verwaltungen, die keine "
                   "Mitglieder sind")
        reasons = {pk: "; ".join(filter(None, [reasons.get(pk), reason])) for pk in round_ids}
    return reasons


def _missing_parts(round_ids, through, column: str, counted, text: str) -> dict[int, str]:
    counted = set(counted)
    asked: dict[int, set[int]] = {pk: set() for pk in round_ids}
    for round_id, part in through.objects.filter(surveyround_id__in=round_ids) \
            .values_list("surveyround_id", column):
        asked[round_id].add(part)
    return {pk: text % {"part": len(parts & counted), "all": len(counted)}
            for pk, parts in asked.items() if not counted <= parts}


def _point_text(point: MonthPoint) -> str:
    return _("%(month)s: %(share)s (%(advanced)s von %(total)s)") % {
        "month": date_format(point.month, "F Y"), "share": _share(point.share),
        "advanced": number_format(point.advanced, force_grouping=True),
        "total": number_format(point.total, force_grouping=True)}


def _share(share: float | None) -> str:
    return _("keine Daten") if share is None else f"{round(share)} %"


def progress_chart(progress: Progress, *, title: str, chart_id: str) -> SafeString:
    """The line chart of a Progress, surveys placed by their closing day."""
    first = progress.months[0].month
    markers = []
    for survey in progress.surveys:
        if not survey.comparable:
            continue  # listed in the table with the reason, not drawn beside the line
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
