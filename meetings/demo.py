"""Demo meetings: the working groups "AG Digitales Kreishaus" and "AG Bürgerportal" with past
meetings (agendas, registrations, published minutes, decisions, action items) and upcoming
ones. Runs after members.demo, whose administrations and logins it uses.

Dates are relative to the day of the run, so the demo always has a history and a next
meeting in a few weeks (quarterly: about three to six weeks ahead). They are derived from
the Monday of the current week, so every run in the same week yields the same dates; if one
would fall between Christmas and Epiphany or on a public holiday, the whole series moves by a
week or two. A meeting is identified by its group and its number in
the series, stored as a UUID-5 calendar UID; every row below it by a natural key (agenda item
and decision: order; registration: person; action item: title). Rows are only written when a
value differs, so a second run changes nothing.

Everything is written with the ORM, never through meetings.services: loading demo data sends
no mail. (The periodic reminder task may later mail about the upcoming meetings and overdue
action items, as it would for real data; the demo logins lie under example.org.)
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone

from members.models import Administration, User

from . import demo_texts as texts
from .enums import ActionItemStatus, MeetingFormat, MeetingState, MinutesState
from .models import ActionItem, AgendaItem, Decision, Meeting, Minutes, Registration, WorkingGroup
from .selectors.planning import add_months, nearest_weekday

BERLIN = ZoneInfo("Europe/Berlin")
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://kreishaus.example.org/demo/meetings")
INVITATION_LEAD = timedelta(days=35)  # past meetings were invited five weeks ahead
MINUTES_AFTER = timedelta(days=10)  # and their minutes published ten days after


@dataclass(frozen=True)
class Schedule:
    """When the meetings of a series take place."""

    weekday: int  # 0 = Monday
    days_ahead: int  # the next meeting lies this many days after the Monday of this week
    starts: time
    duration: timedelta
    deadline_days: int  # registration closes this many days before the start
    capacity: int | None


SCHEDULES = {
    # Tuesdays 10:00–13:30; the next one 30 to 36 days from today (unless holidays).
    texts.KREISHAUS: Schedule(weekday=1, days_ahead=36, starts=time(10),
                              duration=timedelta(hours=3, minutes=30), deadline_days=7,
                              capacity=30),
    # Thursdays 14:00–16:00; the next one 46 to 52 days from today (unless holidays).
    texts.BUERGERPORTAL: Schedule(weekday=3, days_ahead=52, starts=time(14),
                                  duration=timedelta(hours=2), deadline_days=3, capacity=None),
}


def meeting_uid(group_slug: str, number: int) -> uuid.UUID:
    """The stable key of a demo meeting: its group and its number in the series."""
    return uuid.uuid5(UID_NAMESPACE, f"{group_slug}/{number}")


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=BERLIN)


def _monday(today: date) -> date:
    return today - timedelta(days=today.weekday())


def _easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def unsuitable(day: date) -> bool:
    """Between Christmas and Epiphany, or a public holiday in Rhineland-Palatinate."""
    if (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 6):
        return True
    if (day.month, day.day) in {(5, 1), (10, 3), (11, 1)}:
        return True
    # Good Friday, Easter Monday, Ascension Day, Whit Monday, Corpus Christi
    return (day - _easter(day.year)).days in {-2, 1, 39, 50, 60}


def series_starts(slug: str, today: date) -> list[datetime]:
    """The start of every meeting of a series, for a run on the given day.

    The next meeting lies `days_ahead` after the Monday of this week, the others whole
    months before or after it on the series' weekday. If one of them would fall into the
    holidays, the whole series moves by a week or two.
    """
    schedule, series = SCHEDULES[slug], texts.SERIES_TEXTS[slug]
    monday = _monday(today)

    def days(base: date) -> list[date]:
        return [nearest_weekday(add_months(base, text.months), schedule.weekday)
                for text in series]

    candidates = [days(monday + timedelta(days=schedule.days_ahead + 7 * weeks))
                  for weeks in (0, -1, 1, -2, 2)]
    chosen = next((c for c in candidates if not any(map(unsuitable, c))), candidates[0])
    return [_at(day, schedule.starts) for day in chosen]


def _state(months: int) -> str:
    if months < 0:
        return MeetingState.MINUTES_PUBLISHED
    return MeetingState.INVITED if months == 0 else MeetingState.PLANNED


def _differs(obj: models.Model, values: dict) -> bool:
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.is_relation:
            if getattr(obj, field.attname) != (value.pk if value is not None else None):
                return True
        elif getattr(obj, name) != value:
            return True
    return False


def _sync(model: type[models.Model], lookup: dict, values: dict, *,
          bump_sequence: bool = False) -> models.Model:
    """Find by natural key; create, or validate and save only when a value differs."""
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is not None and not _differs(obj, values):
        return obj
    if obj is None:
        obj = model(**lookup, **values)
    else:
        for name, value in values.items():
            setattr(obj, name, value)
        if bump_sequence:  # calendar clients must see that the meeting changed
            obj.sequence += 1
    obj.full_clean()
    obj.save()
    return obj


def _administrations() -> dict[str, Administration]:
    keys = {key for group in texts.GROUPS.values() for key in group["members"]}
    keys |= {text.host for series in texts.SERIES_TEXTS.values() for text in series
             if text.host}
    found = Administration.objects.filter(Q(regional_key__in=keys) | Q(slug__in=keys))
    return {key: admin for admin in found for key in (admin.regional_key, admin.slug)
            if key in keys}


def _users() -> dict[str, User]:
    emails = {texts.COORDINATOR, texts.EDITOR_MYK, texts.EDITOR_NEUWIED,
              texts.READER_AHRWEILER}
    return {user.email: user for user in
            User.objects.filter(email__in=emails).select_related("administration")}


def _load_group(slug: str, admins: dict[str, Administration]) -> WorkingGroup:
    spec = texts.GROUPS[slug]
    group = _sync(WorkingGroup, {"slug": slug}, {
        "name": spec["name"], "purpose": spec["purpose"], "cadence": spec["cadence"],
        "coordinating_administration": admins[spec["coordinating"]],
    })
    group.members.set([admins[key] for key in spec["members"]])
    return group


def _load_meeting(group: WorkingGroup, number: int, text: texts.MeetingText, starts: datetime,
                  admins: dict[str, Administration], today: date, *, public: bool) -> Meeting:
    schedule = SCHEDULES[group.slug]
    host = admins[text.host] if text.host else None
    invited_at = None
    if text.months < 0:
        invited_at = _at(starts.date() - INVITATION_LEAD, time(9))
    elif text.months == 0:
        invited_at = _at(_monday(today) - timedelta(days=7), time(9))
    location = ""
    if text.format != MeetingFormat.ONLINE and host is not None:
        location = f"{host.name}\n{host.address or host.seat}"
    online_link = texts.GROUPS[group.slug]["online_link"]
    return _sync(Meeting, {"uid": meeting_uid(group.slug, number)}, {
        "working_group": group,
        "title": text.title or f"Quartalssitzung in {host.seat}",
        "starts_at": starts,
        "ends_at": starts + schedule.duration,
        "format": text.format,
        "host": host,
        "location": location,
        "online_link": online_link if text.format != MeetingFormat.IN_PERSON else "",
        "registration_deadline": starts - timedelta(days=schedule.deadline_days),
        "capacity": schedule.capacity,
        "state": _state(text.months),
        "cancel_reason": "",
        "invited_at": invited_at,
        # The last held meeting and the next one of each group show their records to the
        # public (issue 16): place, public agenda items, decisions, public minutes.
        "public_records": public,
        "public_records_at": invited_at if public else None,
    }, bump_sequence=True)


def _load_agenda(meeting: Meeting, text: texts.MeetingText,
                 previous: Meeting | None) -> dict[int, AgendaItem]:
    items = {}
    for order, item in enumerate(text.agenda, start=1):
        items[order] = _sync(AgendaItem, {"meeting": meeting, "order": order}, {
            "title": item.title, "description": item.description,
            "presenter": item.presenter, "duration_minutes": item.minutes,
            "approves_minutes_of": previous if item.approves_previous else None,
            "notes": item.notes,
            # Approving earlier minutes concerns the members only.
            "public": meeting.public_records and not item.approves_previous,
        })
    return items


def _load_registrations(meeting: Meeting, text: texts.MeetingText,
                        users: dict[str, User]) -> None:
    for attendance in text.registrations:
        _sync(Registration, {"meeting": meeting, "user": users[attendance.email]}, {
            "mode": attendance.mode, "status": attendance.status,
            "attended": attendance.attended,
        })


def _load_minutes(meeting: Meeting, text: texts.MeetingText, approved_in: Meeting | None,
                  coordinator: User) -> None:
    _sync(Minutes, {"meeting": meeting}, {
        "summary": text.summary,
        "state": MinutesState.PUBLISHED,
        "published_at": _at((meeting.ends_at + MINUTES_AFTER).astimezone(BERLIN).date(),
                            time(14)),
        "published_by": coordinator,
        "approved_at": approved_in.starts_at + timedelta(minutes=10) if approved_in else None,
        "approved_in": approved_in,
    })


def _load_decisions(meeting: Meeting, text: texts.MeetingText,
                    agenda: dict[int, AgendaItem]) -> None:
    for order, decision in enumerate(text.decisions, start=1):
        _sync(Decision, {"meeting": meeting, "order": order}, {
            "agenda_item": agenda[decision.item], "wording": decision.wording,
            "result": decision.result,
        })


def _load_tasks(meeting: Meeting, text: texts.MeetingText, admins: dict[str, Administration],
                users: dict[str, User]) -> None:
    held_on = meeting.starts_at.astimezone(BERLIN).date()
    for task in text.tasks:
        user = users.get(task.responsible)
        done = task.done_days is not None
        _sync(ActionItem, {"meeting": meeting, "title": task.title}, {
            "description": task.description,
            "responsible_administration": user.administration if user else
            admins[task.responsible],
            "responsible_user": user,
            "due_date": held_on + timedelta(days=task.due_days),
            "status": ActionItemStatus.DONE if done else ActionItemStatus.OPEN,
            "done_at": _at(held_on + timedelta(days=task.done_days), time(16)) if done
            else None,
        })


def load(today: date | None = None) -> None:
    """Create or update the demo working groups and meetings (idempotent, sends no mail)."""
    today = today or timezone.localdate()
    admins, users = _administrations(), _users()
    for slug, series in texts.SERIES_TEXTS.items():
        group = _load_group(slug, admins)
        last_held = max(text.months for text in series if text.months < 0)
        meetings = [_load_meeting(group, number, text, starts, admins, today,
                                  public=text.months in (last_held, 0))
                    for number, (text, starts) in enumerate(
                        zip(series, series_starts(slug, today), strict=True), start=1)]
        for index, (meeting, text) in enumerate(zip(meetings, series, strict=True)):
            previous = meetings[index - 1] if index else None
            following = meetings[index + 1] if index + 1 < len(meetings) else None
            if following is not None and series[index + 1].months >= 0:
                following = None  # not held yet, so it approved nothing
            agenda = _load_agenda(meeting, text, previous)
            _load_registrations(meeting, text, users)
            if text.months < 0:
                _load_minutes(meeting, text, following, users[texts.COORDINATOR])
            _load_decisions(meeting, text, agenda)
            _load_tasks(meeting, text, admins, users)


def counts() -> dict[str, int]:
    """Row counts for the summary line of the demo_data command."""
    return {
        "working_groups": WorkingGroup.objects.count(),
        "meetings": Meeting.objects.count(),
        "open_action_items": ActionItem.objects.filter(status=ActionItemStatus.OPEN).count(),
    }

