"""The demo meetings: counts, the next meeting, history, idempotence, no mail."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from common import page_cache
from meetings import demo
from meetings.demo import series_starts, unsuitable
from meetings.enums import ActionItemStatus, DecisionResult, MeetingFormat, MeetingState
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    Minutes,
    Registration,
    WorkingGroup,
)
from meetings.selectors.dashboard import action_items_open_for
from members import demo as members_demo
from members.models import User

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _rows(model, *extra):
    return sorted((tuple(sorted(row.items())) for row in model.objects.values(
        *[f.attname for f in model._meta.concrete_fields], *extra)), key=repr)


def _snapshot():
    """Every column of every meetings row (timestamps, UIDs and sequences included)."""
    return [
        _rows(WorkingGroup), sorted(WorkingGroup.members.through.objects.values_list(
            "workinggroup_id", "administration_id")),
        _rows(Meeting), _rows(AgendaItem), _rows(Registration), _rows(Minutes),
        _rows(Decision), _rows(ActionItem),
    ]


def _kreishaus():
    return Meeting.objects.filter(working_group__slug="ag-digitales-kreishaus")


def _load(today):
    members_demo.load()
    demo.load(today=today)


def test_demo_data_creates_groups_and_meetings():
    call_command("demo_data")

    kreishaus = WorkingGroup.objects.get(slug="ag-digitales-kreishaus")
    portal = WorkingGroup.objects.get(name="AG Bürgerportal")
    assert kreishaus.name == "AG Digitales Kreishaus"
    assert kreishaus.members.count() == 10 and portal.members.count() == 7
    assert kreishaus.coordinating_administration.regional_key == "07137"
    assert portal.coordinating_administration.regional_key == "07137"
    assert set(portal.members.exclude(regional_key="07137").values_list(
        "parent__regional_key", flat=True)) == {"07137"}
    assert (kreishaus.cadence, portal.cadence) == ("quarterly", "half_yearly")
    assert Meeting.objects.count() == 13
    states = sorted(_kreishaus().values_list("state", flat=True))
    assert states.count(MeetingState.MINUTES_PUBLISHED) == 8
    assert states.count(MeetingState.INVITED) == 1 and states.count(MeetingState.PLANNED) == 1
    # Ten different hosts over the series: the rotation went round once.
    assert _kreishaus().values("host").distinct().count() == 10
    assert AgendaItem.objects.count() == 67
    assert Registration.objects.count() == 37
    assert Minutes.objects.count() == 10
    assert Decision.objects.count() == 16
    assert ActionItem.objects.count() == 24


def test_the_next_meeting_is_hosted_by_the_westerwaldkreis():
    call_command("demo_data")
    now = timezone.now()

    upcoming = _kreishaus().filter(starts_at__gt=now).order_by("starts_at")
    following = upcoming.first()
    assert following.host.name == "Westerwaldkreis"
    assert following.title == "Quartalssitzung in Montabaur"
    assert following.state == MeetingState.INVITED and following.invited_at < now
    assert timedelta(weeks=3) <= following.starts_at - now <= timedelta(weeks=6)
    local = following.starts_at.astimezone(BERLIN)
    assert local.time() == time(10) and local.weekday() == 1
    assert following.registration_deadline == following.starts_at - timedelta(days=7)
    assert following.capacity == 30
    assert "Peter-Altmeier-Platz 1" in following.location
    assert "56410 Montabaur" in following.location
    assert following.format == MeetingFormat.HYBRID and following.online_link
    assert following.agenda_items.first().approves_minutes_of == (
        _kreishaus().filter(starts_at__lt=now).order_by("-starts_at").first())
    assert following.registrations.count() == 3
    assert upcoming[1].state == MeetingState.PLANNED
    assert upcoming[1].host.regional_key == "07137"


def test_the_buergerportal_meets_online():
    call_command("demo_data")

    meeting = Meeting.objects.get(working_group__slug="ag-buergerportal",
                                  starts_at__gt=timezone.now())
    assert meeting.format == MeetingFormat.ONLINE and meeting.state == MeetingState.INVITED
    assert meeting.online_link.startswith("https://") and "example.org" in meeting.online_link
    assert meeting.location == "" and meeting.host is None


def test_past_meetings_have_agenda_minutes_decisions_and_action_items():
    call_command("demo_data")
    now = timezone.now()

    past = list(_kreishaus().filter(starts_at__lt=now).order_by("starts_at"))
    assert len(past) == 8
    assert past[0].starts_at < now - timedelta(days=365 * 2 - 40)
    for index, meeting in enumerate(past):
        assert meeting.state == MeetingState.MINUTES_PUBLISHED
        items = list(meeting.agenda_items.all())
        assert 4 <= len(items) <= 7, meeting
        assert all(item.notes for item in items), meeting
        assert items[-1].title == "Verschiedenes"
        assert 1 <= meeting.decisions.count() <= 3, meeting
        assert 1 <= meeting.action_items.count() <= 3, meeting
        assert meeting.registrations.filter(attended=True).exists()
        assert meeting.minutes.state == "published" and meeting.minutes.published_at < now
        assert meeting.minutes.summary and meeting.minutes.published_by.is_coordinator
        if index:
            assert items[0].approves_minutes_of == past[index - 1]
            assert past[index - 1].minutes.approved_in == meeting
            assert past[index - 1].minutes.approved_at > meeting.starts_at
    assert past[-1].minutes.approved_in is None  # to be approved at the next meeting
    assert {DecisionResult.UNANIMOUS, DecisionResult.MAJORITY, DecisionResult.POSTPONED} <= set(
        Decision.objects.values_list("result", flat=True))
    hybrid = [m for m in past if m.format == MeetingFormat.HYBRID]
    assert hybrid and all(m.online_link for m in hybrid)
    assert all(m.location for m in past)


def test_action_items_are_done_open_and_overdue():
    call_command("demo_data")
    today, now = timezone.localdate(), timezone.now()

    done = ActionItem.objects.filter(status=ActionItemStatus.DONE)
    open_items = ActionItem.objects.filter(status=ActionItemStatus.OPEN)
    assert done.exists() and all(item.done_at < now for item in done)
    assert open_items.filter(due_date__lt=today).exists()
    assert open_items.filter(due_date__gte=today).exists()
    assert ActionItem.objects.filter(responsible_user__isnull=False).exists()
    assert ActionItem.objects.filter(responsible_user__isnull=True,
                                     responsible_administration__isnull=False).exists()
    for item in ActionItem.objects.filter(responsible_user__isnull=False):
        assert item.responsible_administration_id == item.responsible_user.administration_id

    neuwied = User.objects.get(email="redaktion.neuwied@example.org")
    mine = list(action_items_open_for(neuwied))
    assert any(item.is_overdue and item.responsible_user == neuwied for item in mine)
    assert any(item.responsible_user is None for item in mine)  # for the administration
    ahrweiler = User.objects.get(email="lesen.ahrweiler@example.org")
    assert ahrweiler.action_items.filter(status=ActionItemStatus.OPEN).exists()


def test_demo_data_is_idempotent_and_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("demo_data")
    first = _snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_data")

    assert _snapshot() == first
    # Only the caches are told that pages and statuses changed; nothing queues a mail.
    assert [c for c in callbacks if c is not page_cache._bump
            and getattr(c, "func", None) is not page_cache._bump_scope] == []
    assert mail.outbox == []


def test_runs_in_the_same_week_give_the_same_rows():
    _load(date(2026, 3, 2))
    first = _snapshot()
    _load(date(2026, 3, 8))

    assert _snapshot() == first


def test_a_later_run_moves_the_meetings_instead_of_adding_rows():
    _load(date(2026, 3, 2))
    before = {m.uid: (m.starts_at, m.sequence) for m in Meeting.objects.all()}
    counts = [model.objects.count() for model in (AgendaItem, Registration, ActionItem)]
    _load(date(2026, 6, 15))

    after = {m.uid: (m.starts_at, m.sequence) for m in Meeting.objects.all()}
    assert after.keys() == before.keys()
    assert all(after[uid][0] > before[uid][0] for uid in before)
    assert all(after[uid][1] == before[uid][1] + 1 for uid in before)
    assert [model.objects.count() for model in (AgendaItem, Registration, ActionItem)] == counts


@pytest.mark.parametrize("today", [
    date(2026, 3, 23), date(2026, 3, 29), date(2026, 10, 25), date(2026, 12, 31),
    date(2028, 2, 29), date(2027, 1, 4),
])
def test_dates_follow_the_rules_on_any_day(today):
    _load(today)
    noon = datetime.combine(today, time(12), tzinfo=BERLIN)

    series = list(_kreishaus().order_by("starts_at"))
    following = series[8]
    assert 16 <= (following.starts_at.astimezone(BERLIN).date() - today).days <= 43
    assert following.invited_at < noon
    for meeting in series:
        local = meeting.starts_at.astimezone(BERLIN)
        assert (local.weekday(), local.time()) == (1, time(10)), meeting
    days = [meeting.starts_at.astimezone(BERLIN).date() for meeting in series]
    gaps = {(later - earlier).days for earlier, later in zip(days, days[1:], strict=False)}
    assert gaps <= {84, 91, 98}
    assert all(m.starts_at < noon for m in series[:8])
    assert all(m.minutes.published_at < noon for m in series[:8])
    assert not ActionItem.objects.filter(done_at__gte=noon).exists()
    neuwied = User.objects.get(email="redaktion.neuwied@example.org")
    assert any(item.is_overdue for item in action_items_open_for(neuwied, today=today))


def test_series_dates_avoid_the_holidays_and_keep_their_rhythm():
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        kreishaus = [s.date() for s in series_starts("ag-digitales-kreishaus", day)]
        portal = [s.date() for s in series_starts("ag-buergerportal", day)]
        assert not any(map(unsuitable, kreishaus + portal)), day
        assert 16 <= (kreishaus[8] - day).days <= 43, day
        assert kreishaus[7] < day - timedelta(days=40) and portal[1] < day, day
        assert {d.weekday() for d in kreishaus} == {1} and {d.weekday() for d in portal} == {3}
        day += timedelta(days=1)


def test_unsuitable_days():
    assert unsuitable(date(2026, 12, 29)) and unsuitable(date(2027, 1, 5))
    assert unsuitable(date(2026, 5, 14))  # Ascension Day 2026
    assert unsuitable(date(2026, 6, 4))  # Corpus Christi 2026
    assert unsuitable(date(2026, 4, 3)) and unsuitable(date(2026, 4, 6))  # Easter 2026
    assert not unsuitable(date(2026, 12, 15)) and not unsuitable(date(2026, 5, 12))
