"""Read functions for the dashboard and the planning help (constant query counts)."""

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import BooleanField, Case, F, Max, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from members.enums import Role
from members.models import Administration, User

from .enums import CADENCE_MONTHS, ActionItemStatus, MeetingState, MinutesState
from .models import ActionItem, Meeting, Registration, WorkingGroup

BERLIN = ZoneInfo("Europe/Berlin")


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


def add_months(day: date, months: int) -> date:
    """The same day of the month some months later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def nearest_weekday(day: date, weekday: int) -> date:
    """The given weekday at most three days before or after the day."""
    return day + timedelta(days=(weekday - day.weekday() + 3) % 7 - 3)


def _next_date(last: datetime, months: int, now: datetime) -> datetime:
    """The first date a whole number of cadence steps after the last one that lies ahead."""
    local = timezone.localtime(last, BERLIN)
    step = 1
    while True:
        day = nearest_weekday(add_months(local.date(), months * step), local.weekday())
        candidate = datetime.combine(day, local.time(), tzinfo=BERLIN)
        if candidate > now:
            return candidate
        step += 1


def next_meeting_suggestion(working_group: WorkingGroup, *, now: datetime | None = None
                            ) -> tuple[datetime | None, Administration | None]:
    """Next date by the group's cadence and the member that hosted least recently."""
    now = now or timezone.now()
    held = ~Q(state=MeetingState.CANCELLED)
    months = CADENCE_MONTHS.get(working_group.cadence)
    last = working_group.meetings.filter(held).order_by("-starts_at").first()
    starts = _next_date(last.starts_at, months, now) if months and last else None
    host = (
        Administration.objects.current().filter(working_groups=working_group)
        .annotate(last_hosted=Max("hosted_meetings__starts_at", filter=Q(
            hosted_meetings__working_group=working_group) & ~Q(
            hosted_meetings__state=MeetingState.CANCELLED)))
        .order_by(F("last_hosted").asc(nulls_first=True), "name", "pk")
        .first()
    )
    return starts, host


def meetings_of_administration(administration, *, limit: int = 10) -> dict[str, list[Meeting]]:
    """The latest meetings an administration hosted and those its staff attended (two
    queries), for its page."""
    base = (Meeting.objects.exclude(state=MeetingState.CANCELLED)
            .select_related("working_group").order_by("-starts_at"))
    attended = base.filter(registrations__attended=True,
                           registrations__user__administration=administration).distinct()
    return {"hosted": list(base.filter(host=administration)[:limit]),
            "attended": list(attended[:limit])}
