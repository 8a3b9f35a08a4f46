"""What the confirmation pages of irreversible steps (publishing the minutes, cancelling a
meeting) tell the coordinator: what the minutes hold and who will be mailed, counted by
the same code that sends the mails (meetings.reminders)."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Meeting, Minutes
from ..reminders import notice_recipients


@dataclass(frozen=True)
class MinutesContent:
    """What the minutes of a meeting hold; published minutes must hold something."""

    notes: int  # the summary and every agenda item with a note
    decisions: int
    action_items: int
    attended: int

    @property
    def is_empty(self) -> bool:
        return not (self.notes or self.decisions or self.action_items or self.attended)


def minutes_content(meeting: Meeting) -> MinutesContent:
    """Count the notes, decisions, action items and people present, registered or guests
    (five small queries)."""
    summary = Minutes.objects.filter(meeting=meeting).exclude(summary__regex=r"^\s*$").exists()
    notes = meeting.agenda_items.exclude(Q(notes__regex=r"^\s*$")).count()
    return MinutesContent(
        notes=notes + int(summary), decisions=meeting.decisions.count(),
        action_items=meeting.action_items.count(),
        attended=meeting.registrations.filter(attended=True).count()
        + meeting.guests.count())


def minutes_publish_recipients(meeting: Meeting) -> int:
    """How many people the notice of the published minutes will reach."""
    return len(notice_recipients(meeting, "minutes_published"))


def cancellation_recipients(meeting: Meeting) -> int:
    """How many people the cancellation mail will reach (registered or waiting, before
    the start, as meetings.reminders sends it)."""
    return len(notice_recipients(meeting, "cancellation"))
