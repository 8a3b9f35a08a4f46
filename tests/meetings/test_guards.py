"""Guards on the irreversible steps of a meeting (issue 14): marked as held only once
started, no empty minutes published, publishing and cancelling through a confirmation page
that counts the people the mails will reach, no new meetings in the past except as held
records."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from common.models import OutgoingMail
from meetings.enums import RegistrationStatus
from meetings.models import Decision, Guest, Meeting, Minutes, Registration
from meetings.reminders import MEETING
from meetings.services.meetings import meeting_save, meeting_transition
from meetings.services.minutes import minutes_publish
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db

NOT_STARTED = "Die Sitzung hat noch nicht begonnen."
EMPTY = "Das Protokoll ist leer"
HELD_BUTTON = 'value="held"'


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration)


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Held only once it has started --------------------------------------------------------

def test_meeting_cannot_be_marked_held_before_it_starts(client, group, coordinator):
    meeting = make_meeting(group, days=2, state="invited")
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(reverse("meetings:transition", args=[meeting.pk]), {"to": "held"},
                           follow=True)

    start = timezone.localtime(meeting.starts_at)
    assert HELD_BUTTON not in page
    assert ("„Als stattgefunden markieren“ ist ab Beginn der Sitzung möglich "
            f"({start:%d.%m.%Y}, {start:%H:%M} Uhr).") in _text(page)
    assert (f"{NOT_STARTED} Als stattgefunden markieren lässt sie sich erst ab ihrem Beginn "
            f"am {start:%d.%m.%Y} um {start:%H:%M} Uhr.") in _messages(response)
    meeting.refresh_from_db()
    assert meeting.state == "invited"


def test_service_refuses_held_before_start_with_the_reason(group, coordinator):
    meeting = make_meeting(group, days=1, state="invited")

    with pytest.raises(ValidationError) as error:
        meeting_transition(meeting=meeting, to="held", by=coordinator)

    assert error.value.messages[0].startswith(NOT_STARTED)


def test_started_meeting_is_offered_and_marked_as_held(client, group, coordinator):
    meeting = make_meeting(group, days=-1 / 24, state="invited")
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(reverse("meetings:transition", args=[meeting.pk]), {"to": "held"},
                           follow=True)

    assert HELD_BUTTON in page and "ist ab Beginn der Sitzung möglich" not in page
    assert "Die Sitzung ist jetzt „stattgefunden“." in _messages(response)
    meeting.refresh_from_db()
    assert meeting.state == "held"


# --- Publishing the minutes: never empty, with a confirmation page ---------------------------

@pytest.fixture
def held(group):
    return make_meeting(group, days=-2, state="held", title="Herbstsitzung")


def test_empty_minutes_are_refused_on_the_page_and_by_the_service(client, held, coordinator):
    Minutes.objects.create(meeting=held, summary="   ")
    add_agenda(held, "Begrüßung")
    client.force_login(coordinator)
    url = reverse("meetings:minutes_publish", args=[held.pk])

    page = client.get(url).content.decode()
    response = client.post(url)

    assert EMPTY in page and "Jetzt veröffentlichen" not in page
    assert response.status_code == 200
    assert ("Das Protokoll ist leer: Es enthält weder Notizen noch Beschlüsse, Aufgaben oder "
            "eine erfasste Anwesenheit.") in response.content.decode()
    with pytest.raises(ValidationError):
        minutes_publish(meeting=held, by=coordinator)
    held.refresh_from_db()
    assert held.state == "held"
    assert OutgoingMail.objects.count() == 0


@pytest.mark.parametrize("content", ["note", "decision", "attendance", "guest"])
def test_minutes_with_notes_decisions_or_attendance_can_be_published(held, coordinator,
                                                                     reader, content):
    item, = add_agenda(held, "Stand E-Akte")
    if content == "note":
        item.notes = "Neuwied pilotiert."
        item.save()
    elif content == "decision":
        Decision.objects.create(meeting=held, wording="Wir führen die E-Akte ein.")
    elif content == "guest":
        Guest.objects.create(meeting=held, name="Eva Extern", organisation="Landesamt")
    else:
        Registration.objects.create(meeting=held, user=reader, attended=True)

    minutes_publish(meeting=held, by=coordinator)

    held.refresh_from_db()
    assert held.state == "minutes_published"


def _group_staff(administration, other_administration):
    """Who the minutes notice reaches: the active staff of the group's members (muting
    meeting reminders does not matter; the notice cannot be switched off)."""
    people = [UserFactory(administration=administration),
              UserFactory(administration=other_administration, role="editor"),
              UserFactory(administration=other_administration,
                          muted_reminders=[MEETING.value])]
    UserFactory(administration=other_administration, is_active=False)
    UserFactory(administration=AdministrationFactory())  # not in the group
    return people


def test_publish_confirmation_page_counts_who_is_told_and_get_changes_nothing(
        client, held, coordinator, administration, other_administration,
        django_capture_on_commit_callbacks):
    people = _group_staff(administration, other_administration)
    Decision.objects.create(meeting=held, wording="Wir führen die E-Akte ein.")
    expected = len(people) + 1  # and the coordinator, staff of a member too
    client.force_login(coordinator)
    url = reverse("meetings:minutes_publish", args=[held.pk])

    page = _text(client.get(url).content.decode())
    held.refresh_from_db()
    assert held.state == "held" and OutgoingMail.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert f"{expected} Personen werden per E-Mail benachrichtigt" in page
    assert "1 Beschluss" in page and "0 Notizen" in page
    assert "Das Protokoll ist veröffentlicht" in _messages(response)
    held.refresh_from_db()
    assert held.state == "minutes_published"
    assert len(mail.outbox) == expected
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in [*people, coordinator])


def test_publish_page_of_a_meeting_not_held_shows_the_reason(client, group, coordinator):
    meeting = make_meeting(group, days=5, state="invited")
    client.force_login(coordinator)

    page = client.get(reverse("meetings:minutes_publish", args=[meeting.pk])).content.decode()

    assert "erst veröffentlichen, wenn die Sitzung stattgefunden hat" in page
    assert "Jetzt veröffentlichen" not in page


# --- Cancelling: a confirmation page with the reason and the number of people told -----------

def test_cancel_confirmation_counts_registered_and_waiting_people(
        client, group, coordinator, administration, django_capture_on_commit_callbacks):
    meeting = make_meeting(group, days=10, state="invited", title="Wintersitzung")
    registered = UserFactory(administration=administration)
    waiting = UserFactory(administration=administration, muted_reminders=[MEETING.value])
    gone = UserFactory(administration=administration, is_active=False)
    declined = UserFactory(administration=administration)
    for user, status in [(registered, RegistrationStatus.REGISTERED),
                         (waiting, RegistrationStatus.WAITING),
                         (gone, RegistrationStatus.REGISTERED),
                         (declined, RegistrationStatus.DECLINED)]:
        Registration.objects.create(meeting=meeting, user=user, status=status)
    client.force_login(coordinator)
    url = reverse("meetings:cancel", args=[meeting.pk])

    page = _text(client.get(url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Die Referentin ist erkrankt."}, follow=True)

    assert "2 Personen werden per E-Mail benachrichtigt, mit dem Grund der Absage." in page
    assert "Betroffen sind 2 Anmeldungen und 1 Personen auf der Warteliste." in page
    assert "Die Sitzung ist abgesagt." in _messages(response)
    meeting.refresh_from_db()
    assert (meeting.state, meeting.cancel_reason) == ("cancelled",
                                                      "Die Referentin ist erkrankt.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([registered.email, waiting.email])


def test_cancel_without_reason_keeps_the_meeting_and_says_why(client, group, coordinator):
    meeting = make_meeting(group, days=10, state="invited")
    client.force_login(coordinator)

    response = client.post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": ""})

    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == "invited"


def test_cancelling_only_through_the_confirmation_page(client, group, coordinator):
    meeting = make_meeting(group, days=10, state="invited")
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(reverse("meetings:transition", args=[meeting.pk]),
                           {"to": "cancelled", "reason": "Krank"})

    assert reverse("meetings:cancel", args=[meeting.pk]) in page
    assert 'value="cancelled"' not in page
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:cancel", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.state == "invited"


@pytest.mark.parametrize("role", ["visitor", "reader", "editor"])
@pytest.mark.parametrize("name", ["meetings:cancel", "meetings:minutes_publish"])
def test_confirmation_pages_refuse_everyone_but_the_coordination_office(
        client, held, group, reader, editor, role, name):
    meeting = make_meeting(group, days=10) if name == "meetings:cancel" else held
    Decision.objects.create(meeting=held, wording="Beschluss")
    if role != "visitor":
        client.force_login({"reader": reader, "editor": editor}[role])
    url = reverse(name, args=[meeting.pk])

    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "x"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.state == ("invited" if name == "meetings:cancel" else "held")


# --- No new meetings in the past, except as held records -------------------------------------

def _create_data(group, days: float, **extra) -> dict:
    starts = timezone.localtime() + timedelta(days=days)
    return {"working_group": group.pk, "title": "Nachgetragen", "format": "in_person",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "location": "Koblenz", **extra}


def test_past_meeting_is_refused_unless_recorded_as_held(client, group, coordinator):
    client.force_login(coordinator)
    url = reverse("meetings:create")

    form_page = client.get(url).content.decode()
    refused = client.post(url, _create_data(group, -30))
    recorded = client.post(url, _create_data(group, -30, held="on"))

    assert "lassen sich nur als „Bereits stattgefunden“ anlegen" in form_page
    assert refused.status_code == 200
    assert "Der Beginn liegt in der Vergangenheit." in refused.content.decode()
    assert 'value="Nachgetragen"' in refused.content.decode()
    assert recorded.status_code == 302
    assert list(Meeting.objects.values_list("title", "state")) == [("Nachgetragen", "held")]


def test_future_meeting_cannot_be_recorded_as_held(client, group, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("meetings:create"), _create_data(group, 3, held="on"))

    assert "kann nicht als stattgefunden erfasst werden" in response.content.decode()
    assert not Meeting.objects.exists()


def test_service_refuses_a_new_meeting_in_the_past(group, coordinator):
    starts = timezone.now() - timedelta(days=3)
    fields = {"title": "Alt", "starts_at": starts, "ends_at": starts + timedelta(hours=2),
              "location": "Koblenz"}

    with pytest.raises(ValidationError) as error:
        meeting_save(meeting=Meeting(working_group=group), fields=fields, by=coordinator)
    meeting = meeting_save(meeting=Meeting(working_group=group), by=coordinator,
                           fields={**fields, "state": "held"})

    assert "Der Beginn liegt in der Vergangenheit." in error.value.messages[0]
    assert meeting.state == "held"
    assert not OutgoingMail.objects.exists()
