"""The working group list and the group page, shaped so the query count stays constant."""

from datetime import date, datetime

from django.db.models import Case, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from members.models import Administration

from ..enums import ActionItemStatus, MeetingState, MinutesState
from ..models import ActionItem, Meeting, WorkingGroup


def working_groups_for_list(user, *, now: datetime | None = None) -> QuerySet[WorkingGroup]:
    """All groups with their member count and the start of their next meeting the user may
    see (or None)."""
    now = now or timezone.now()
    next_meeting = (
        Meeting.objects.visible_to(user, now=now)
        .filter(working_group=OuterRef("pk"), starts_at__gt=now)
        .exclude(state=MeetingState.CANCELLED)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return (
        WorkingGroup.objects.select_related("coordinating_administration")
        .annotate(member_count=Count("members", distinct=True),
                  next_meeting_at=Subquery(next_meeting))
        .order_by("name")
    )


def working_group_detail(*, slug: str, user,
                         now: datetime | None = None) -> QuerySet[WorkingGroup]:
    """One group with members and the meetings the user may see (visitors: upcoming ones
    the members were invited to)."""
    now = now or timezone.now()
    meetings = Meeting.objects.visible_to(user, now=now).select_related("host")
    upcoming = meetings.filter(starts_at__gt=now).order_by("starts_at")
    past = meetings.filter(starts_at__lte=now).order_by("-starts_at")
    return (
        WorkingGroup.objects.filter(slug=slug)
        .select_related("coordinating_administration")
        .prefetch_related(
            Prefetch("members", queryset=Administration.objects.order_by("name"),
                     to_attr="member_list"),
            Prefetch("meetings", queryset=upcoming, to_attr="upcoming_meetings"),
            Prefetch("meetings", queryset=past, to_attr="past_meetings"),
        )
    )


def action_items_open_of_group(group: WorkingGroup, *, today: date | None = None
                               ) -> QuerySet[ActionItem]:
    """Open action items from any meeting of the group, earliest due first, overdue flagged."""
    today = today or timezone.localdate()
    return (
        ActionItem.objects.filter(meeting__working_group=group, status=ActionItemStatus.OPEN,
                                  meeting__minutes__state=MinutesState.PUBLISHED)
        .select_related("meeting", "responsible_administration", "responsible_user")
        .annotate(is_overdue=Case(When(Q(due_date__lt=today), then=Value(True)),
                                  default=Value(False)))
        .order_by("due_date", "pk")
    )
