"""The meeting list and the meeting page (with its exports and attendance list), and the
meetings of an administration."""

from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from ..enums import ActionItemStatus, MeetingState, MinutesState, RegistrationStatus
from ..models import ActionItem, AgendaItem, Meeting, Registration


def meetings_for_list(user) -> QuerySet[Meeting]:
    """The meetings the user may open, newest first."""
    return Meeting.objects.visible_to(user).select_related(
        "working_group", "host", "minutes").order_by("-starts_at")


def meeting_for_page(pk: int | None = None) -> QuerySet[Meeting]:
    """Meetings (one, with `pk`) with everything their internal page, exports and
    attendance lists show (the knowledge linked to a meeting is a section of MEETING_PAGE,
    see meetings.sections)."""
    registrations = Registration.objects.select_related("user__administration").order_by(
        "user__administration__name", "user__last_name", "user__first_name")
    meetings = Meeting.objects.all() if pk is None else Meeting.objects.filter(pk=pk)
    return meetings.select_related(
        "working_group", "host", "minutes", "minutes__approved_in",
    ).prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related(
            "approves_minutes_of", "action_item__meeting").prefetch_related(
            "topics", "projects").order_by("order", "pk")),
        Prefetch("registrations", queryset=registrations),
        Prefetch("action_items", queryset=ActionItem.objects.select_related(
            "responsible_administration", "responsible_user")),
        "decisions__agenda_item", "documents", "guests",
    )


def meeting_page_head(pk: int) -> QuerySet[Meeting]:
    """The meeting for its page without the parts kept in the cache: what every request
    needs (facts, the registrations for the counts and one's own, the action items with
    their per-person tick-off buttons). The rest comes from `meeting_page_parts` only when
    a part is rendered."""
    registrations = Registration.objects.select_related("user__administration").order_by(
        "user__administration__name", "user__last_name", "user__first_name")
    return Meeting.objects.filter(pk=pk).select_related(
        "working_group", "host", "minutes", "minutes__approved_in",
    ).prefetch_related(
        Prefetch("registrations", queryset=registrations),
        Prefetch("action_items", queryset=ActionItem.objects.select_related(
            "responsible_administration", "responsible_user")),
    )


def meeting_page_parts(meeting: Meeting) -> dict:
    """What the cached parts of the meeting page show, loaded on the meeting (agenda,
    decisions, documents, guests) plus the open items carried over from earlier meetings."""
    prefetch_related_objects(
        [meeting],
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related(
            "approves_minutes_of", "action_item__meeting").prefetch_related(
            "topics", "projects").order_by("order", "pk")),
        "decisions__agenda_item", "documents", "guests")
    return {"agenda": agenda_with_times(meeting),
            "carried_over": list(open_items_of_group(meeting))}


def meeting_with_published_minutes(pk: int) -> QuerySet[Meeting]:
    """The meeting for the minutes PDF: only once its minutes are published."""
    return meeting_for_page(pk).filter(minutes__state=MinutesState.PUBLISHED)


def agenda_with_times(meeting: Meeting) -> list[tuple[AgendaItem, datetime]]:
    """Each agenda item with its planned start, counted from the meeting's start."""
    start, rows = meeting.starts_at, []
    for item in meeting.agenda_items.all():
        rows.append((item, start))
        start = start + timedelta(minutes=item.duration_minutes)
    return rows


def open_items_of_group(meeting: Meeting) -> QuerySet[ActionItem]:
    """Open action items from earlier meetings of the group: they carry over."""
    return ActionItem.objects.filter(
        meeting__working_group_id=meeting.working_group_id, status=ActionItemStatus.OPEN,
        meeting__starts_at__lt=meeting.starts_at, meeting__minutes__state=MinutesState.PUBLISHED,
    ).select_related("meeting", "responsible_administration", "responsible_user").order_by(
        "due_date", "pk")


def registration_counts(meeting: Meeting) -> dict[str, int]:
    """Registrations of a meeting loaded by meeting_for_page, counted by status."""
    counts = {status: 0 for status in RegistrationStatus.values}
    for registration in meeting.registrations.all():
        counts[registration.status] += 1
    return counts


def meetings_of_administration(administration, *, limit: int = 10) -> dict[str, list[Meeting]]:
    """The latest meetings an administration hosted and those its staff attended (two
    queries), for its page."""
    base = (Meeting.objects.exclude(state=MeetingState.CANCELLED)
            .select_related("working_group").order_by("-starts_at"))
    attended = base.filter(registrations__attended=True,
                           registrations__user__administration=administration).distinct()
    return {"hosted": list(base.filter(host=administration)[:limit]),
            "attended": list(attended[:limit])}
