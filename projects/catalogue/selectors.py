"""Read functions of the topic catalogue: the catalogue page and the order topics are
listed in everywhere."""

from dataclasses import dataclass

from django.db.models import Sum

from ..enums import Stage, TopicGroup
from ..models import StageCount, Topic


def in_catalogue_order(topics) -> list[Topic]:
    """Groups in their declared order (not alphabetical), then order and name."""
    rank = {value: index for index, value in enumerate(TopicGroup.values)}
    return sorted(topics, key=lambda topic: (rank[topic.group], topic.order, topic.name))


@dataclass(frozen=True)
class CatalogueGroup:
    label: str
    value: str
    topics: list[Topic]


def topic_catalogue(*, include_inactive: bool) -> list[CatalogueGroup]:
    """Topics grouped by TopicGroup, each with `advanced`: members at pilot or live (two
    queries: the topics and their summary counts)."""
    topics = Topic.objects.all() if include_inactive else Topic.objects.filter(is_active=True)
    topics = list(topics)
    advanced = dict(StageCount.objects.filter(
        scope=StageCount.Scope.TOPIC, scope_id__in=[t.pk for t in topics],
        stage__gte=Stage.PILOT,
    ).values("scope_id").annotate(total=Sum("count")).order_by().values_list("scope_id", "total"))
    groups = []
    for value, label in TopicGroup.choices:
        members = [t for t in topics if t.group == value]
        for topic in members:
            topic.advanced = advanced.get(topic.pk, 0)
        if members:
            groups.append(CatalogueGroup(label, value, members))
    return groups
