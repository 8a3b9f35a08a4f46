"""The planning help for the next meeting of a working group: the date by its cadence and
the member that hosted least recently."""

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Administration

from ..enums import CADENCE_MONTHS, MeetingState
from ..models import WorkingGroup

BERLIN = ZoneInfo("Europe/Berlin")
DEFAULT_DURATION = timedelta(hours=3)


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


def host_location(host: Administration | None) -> str:
    """The place of a meeting at the host: its name and seat address (or its seat)."""
    if host is None:
        return ""
    address = host.address.strip() or host.seat.strip()
    return f"{host.name}\n{address}" if address else ""


def meeting_form_initial(working_group: WorkingGroup) -> dict:
    """What the form for a group's next meeting starts with: the suggested date and host,
    the host's seat address as the place, the length of the group's last meeting, a
    title."""
    starts, host = next_meeting_suggestion(working_group)
    last = working_group.meetings.exclude(state=MeetingState.CANCELLED).order_by(
        "-starts_at").first()
    duration = (last.ends_at - last.starts_at) if last else DEFAULT_DURATION
    return {"working_group": working_group, "host": host, "starts_at": starts,
            "ends_at": starts + duration if starts else None,
            "location": host_location(host),
            "title": _("Sitzung der %(group)s") % {"group": working_group.name}}
