"""Small builders for meetings tests (plain ORM, no factories needed)."""

from datetime import timedelta

from django.utils import timezone

from meetings.models import AgendaItem, Meeting, WorkingGroup


def make_group(*members, slug="ag-digital", name="AG Digitales Kreishaus"):
    group = WorkingGroup.objects.create(name=name, slug=slug, cadence="quarterly",
                                        coordinating_administration=members[0] if members
                                        else None)
    group.members.set(members)
    return group


def make_meeting(group, *, days=30, state="invited", capacity=None, host=None, **extra):
    starts = timezone.now() + timedelta(days=days)
    return Meeting.objects.create(
        working_group=group, title=extra.pop("title", "Quartalssitzung"), starts_at=starts,
        ends_at=starts + timedelta(hours=3), host=host, location="Kreishaus, Saal 1",
        state=state, capacity=capacity, **extra)


def add_agenda(meeting, *titles, minutes=30):
    return [AgendaItem.objects.create(meeting=meeting, order=i, title=t, duration_minutes=minutes)
            for i, t in enumerate(titles, start=1)]
