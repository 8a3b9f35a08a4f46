"""The start page panels of the meetings app: my next meetings, my open action items."""

from datetime import date, datetime

from django.db.models import BooleanField, Case, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from members.enums import Role
from members.models import User

from ..enums import ActionItemStatus, MinutesState
from ..models import ActionItem, Meeting, Registration


def meetings_upcoming_for(user: User, limit: int = 5, *,
                          now: datetime | None = None) -> QuerySet[Meeting]:
    """The next meetings of the user's groups (all for coordinators), cancelled ones included."""
    now = now or timezone.now()
    meetings = Meeting.objects.filter(starts_at__gt=now)
    if not user.is_coordinator:
        if user.administration_id is None:
            return Meeting.objects.none()
        meetings = meetings.filter(working_group__members=user.administration_id)
    mine = Registration.objects.filter(user_id=user.pk)
    return (
        meetings.select_related("working_group", "host")
        .prefetch_related(Prefetch("registrations", queryset=mine, to_attr="my_registrations"))
        .order_by("starts_at", "pk")[:limit]
    )


def action_items_open_for(user: User, *, today: date | None = None) -> QuerySet[ActionItem]:
    """Open items of published minutes naming the user, or (editors) their administration
    without a person."""
    today = today or timezone.localdate()
    mine = Q(responsible_user_id=user.pk)
    if user.administration_id is not None and user.role in (Role.EDITOR, Role.COORDINATOR):
        mine |= Q(responsible_administration_id=user.administration_id,
                  responsible_user__isnull=True)
    return (
        ActionItem.objects.filter(mine, status=ActionItemStatus.OPEN,
                                  meeting__minutes__state=MinutesState.PUBLISHED)
        .select_related("meeting", "responsible_administration")
        .annotate(is_overdue=Case(When(due_date__lt=today, then=Value(True)),
                                  default=Value(False), output_field=BooleanField()))
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )
