"""What the visitors' start page shows besides the map: the next public meeting dates, the
newest public articles and the network at a glance. Public facts only: meetings as the
public meeting page shows them (date, group, host), articles by their own rule, and counts
(members by kind; for a few topics how many members run them, a sum that names nobody)."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from knowledge.articles.selectors import articles_newest
from meetings.models import Meeting
from members.enums import AdministrationKind
from members.models import Administration
from projects.enums import Stage
from projects.models import StageCount, Topic

LANDING_MEETINGS = 4
LANDING_ARTICLES = 4
LANDING_TOPICS = 3


@dataclass(frozen=True)
class KindCount:
    label: str
    count: int


@dataclass(frozen=True)
class TopicFigure:
    name: str
    live: int


def meetings_public_next(user, *, limit: int = LANDING_MEETINGS) -> list[Meeting]:
    """The next meetings a visitor may see (invited, still to come), soonest first."""
    # Still to come: a visitor may also open held meetings whose records are public.
    return list(Meeting.objects.visible_to(user).filter(starts_at__gte=timezone.now())
                .select_related("working_group", "host")
                .only("pk", "starts_at", "working_group__name", "host__name")
                .order_by("starts_at", "pk")[:limit])


def members_by_kind() -> list[KindCount]:
    """Current members per kind, largest group first (one query)."""
    labels = dict(AdministrationKind.choices)
    rows = (Administration.objects.current().values("kind").annotate(count=Count("pk"))
            .order_by("-count", "kind"))
    return [KindCount(label=str(labels.get(row["kind"], row["kind"])), count=row["count"])
            for row in rows]


def topics_most_live(*, limit: int = LANDING_TOPICS) -> list[TopicFigure]:
    """The active topics most members run ("im Betrieb"), from the summary counts (one
    query, whatever the number of statuses)."""
    live = (StageCount.objects.filter(scope=StageCount.Scope.TOPIC, scope_id=OuterRef("pk"),
                                      stage=Stage.LIVE).values("count")[:1])
    rows = (Topic.objects.filter(is_active=True)
            .annotate(live=Coalesce(Subquery(live, output_field=IntegerField()), 0))
            .filter(live__gt=0).order_by("-live", "name").values("name", "live")[:limit])
    return [TopicFigure(name=row["name"], live=row["live"]) for row in rows]


def landing_context(user) -> dict:
    return {
        "next_meetings": meetings_public_next(user),
        "public_articles": articles_newest(user, limit=LANDING_ARTICLES),
        "member_kinds": members_by_kind(),
        "topic_figures": topics_most_live(),
    }
