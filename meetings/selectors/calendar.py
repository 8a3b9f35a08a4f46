"""Which meetings go into calendar files: the single .ics download and the personal feed."""

from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from members.models import User

from ..enums import MeetingState
from ..models import AgendaItem, Meeting
from ..rules import sees_internals

FEED_PAST_DAYS = 90


def calendar_meetings() -> QuerySet[Meeting]:
    """Meetings with everything an event needs, in a fixed number of queries."""
    return Meeting.objects.select_related("working_group", "host").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk")))


def feed_user(token: str) -> User | None:
    """The active person a feed token belongs to, if they may see meetings at all."""
    user = User.objects.filter(calendar_token=token, is_active=True).first()
    if user is None or not sees_internals(user):
        return None
    return user


def meetings_for_feed(user: User) -> QuerySet[Meeting]:
    """The meetings of the person's working groups (every meeting for coordinators), from
    90 days back on; planned ones are not announced yet, cancelled ones stay as cancelled."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    meetings = calendar_meetings().filter(starts_at__gte=since).exclude(
        state=MeetingState.PLANNED)
    if not user.is_coordinator:
        meetings = meetings.filter(working_group__members=user.administration_id)
    return meetings.order_by("starts_at", "pk")
