"""iCalendar (RFC 5545) text of meetings: the single download, the invitation's attachment,
the personal feed (which meetings go in: selectors.calendar).

Times are written in UTC (``…Z``): every client converts them to the reader's zone, and no
VTIMEZONE block has to be kept in step with the tz database.
"""

from collections.abc import Iterable
from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .enums import MeetingFormat, MeetingState
from .models import Meeting

PRODID = "-//Kreishaus//DE"
FEED_NAME = "Kreishaus – Sitzungen"

_STATUS = {MeetingState.PLANNED: "TENTATIVE", MeetingState.CANCELLED: "CANCELLED"}


def _calendar() -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    return cal


def meeting_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@kreishaus"


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL + meeting.get_absolute_url()


def _location(meeting: Meeting) -> str:
    if meeting.format == MeetingFormat.ONLINE:
        return meeting.online_link or _("online")
    if meeting.format == MeetingFormat.HYBRID:
        return " ".join(filter(None, [meeting.location, _("(auch online)")]))
    return meeting.location


def _description(meeting: Meeting) -> str:
    lines = []
    if meeting.state == MeetingState.CANCELLED:
        lines += [_("Die Sitzung ist abgesagt. Grund: %(reason)s") % {
            "reason": meeting.cancel_reason}, ""]
    if meeting.host:
        lines.append(_("Gastgeber: %(host)s") % {"host": meeting.host})
    lines.append(_("Format: %(format)s") % {"format": meeting.get_format_display()})
    if meeting.online_link:
        lines.append(_("Online-Teilnahme: %(link)s") % {"link": meeting.online_link})
    agenda = list(meeting.agenda_items.all())
    if agenda:
        lines += ["", _("Tagesordnung:")]
        lines += [f"{number}. {item.title}" for number, item in enumerate(agenda, start=1)]
    lines += ["", meeting_url(meeting)]
    return "\n".join(lines)


def _event(meeting: Meeting, stamp) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", stamp)
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    summary = f"{meeting.title} ({meeting.working_group.name})"
    if meeting.state == MeetingState.CANCELLED:
        # Outlook shows no STATUS in subscribed calendars; the title has to say it.
        summary = _("Abgesagt: %(summary)s") % {"summary": summary}
    event.add("summary", summary)
    location = _location(meeting)
    if location:
        event.add("location", location)
    if meeting.online_link:
        event.add("conference", meeting.online_link,
                  parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
    event.add("url", meeting_url(meeting))
    event.add("description", _description(meeting))
    event.add("status", _STATUS.get(meeting.state, "CONFIRMED"))
    event.add("transp", "TRANSPARENT" if meeting.state == MeetingState.CANCELLED else "OPAQUE")
    return event


def meeting_ics(meeting: Meeting) -> str:
    """One VCALENDAR with the meeting as its only VEVENT (download and mail attachment)."""
    with translation.override(settings.LANGUAGE_CODE):
        cal = _calendar()
        cal.add_component(_event(meeting, timezone.now().astimezone(UTC)))
    return cal.to_ical().decode()


def feed_ics(meetings: Iterable[Meeting]) -> str:
    """A subscribable calendar with all given meetings."""
    with translation.override(settings.LANGUAGE_CODE):
        cal = _calendar()
        cal.add("x-wr-calname", FEED_NAME)
        cal.add("name", FEED_NAME)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        # Ask clients to look for changes every hour.
        cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT1H")
        stamp = timezone.now().astimezone(UTC)
        for meeting in meetings:
            cal.add_component(_event(meeting, stamp))
    return cal.to_ical().decode()
