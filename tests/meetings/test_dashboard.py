"""The dashboard on the start page: next meetings and my open action items."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.enums import MeetingState
from meetings.models import ActionItem, Meeting, Minutes, Registration
from members.models import Administration, User
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
GERMAN_DATE = r"(Mo|Di|Mi|Do|Fr|Sa|So)\., \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr"


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start:page.index("</section>", start)]


def _dashboard(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("start")).content.decode()


def test_dashboard_shows_next_meetings_in_german_format(client, reader, administration,
                                                        other_administration):
    group = make_group(administration, other_administration)
    day = timezone.localdate() + timedelta(days=14)
    day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday two or three weeks ahead
    starts = datetime.combine(day, time(10), tzinfo=BERLIN)
    meeting = Meeting.objects.create(
        working_group=group, title="Quartalssitzung in Montabaur", host=other_administration,
        starts_at=starts.astimezone(ZoneInfo("UTC")), ends_at=starts + timedelta(hours=3),
        state=MeetingState.INVITED)
    Registration.objects.create(meeting=meeting, user=reader, mode="online")
    make_meeting(group, days=20, title="Abgesagte Sitzung", state=MeetingState.CANCELLED)

    section = _section(_dashboard(client, reader), "dash-meetings")

    assert f"Di., {day:%d.%m.%Y}, 10:00 Uhr" in section
    assert f'href="{meeting.get_absolute_url()}">Quartalssitzung in Montabaur</a>' in section
    assert "AG Digitales Kreishaus" in section and "Landkreis Neuwied" in section
    assert "Ihre Anmeldung: angemeldet (online)" in section
    assert "Abgesagte Sitzung" in section and "abgesagt" in section
    assert "Keine anstehenden Sitzungen." not in section


def test_dashboard_shows_my_open_tasks_with_overdue_marked_in_text(client, editor,
                                                                    administration):
    meeting = make_meeting(make_group(administration), days=-40, state=MeetingState.HELD,
                           title="Quartalssitzung in Daun")
    today = timezone.localdate()
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title="Leitfaden schreiben",
                              responsible_user=editor, due_date=today - timedelta(days=3))
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title="Vorlage teilen",
                              responsible_administration=administration,
                              due_date=today + timedelta(days=3))

    section = _section(_dashboard(client, editor), "dash-tasks")

    overdue, upcoming = section.split("<li")[1:3]
    assert "Leitfaden schreiben" in overdue and "überfällig" in overdue
    assert f"fällig am {today - timedelta(days=3):%d.%m.%Y}" in overdue
    assert "Vorlage teilen" in upcoming and "überfällig" not in upcoming
    assert "für Landkreis Mayen-Koblenz" in upcoming
    assert f'href="{meeting.get_absolute_url()}#aufgaben">Quartalssitzung in Daun</a>' in overdue


def test_empty_dashboard_keeps_its_empty_states(client, reader):
    Administration.objects.update(member_since=None)  # joining the network is a change
    page = _dashboard(client, reader)

    assert "Keine anstehenden Sitzungen." in page
    assert "Keine offenen Aufgaben." in page
    assert "Keine offenen Erhebungen." in page and "Noch keine Änderungen." in page


def test_visitors_see_no_dashboard(client, administration):
    meeting = make_meeting(make_group(administration), days=10, title="Interne Sitzung")
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title="Interne Aufgabe",
                              responsible_administration=administration)

    page = client.get(reverse("start")).content.decode()

    for text in ("Nächste Sitzungen", "Meine Aufgaben", "Interne Sitzung", "Interne Aufgabe"):
        assert text not in page


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("start")).status_code == 200
    return len(context.captured_queries)


def _add(group, user, administration, index):
    meeting = make_meeting(group, days=5 + index, host=administration, title=f"Sitzung {index}")
    Registration.objects.create(meeting=meeting, user=user)
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title=f"Aufgabe {index}", responsible_user=user,
                              responsible_administration=administration,
                              due_date=timezone.localdate() - timedelta(days=index))


def test_dashboard_needs_a_constant_number_of_queries(client, editor, administration,
                                                      other_administration):
    group = make_group(administration, other_administration)
    client.force_login(editor)
    _add(group, editor, administration, 0)
    one = _queries(client)
    for index in range(1, 10):
        _add(group, editor, other_administration, index)

    assert _queries(client) == one
    page = client.get(reverse("start")).content.decode()
    assert _section(page, "dash-tasks").count("überfällig") == 9  # due today is not overdue
    meetings = _section(page, "dash-meetings")
    assert "Sitzung 4<" in meetings and "Sitzung 5<" not in meetings  # the next five


def test_demo_dashboard_for_the_neuwied_editor(client):
    call_command("demo_data")
    neuwied = User.objects.get(email="redaktion.neuwied@example.org")

    page = _dashboard(client, neuwied)
    meetings, tasks = _section(page, "dash-meetings"), _section(page, "dash-tasks")

    assert "Quartalssitzung in Montabaur" in meetings and "Westerwaldkreis" in meetings
    assert re.search(GERMAN_DATE, meetings)
    assert "Ihre Anmeldung: angemeldet (online)" in meetings
    assert "AG Bürgerportal" not in meetings  # Neuwied is not a member
    assert "Prozessmodell der internetbasierten Wiederzulassung erstellen" in tasks
    assert "überfällig" in tasks
    assert "für Landkreis Neuwied" in tasks
    assert "Notfallübung" not in tasks  # the Ahrweiler reader's task


def test_demo_dashboard_for_the_coordinator_shows_every_group(client):
    call_command("demo_data")

    page = _dashboard(client, User.objects.get(email="koordination@example.org"))
    meetings, tasks = _section(page, "dash-meetings"), _section(page, "dash-tasks")

    assert "AG Bürgerportal" in meetings and "AG Digitales Kreishaus" in meetings
    assert "geplant" in meetings  # the planned meeting is marked as such
    assert "Themen und Gastgeber für das kommende Jahr vorschlagen" in tasks
