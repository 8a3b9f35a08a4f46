"""Read functions of the dashboard and the planning help."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meetings.enums import ActionItemStatus, Cadence, MeetingState, RegistrationStatus
from meetings.models import ActionItem, Meeting, Minutes, Registration
from meetings.selectors.dashboard import action_items_open_for, meetings_upcoming_for
from meetings.selectors.planning import add_months, nearest_weekday, next_meeting_suggestion
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _meeting_at(group, starts, *, host=None, state=MeetingState.MINUTES_PUBLISHED):
    return Meeting.objects.create(working_group=group, title="Sitzung", starts_at=starts,
                                  ends_at=starts + timedelta(hours=3), host=host, state=state)


# --- Planning help: next date ---------------------------------------------------------------

def test_quarterly_suggestion_is_three_months_later_on_the_same_weekday_and_time(
        administration):
    group = make_group(administration)
    last = datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN)  # a Tuesday, winter time
    _meeting_at(group, last)

    starts, _host = next_meeting_suggestion(group, now=last + timedelta(days=10))

    # 10.06.2026 is a Wednesday; the nearest Tuesday is the 9th, at 10:00 summer time.
    assert starts == datetime(2026, 6, 9, 10, 0, tzinfo=BERLIN)
    assert starts.utcoffset() == timedelta(hours=2)


def test_suggestion_keeps_the_date_when_the_weekday_matches(administration):
    group = make_group(administration)
    last = datetime(2026, 9, 15, 14, 30, tzinfo=BERLIN)  # Tuesday; 15.12.2026 is one too
    _meeting_at(group, last)

    starts, _host = next_meeting_suggestion(group, now=last)

    assert starts == datetime(2026, 12, 15, 14, 30, tzinfo=BERLIN)


def test_suggestion_follows_the_cadence_and_skips_cancelled_meetings(administration):
    group = make_group(administration)
    group.cadence = Cadence.HALF_YEARLY
    group.save()
    last = datetime(2026, 1, 15, 10, 0, tzinfo=BERLIN)  # Thursday
    _meeting_at(group, last)
    _meeting_at(group, last + timedelta(days=60), state=MeetingState.CANCELLED)

    starts, _host = next_meeting_suggestion(group, now=last)

    assert starts == datetime(2026, 7, 16, 10, 0, tzinfo=BERLIN)  # nearest Thursday


def test_suggestion_after_a_long_pause_lies_ahead(administration):
    group = make_group(administration)
    last = datetime(2025, 1, 14, 10, 0, tzinfo=BERLIN)
    _meeting_at(group, last)
    now = datetime(2026, 2, 1, 12, 0, tzinfo=BERLIN)

    starts, _host = next_meeting_suggestion(group, now=now)

    assert starts == datetime(2026, 4, 14, 10, 0, tzinfo=BERLIN)  # five quarters later


def test_no_date_without_meetings_or_for_groups_without_cadence(administration):
    group = make_group(administration)
    assert next_meeting_suggestion(group)[0] is None

    _meeting_at(group, timezone.now() - timedelta(days=10))
    group.cadence = Cadence.IRREGULAR
    group.save()
    assert next_meeting_suggestion(group)[0] is None


def test_date_helpers():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 10), -15) == date(2024, 12, 10)
    assert nearest_weekday(date(2026, 6, 10), 1) == date(2026, 6, 9)
    assert nearest_weekday(date(2026, 6, 13), 1) == date(2026, 6, 16)
    assert nearest_weekday(date(2026, 6, 9), 1) == date(2026, 6, 9)


# --- Planning help: host ----------------------------------------------------------------------

def test_host_is_the_member_that_hosted_least_recently():
    alpha, beta, gamma = (AdministrationFactory(name=f"Landkreis {n}")
                          for n in ("Alpha", "Beta", "Gamma"))
    group = make_group(alpha, beta, gamma)
    now = timezone.now()
    _meeting_at(group, now - timedelta(days=300), host=beta)
    _meeting_at(group, now - timedelta(days=200), host=alpha)
    _meeting_at(group, now - timedelta(days=100), host=gamma)
    _meeting_at(group, now - timedelta(days=50), host=beta, state=MeetingState.CANCELLED)

    assert next_meeting_suggestion(group)[1] == beta


def test_host_never_hosted_comes_first_and_ties_go_by_name():
    alpha, beta, gamma, delta = (AdministrationFactory(name=f"Landkreis {n}")
                                 for n in ("Alpha", "Beta", "Gamma", "Delta"))
    group = make_group(alpha, beta, gamma, delta)
    other_group = make_group(gamma, slug="andere-ag", name="Andere AG")
    now = timezone.now()
    _meeting_at(group, now - timedelta(days=100), host=alpha)
    _meeting_at(group, now - timedelta(days=10), host=beta)
    _meeting_at(other_group, now - timedelta(days=5), host=gamma)  # does not count here

    assert next_meeting_suggestion(group)[1] == delta  # Delta before Gamma
    _meeting_at(group, now + timedelta(days=30), host=delta, state=MeetingState.PLANNED)
    assert next_meeting_suggestion(group)[1] == gamma


def test_former_members_are_not_suggested():
    former = AdministrationFactory(name="Landkreis Aaa", member_until=date(2024, 1, 1))
    current = AdministrationFactory(name="Landkreis Zzz")
    group = make_group(current, former)
    _meeting_at(group, timezone.now() - timedelta(days=10), host=current)

    assert next_meeting_suggestion(group)[1] == current


def test_no_host_without_members():
    assert next_meeting_suggestion(make_group()) == (None, None)


# --- Upcoming meetings ------------------------------------------------------------------------

def test_upcoming_meetings_of_the_users_groups_in_order(reader, administration,
                                                       other_administration):
    mine = make_group(administration, other_administration)
    foreign = make_group(other_administration, slug="fremd", name="Fremde AG")
    later = make_meeting(mine, days=40, host=other_administration)
    sooner = make_meeting(mine, days=10, state=MeetingState.CANCELLED)
    make_meeting(mine, days=-5, state=MeetingState.HELD)
    make_meeting(foreign, days=20)
    Registration.objects.create(meeting=later, user=reader, status=RegistrationStatus.WAITING)

    meetings = list(meetings_upcoming_for(reader))

    assert meetings == [sooner, later]  # cancelled ones stay visible (and are marked)
    assert meetings[1].my_registrations[0].status == RegistrationStatus.WAITING
    assert meetings[0].my_registrations == []
    assert meetings[1].host == other_administration


def test_coordinators_see_every_group_and_the_limit_holds(coordinator, other_administration):
    foreign = make_group(other_administration, slug="fremd", name="Fremde AG")
    for days in range(1, 8):
        make_meeting(foreign, days=days)

    assert len(meetings_upcoming_for(coordinator)) == 5
    assert len(meetings_upcoming_for(coordinator, limit=3)) == 3


def test_users_without_administration_see_no_meetings(administration):
    make_meeting(make_group(administration), days=5)
    outsider = UserFactory(administration=None)

    assert list(meetings_upcoming_for(outsider)) == []


# --- Open action items ------------------------------------------------------------------------

def _item(meeting, title, *, due=None, **fields):
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    return ActionItem.objects.create(meeting=meeting, title=title, due_date=due, **fields)


def test_action_items_for_person_and_for_the_editors_administration(
        editor, reader, administration, other_administration):
    meeting = make_meeting(make_group(administration), days=-30, state=MeetingState.HELD)
    today = timezone.localdate()
    named = _item(meeting, "Für die Person", due=today + timedelta(days=5),
                  responsible_user=editor, responsible_administration=administration)
    office = _item(meeting, "Für die Verwaltung", due=today - timedelta(days=1),
                   responsible_administration=administration)
    undated = _item(meeting, "Ohne Frist", responsible_administration=administration)
    _item(meeting, "Für jemand anderen", responsible_user=reader,
          responsible_administration=administration)
    _item(meeting, "Erledigt", responsible_user=editor, status=ActionItemStatus.DONE)
    _item(meeting, "Andere Verwaltung", responsible_administration=other_administration)

    items = list(action_items_open_for(editor))

    assert items == [office, named, undated]
    assert [item.is_overdue for item in items] == [True, False, False]
    assert [item.title for item in action_items_open_for(reader)] == ["Für jemand anderen"]
