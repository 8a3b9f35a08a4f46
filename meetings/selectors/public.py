"""What anyone may see of a meeting's records: the one rule that the visitor's meeting
page, the public minutes PDF and the OParl API (oparl/) all read (issue 16).

A meeting has public records when the coordination office set "Öffentliche
Sitzungsdaten" and it is invited, held or has published minutes
(`Meeting.objects.with_public_records`, part of `Meeting.objects.visible_to`). Then
anyone sees

* its place (the address; not for online meetings, never the online link),
* the agenda items marked public: their number in the whole agenda and their title,
* once the minutes are published, the decisions on those items (result and wording) and
  the public minutes (`meetings.exports.public_minutes_pdf`).

Internal stay its title, the online link, the non-public agenda items, the description,
presenter and minutes note of every item, decisions on no or a non-public item, the
minutes' summary, attendance, action items and meeting documents.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from ..enums import PUBLIC_RECORD_STATES, MeetingFormat, MeetingState
from ..models import AgendaItem, Decision, Meeting


def agenda_number() -> Subquery:
    """An agenda item's place in the whole agenda of its meeting (1, 2, …), as the internal
    minutes number it ("TOP 3"), so that public and internal numbers agree."""
    earlier = (AgendaItem.objects.filter(meeting_id=OuterRef("meeting_id"))
               .filter(Q(order__lt=OuterRef("order"))
                       | Q(order=OuterRef("order"), pk__lte=OuterRef("pk")))
               .order_by().values("meeting_id").annotate(count=Count("pk")).values("count"))
    return Subquery(earlier)


def public_decisions() -> Prefetch:
    """An agenda item's decisions as `public_decisions`, once the minutes are published."""
    decisions = Decision.objects.filter(
        meeting__state=MeetingState.MINUTES_PUBLISHED).order_by("order", "pk")
    return Prefetch("decisions", queryset=decisions, to_attr="public_decisions")


def public_agenda_items() -> QuerySet[AgendaItem]:
    """The public agenda items of meetings with public records, in agenda order, each with
    `number` (agenda_number) and `public_decisions` (empty until the minutes are
    published)."""
    return (AgendaItem.objects
            .filter(public=True, meeting__public_records=True,
                    meeting__state__in=PUBLIC_RECORD_STATES)
            .annotate(number=agenda_number())
            .prefetch_related(public_decisions())
            .order_by("meeting_id", "order", "pk"))


def meetings_with_public_location() -> QuerySet[Meeting]:
    """Meetings whose place anyone may see: public records, not online only, a place
    given (the same rule as `public_records(meeting).location`)."""
    return (Meeting.objects.with_public_records().exclude(format=MeetingFormat.ONLINE)
            .exclude(location__regex=r"^\s*$"))


def meetings_with_public_minutes() -> QuerySet[Meeting]:
    """Meetings whose public minutes anyone may read (`public_records(meeting).minutes`)."""
    return Meeting.objects.with_public_records().filter(state=MeetingState.MINUTES_PUBLISHED)


def with_public_items(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their public agenda items as `public_items` (two more queries for any
    number of meetings)."""
    return meetings.prefetch_related(
        Prefetch("agenda_items", queryset=public_agenda_items(), to_attr="public_items"))


@dataclass(frozen=True)
class PublicRecords:
    """A meeting's records as anyone may see them."""

    location: str
    items: list[AgendaItem]
    minutes: bool  # the public minutes exist (and the decisions are shown)

    @property
    def any(self) -> bool:
        return bool(self.location or self.items or self.minutes)


NOTHING = PublicRecords(location="", items=[], minutes=False)


def public_location(meeting: Meeting) -> str:
    """A meeting's place as anyone may see it ("" if it is not public); the same rule as
    meetings_with_public_location."""
    if not meeting.has_public_records or meeting.format == MeetingFormat.ONLINE:
        return ""
    return meeting.location.strip()


def public_records(meeting: Meeting) -> PublicRecords:
    """The public part of a meeting's records (nothing unless they are public); the
    meeting comes from `with_public_items`."""
    if not meeting.has_public_records:
        return NOTHING
    return PublicRecords(
        location=public_location(meeting),
        items=(meeting.public_items if hasattr(meeting, "public_items")
               else list(public_agenda_items().filter(meeting=meeting))),
        minutes=meeting.state == MeetingState.MINUTES_PUBLISHED)


def meeting_public(pk: int, user) -> QuerySet[Meeting]:
    """The meeting a visitor may open (Meeting.objects.visible_to), with its public
    records."""
    return with_public_items(Meeting.objects.visible_to(user).filter(pk=pk)
                             .select_related("working_group", "host", "minutes"))


def meeting_with_public_minutes(pk: int) -> QuerySet[Meeting]:
    """The meeting for the public minutes PDF: public records and published minutes."""
    return with_public_items(meetings_with_public_minutes().filter(pk=pk)
                             .select_related("working_group", "host", "minutes"))
