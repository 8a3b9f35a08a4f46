from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings.models import Meeting
from meetings.services.meetings import meeting_save, meeting_transition
from tests.factories import UserFactory
from tests.meetings.helpers import add_agenda, make_group, make_meeting

BERLIN = ZoneInfo("Europe/Berlin")


def parse(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["PRODID"]) == "-//Kreishaus//DE"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    return calendar.walk("VEVENT")


@pytest.fixture
def group(administration):
    return make_group(administration)


@pytest.fixture
def meeting(group, other_administration):
    meeting = Meeting.objects.create(
        working_group=group, title="Quartalssitzung Frühjahr", format="hybrid",
        starts_at=datetime(2031, 3, 12, 10, 0, tzinfo=BERLIN),
        ends_at=datetime(2031, 3, 12, 13, 30, tzinfo=BERLIN),
        host=other_administration, location="Kreisverwaltung, Saal 1, Koblenz",
        online_link="https://konferenz.example.org/ag-digital", state="invited")
    add_agenda(meeting, "Begrüßung", "E-Akte: Stand der Einführung")
    return meeting


def download(client, meeting):
    return client.get(reverse("meetings:ics", args=[meeting.pk]))


def test_meeting_ics_times_uid_and_details(client, reader, meeting):
    client.force_login(reader)
    response = download(client, meeting)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sitzung-2031-03-12.ics"'
    assert b"DTSTART:20310312T090000Z" in response.content
    [event] = parse(response)
    assert event["DTSTART"].dt == datetime(2031, 3, 12, 9, 0, tzinfo=UTC)
    assert event["DTEND"].dt == datetime(2031, 3, 12, 12, 30, tzinfo=UTC)
    assert event["DTSTART"].dt == meeting.starts_at
    assert str(event["UID"]) == f"{meeting.uid}@kreishaus"
    assert event["SEQUENCE"] == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Quartalssitzung Frühjahr (AG Digitales Kreishaus)"
    assert str(event["LOCATION"]) == "Kreisverwaltung, Saal 1, Koblenz (auch online)"
    assert str(event["URL"]) == f"http://127.0.0.1:8000/sitzungen/{meeting.pk}/"
    description = str(event["DESCRIPTION"])
    assert "Online-Teilnahme: https://konferenz.example.org/ag-digital" in description
    assert "Gastgeber: Landkreis Neuwied" in description
    assert "1. Begrüßung\n2. E-Akte: Stand der Einführung" in description


def test_meeting_ics_online_meeting_location_is_link(client, reader, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(format="online", location="")
    client.force_login(reader)

    [event] = parse(download(client, meeting))

    assert str(event["LOCATION"]) == "https://konferenz.example.org/ag-digital"


def test_meeting_ics_after_change_same_uid_higher_sequence(client, reader, coordinator,
                                                            meeting):
    client.force_login(reader)
    [before] = parse(download(client, meeting))
    new_start = datetime(2031, 3, 19, 9, 30, tzinfo=BERLIN)

    meeting = meeting_save(meeting=meeting, by=coordinator, fields={
        "starts_at": new_start, "ends_at": new_start + timedelta(hours=3)})
    [after] = parse(download(client, meeting))

    assert meeting.sequence == 1
    assert str(after["UID"]) == str(before["UID"]) == f"{meeting.uid}@kreishaus"
    assert after["SEQUENCE"] == 1
    assert after["DTSTART"].dt == datetime(2031, 3, 19, 8, 30, tzinfo=UTC)
    assert after["DTEND"].dt == datetime(2031, 3, 19, 11, 30, tzinfo=UTC)


def test_meeting_ics_cancelled_status_cancelled(client, reader, coordinator, meeting):
    meeting = meeting_transition(meeting=meeting, to="cancelled", by=coordinator,
                                 reason="Zu wenige Anmeldungen")
    client.force_login(reader)

    [event] = parse(download(client, meeting))

    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == meeting.sequence == 1
    assert str(event["UID"]) == f"{meeting.uid}@kreishaus"
    assert str(event["SUMMARY"]).startswith("Abgesagt: Quartalssitzung Frühjahr")
    assert str(event["DESCRIPTION"]).startswith(
        "Die Sitzung ist abgesagt. Grund: Zu wenige Anmeldungen\n")


def test_meeting_ics_visitor_forbidden(client, meeting):
    response = download(client, meeting)

    assert response.status_code == 403
    assert b"BEGIN:VCALENDAR" not in response.content


def test_meeting_ics_person_without_administration_forbidden(client, meeting):
    client.force_login(UserFactory(administration=None))

    assert download(client, meeting).status_code == 403


# The personal feed


@pytest.fixture
def feed_meetings(group, other_administration):
    other_group = make_group(other_administration, slug="ag-geo", name="AG Geodaten")
    return {
        "upcoming": make_meeting(group, days=20, title="Kommende Sitzung"),
        "recent": make_meeting(group, days=-30, state="held", title="Letzte Sitzung"),
        "cancelled": make_meeting(group, days=40, state="cancelled", title="Abgesagte Sitzung",
                                  cancel_reason="Terminkonflikt"),
        "planned": make_meeting(group, days=60, state="planned", title="Noch in Planung"),
        "old": make_meeting(group, days=-100, state="held", title="Alte Sitzung"),
        "other_group": make_meeting(other_group, days=25, title="Fremde Sitzung"),
    }


def feed_url(user):
    return reverse("meetings:feed", args=[user.calendar_token])


def uids(events) -> set[str]:
    return {str(event["UID"]) for event in events}


def expected_uids(meetings, *keys) -> set[str]:
    return {f"{meetings[key].uid}@kreishaus" for key in keys}


def test_feed_contains_only_own_groups_meetings(client, reader, feed_meetings):
    response = client.get(feed_url(reader))

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Kreishaus – Sitzungen"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    events = parse(response)
    assert uids(events) == expected_uids(feed_meetings, "upcoming", "recent", "cancelled")
    statuses = {str(e["SUMMARY"]): str(e["STATUS"]) for e in events}
    assert statuses["Abgesagt: Abgesagte Sitzung (AG Digitales Kreishaus)"] == "CANCELLED"
    assert statuses["Kommende Sitzung (AG Digitales Kreishaus)"] == "CONFIRMED"


def test_feed_coordinator_sees_every_group(client, feed_meetings):
    coordinator = UserFactory(administration=None, role="coordinator")

    events = parse(client.get(feed_url(coordinator)))

    assert uids(events) == expected_uids(feed_meetings, "upcoming", "recent", "cancelled",
                                         "other_group")


def test_feed_times_are_meeting_times(client, reader, feed_meetings):
    upcoming = feed_meetings["upcoming"]

    events = parse(client.get(feed_url(reader)))

    [event] = [e for e in events if str(e["UID"]) == f"{upcoming.uid}@kreishaus"]
    assert event["DTSTART"].dt == upcoming.starts_at.replace(microsecond=0)
    assert event["DTEND"].dt == upcoming.ends_at.replace(microsecond=0)
    assert event["DTSTART"].dt.utcoffset() == timedelta(0)


def test_feed_unknown_token_not_found(client, reader):
    response = client.get(reverse("meetings:feed", args=["nicht-der-richtige-schluessel"]))

    assert response.status_code == 404


def test_feed_inactive_user_not_found(client, reader):
    reader.is_active = False
    reader.save()

    assert client.get(feed_url(reader)).status_code == 404


@pytest.mark.parametrize("count", [1, 10])
def test_feed_query_count_constant(client, reader, group, django_assert_num_queries, count):
    for day in range(count):
        add_agenda(make_meeting(group, days=day + 1), "Bericht", "Verschiedenes")

    # The person, the meetings with group and host, the agenda items.
    with django_assert_num_queries(3):
        response = client.get(feed_url(reader))

    assert len(parse(response)) == count


# The calendar page and a new link


def test_calendar_page_shows_absolute_feed_link(client, reader):
    client.force_login(reader)

    response = client.get(reverse("meetings:calendar"))

    content = response.content.decode()
    assert f"http://127.0.0.1:8000/sitzungen/kalender/{reader.calendar_token}.ics" in content
    assert "Sitzungen im eigenen Kalender" in content
    assert "Aus dem Internet abonnieren" in content
    assert "Neuen Kalender-Link erzeugen" in content


def test_calendar_page_anonymous_redirected_to_login(client):
    response = client.get(reverse("meetings:calendar"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_calendar_regenerate_old_link_stops_working(client, reader, feed_meetings):
    old_url = feed_url(reader)
    client.force_login(reader)

    response = client.post(reverse("meetings:calendar_regenerate"))

    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:calendar")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Ihr Kalender-Link wurde neu erzeugt. Der alte Link funktioniert nicht mehr; bitte "
        "abonnieren Sie den neuen."]
    reader.refresh_from_db()
    assert feed_url(reader) != old_url
    client.logout()
    assert client.get(old_url).status_code == 404
    assert uids(parse(client.get(feed_url(reader)))) == expected_uids(
        feed_meetings, "upcoming", "recent", "cancelled")


def test_calendar_regenerate_get_not_allowed(client, reader):
    token = reader.calendar_token
    client.force_login(reader)

    response = client.get(reverse("meetings:calendar_regenerate"))

    assert response.status_code == 405
    reader.refresh_from_db()
    assert reader.calendar_token == token


def test_feed_dtstamp_is_now(client, reader, feed_meetings):
    before = timezone.now().replace(microsecond=0)

    events = parse(client.get(feed_url(reader)))

    assert all(event["DTSTAMP"].dt >= before for event in events)
