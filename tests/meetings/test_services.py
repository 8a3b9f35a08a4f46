"""State machine, registrations with capacity and waiting list, minutes read-only."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Minutes, MinutesRevision, Registration
from meetings.services.action_items import action_item_set_done
from meetings.services.agenda import agenda_carry_over, agenda_item_move
from meetings.services.meetings import meeting_save, meeting_transition
from meetings.services.minutes import (
    decision_save,
    minutes_approve,
    minutes_publish,
    minutes_save,
)
from meetings.services.registrations import registration_decline, registration_register
from tests.factories import UserFactory
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration)


@pytest.mark.parametrize(("start", "target"), [
    ("planned", "held"), ("planned", "minutes_published"), ("invited", "planned"),
    ("held", "invited"), ("held", "cancelled"), ("cancelled", "invited"),
    ("minutes_published", "held"),
])
def test_illegal_transitions_are_refused(group, coordinator, start, target):
    meeting = make_meeting(group, state=start)

    with pytest.raises(ValidationError):
        meeting_transition(meeting=meeting, to=target, by=coordinator, reason="x")

    meeting.refresh_from_db()
    assert meeting.state == start


def test_legal_path_through_the_states(group, coordinator, django_capture_on_commit_callbacks):
    meeting = make_meeting(group, days=-1 / 24, state="planned")  # began an hour ago
    with django_capture_on_commit_callbacks(execute=True):
        meeting_transition(meeting=meeting, to="invited", by=coordinator)
    meeting_transition(meeting=meeting, to="held", by=coordinator)
    minutes_save(meeting=meeting, summary="Alle Punkte besprochen.", notes={}, by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_publish(meeting=meeting, by=coordinator)

    meeting.refresh_from_db()
    assert meeting.state == "minutes_published"
    assert meeting.invited_at is not None
    assert meeting.sequence == 2


def test_cancel_needs_a_reason(group, coordinator):
    meeting = make_meeting(group)

    with pytest.raises(ValidationError) as error:
        meeting_transition(meeting=meeting, to="cancelled", by=coordinator, reason=" ")

    assert "Grund" in error.value.messages[0]


def test_only_coordinators_change_states(group, editor):
    meeting = make_meeting(group, state="planned")

    with pytest.raises(PermissionDenied):
        meeting_transition(meeting=meeting, to="invited", by=editor)


def test_change_raises_calendar_sequence(group, coordinator):
    meeting = make_meeting(group)

    meeting_save(meeting=meeting, fields={"location": "Neuer Ort"}, by=coordinator)

    meeting.refresh_from_db()
    assert (meeting.location, meeting.sequence) == ("Neuer Ort", 1)


def test_capacity_fills_then_waiting_list_moves_up(group, administration):
    meeting = make_meeting(group, capacity=2)
    first, second, third, fourth = UserFactory.create_batch(4, administration=administration)

    statuses = [registration_register(meeting=meeting, user=u, mode="in_person").status
                for u in (first, second, third, fourth)]
    registration_decline(meeting=meeting, user=first)

    assert statuses == ["registered", "registered", "waiting", "waiting"]
    current = dict(Registration.objects.values_list("user_id", "status"))
    assert current == {first.pk: "declined", second.pk: "registered", third.pk: "registered",
                       fourth.pk: "waiting"}


def _waiting_list(meeting, count, administration):
    people = UserFactory.create_batch(count, administration=administration)
    for person in people:
        registration_register(meeting=meeting, user=person, mode="in_person")
    return people


def _statuses(people):
    current = dict(Registration.objects.values_list("user_id", "status"))
    return [current[person.pk] for person in people]


def test_raising_the_capacity_moves_the_waiting_list_up_in_order(group, coordinator,
                                                                 administration):
    meeting = make_meeting(group, capacity=1)
    people = _waiting_list(meeting, 4, administration)

    meeting_save(meeting=meeting, fields={"capacity": 3}, by=coordinator)

    assert _statuses(people) == ["registered", "registered", "registered", "waiting"]


def test_removing_the_limit_moves_everyone_up(group, coordinator, administration):
    meeting = make_meeting(group, capacity=1)
    people = _waiting_list(meeting, 3, administration)

    meeting_save(meeting=meeting, fields={"capacity": None}, by=coordinator)

    assert _statuses(people) == ["registered"] * 3


def test_lowering_the_capacity_keeps_places_and_moves_nobody(group, coordinator,
                                                             administration):
    meeting = make_meeting(group, capacity=2)
    people = _waiting_list(meeting, 3, administration)

    meeting_save(meeting=meeting, fields={"capacity": 1}, by=coordinator)
    registration_decline(meeting=meeting, user=people[0])

    # Two were registered for one place: the one left keeps it, nobody moves up.
    assert _statuses(people) == ["declined", "registered", "waiting"]


def test_capacity_raised_on_the_edit_page_shows_the_moved_people(client, group, coordinator,
                                                                  administration):
    meeting = make_meeting(group, capacity=1)
    people = _waiting_list(meeting, 2, administration)
    client.force_login(coordinator)
    start = timezone.localtime(meeting.starts_at)

    response = client.post(reverse("meetings:edit", args=[meeting.pk]), {
        "title": meeting.title, "format": "in_person", "location": meeting.location,
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": "2"})

    assert response.status_code == 302
    assert _statuses(people) == ["registered", "registered"]
    page = client.get(response["Location"]).content.decode()
    assert "2 angemeldet, 0 auf der Warteliste · 2 Plätze" in page


def test_changing_mode_keeps_the_place(group, reader):
    meeting = make_meeting(group, capacity=1)
    registration_register(meeting=meeting, user=reader, mode="in_person")

    registration = registration_register(meeting=meeting, user=reader, mode="online")

    assert (registration.status, registration.mode) == ("registered", "online")
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("setup", ["deadline_passed", "started", "planned", "cancelled"])
def test_registration_closed(group, reader, setup):
    meeting = make_meeting(group)
    if setup == "deadline_passed":
        meeting.registration_deadline = timezone.now() - timedelta(hours=1)
    elif setup == "started":
        meeting.starts_at = timezone.now() - timedelta(minutes=5)
    else:
        meeting.state = setup
    meeting.save()

    with pytest.raises(ValidationError):
        registration_register(meeting=meeting, user=reader, mode="in_person")

    assert not Registration.objects.exists()


def test_published_minutes_are_read_only_but_correctable(group, coordinator):
    meeting = make_meeting(group, state="held")
    item, = add_agenda(meeting, "Stand E-Akte")
    minutes_save(meeting=meeting, summary="Erste Fassung",
                          notes={item.pk: "Notiz"}, by=coordinator)
    minutes_publish(meeting=meeting, by=coordinator)

    with pytest.raises(ValidationError):
        minutes_save(meeting=meeting, summary="Heimlich geändert", notes={},
                              by=coordinator)
    minutes_save(meeting=meeting, summary="Berichtigt", notes={item.pk: "Neu"},
                          by=coordinator, correction_reason="Tippfehler")

    minutes = Minutes.objects.get(meeting=meeting)
    revision = MinutesRevision.objects.get(minutes=minutes)
    assert minutes.summary == "Berichtigt"
    assert revision.content["summary"] == "Erste Fassung"
    assert revision.content["notes"] == {str(item.pk): "Notiz"}
    assert revision.reason == "Tippfehler"


def test_decisions_frozen_after_publishing(group, coordinator):
    from meetings.models import Decision

    meeting = make_meeting(group, state="held")
    minutes_save(meeting=meeting, summary="Kurzfassung", notes={}, by=coordinator)
    minutes_publish(meeting=meeting, by=coordinator)

    with pytest.raises(ValidationError):
        decision_save(decision=Decision(meeting=meeting),
                               fields={"wording": "Neu", "result": "unanimous"}, by=coordinator)


def test_minutes_approved_in_a_later_meeting_of_the_same_group(group, coordinator):
    earlier = make_meeting(group, days=-90, state="held")
    minutes_save(meeting=earlier, summary="Kurzfassung", notes={}, by=coordinator)
    minutes_publish(meeting=earlier, by=coordinator)
    later = make_meeting(group, days=5)

    minutes_approve(minutes=earlier.minutes, in_meeting=later, by=coordinator)

    earlier.minutes.refresh_from_db()
    assert earlier.minutes.approved_in == later
    with pytest.raises(ValidationError):
        minutes_approve(minutes=earlier.minutes, in_meeting=earlier, by=coordinator)


def test_agenda_moves_and_shows_start_times(group, coordinator):
    from meetings.selectors.meetings import agenda_with_times

    meeting = make_meeting(group)
    first, second, third = add_agenda(meeting, "Begrüßung", "E-Akte", "Verschiedenes")

    agenda_item_move(item=third, direction=-1, by=coordinator)

    rows = agenda_with_times(Meeting.objects.get(pk=meeting.pk))
    assert [item.title for item, _start in rows] == ["Begrüßung", "Verschiedenes", "E-Akte"]
    assert [start - meeting.starts_at for _item, start in rows] == [
        timedelta(0), timedelta(minutes=30), timedelta(minutes=60)]


def test_action_item_ticked_off_by_responsible_person_only(group, coordinator, reader, editor,
                                                          other_editor):
    from meetings.models import ActionItem

    meeting = make_meeting(group, state="held")
    item = ActionItem.objects.create(meeting=meeting, title="Vorlage teilen",
                                     responsible_user=reader)

    with pytest.raises(PermissionDenied):
        action_item_set_done(item=item, done=True, by=other_editor)
    action_item_set_done(item=item, done=True, by=reader)

    item.refresh_from_db()
    assert item.status == "done" and item.done_at is not None


def test_carry_over_copies_chosen_agenda_items(group, coordinator):
    source = make_meeting(group, days=-90, state="held")
    target = make_meeting(group, days=5, state="planned")
    keep, _skip = add_agenda(source, "Kfz-Ummeldung", "Begrüßung")

    agenda_carry_over(source=source, target=target, item_ids=[keep.pk], by=coordinator)

    assert list(target.agenda_items.values_list("title", flat=True)) == ["Kfz-Ummeldung"]


def test_one_place_is_one_platz_on_the_meeting_page(client, group, coordinator):
    # Issue 14's quarter in the browser read "1 angemeldet, 0 auf der Warteliste · 1 Plätze".
    meeting = make_meeting(group, capacity=1)
    client.force_login(coordinator)

    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()

    assert "0 angemeldet, 0 auf der Warteliste · 1 Platz</dd>" in page
