"""Meeting list and meeting page: what each role sees, and constant query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, Decision, Minutes, Registration
from tests.factories import UserFactory
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration)


def test_visitor_sees_only_date_group_and_host_of_upcoming(client, group, other_administration):
    upcoming = make_meeting(group, host=other_administration, title="Geheimer Titel")
    make_meeting(group, days=-30, state="minutes_published", title="Vergangen")

    listing = client.get(reverse("meetings:index")).content.decode()
    page = client.get(upcoming.get_absolute_url()).content.decode()

    assert "AG Digitales Kreishaus" in listing and other_administration.name in listing
    assert "Geheimer Titel" not in listing and "Vergangen" not in listing
    assert "Geheimer Titel" not in page and "Kreishaus, Saal 1" not in page
    assert other_administration.name in page


def test_visitor_cannot_open_past_meetings(client, group):
    past = make_meeting(group, days=-30, state="minutes_published")

    response = client.get(past.get_absolute_url())

    assert response.status_code == 302  # to the login, like a meeting that does not exist
    assert response["Location"].startswith(reverse("account_login"))


def test_member_sees_agenda_with_times_and_registers(client, group, reader):
    meeting = make_meeting(group, format="hybrid", online_link="https://video.example.org/ag")
    add_agenda(meeting, "Begrüßung", "Stand E-Akte", minutes=45)
    client.force_login(reader)

    page = client.get(meeting.get_absolute_url()).content.decode()
    client.post(reverse("meetings:register", args=[meeting.pk]), {"mode": "online"})
    after = client.get(meeting.get_absolute_url()).content.decode()

    second_start = timezone.localtime(meeting.starts_at + timedelta(minutes=45)).strftime("%H:%M")
    assert f"{second_start} Uhr · Stand E-Akte" in page
    assert "Stand E-Akte" in page and "(45 Min.)" in page
    assert "Sie sind angemeldet (online)." in after
    assert Registration.objects.get(user=reader).mode == "online"


def test_full_meeting_puts_reader_on_waiting_list_with_message(client, group, reader,
                                                              administration):
    meeting = make_meeting(group, capacity=1)
    _register(meeting, administration)
    client.force_login(reader)

    response = client.post(reverse("meetings:register", args=[meeting.pk]),
                           {"mode": "in_person"}, follow=True)

    assert "Sie stehen auf der Warteliste" in response.content.decode()


def test_draft_minutes_hidden_from_members_published_shown(client, group, reader, coordinator):
    meeting = make_meeting(group, days=-2, state="held")
    item, = add_agenda(meeting, "Stand E-Akte")
    item.notes = "Ahrweiler pilotiert die E-Akte."
    item.save()
    Minutes.objects.create(meeting=meeting, summary="Kurzfassung")
    Decision.objects.create(meeting=meeting, wording="Gemeinsame Ausschreibung", result="unanimous")
    client.force_login(reader)
    draft = client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    client.post(reverse("meetings:minutes_publish", args=[meeting.pk]))
    client.force_login(reader)
    published = client.get(meeting.get_absolute_url()).content.decode()

    assert "Ahrweiler pilotiert" not in draft and "Gemeinsame Ausschreibung" not in draft
    assert "Ahrweiler pilotiert" in published
    assert "Gemeinsame Ausschreibung" in published and "einstimmig" in published


def test_attendance_grouped_by_administration(client, group, coordinator, administration,
                                              other_administration):
    meeting = make_meeting(group)
    for admin in (administration, other_administration):
        Registration.objects.create(meeting=meeting, user=UserFactory(administration=admin))
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url()).content.decode()

    section = page.split('id="anwesenheit"')[1]
    assert section.index(administration.name) < section.index(other_administration.name)


def _register(meeting, administration):
    Registration.objects.create(meeting=meeting, user=UserFactory(administration=administration))


def _fill(group, count, administration):
    meetings = []
    for n in range(count):
        meeting = make_meeting(group, days=n + 1, title=f"Sitzung {n}")
        add_agenda(meeting, "A", "B")
        _register(meeting, administration)
        ActionItem.objects.create(meeting=meeting, title="Aufgabe",
                                  responsible_administration=administration)
        meetings.append(meeting)
    return meetings


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_meeting_list_queries_constant(client, group, reader, administration):
    client.force_login(reader)
    _fill(group, 1, administration)
    small = _queries(client, reverse("meetings:index"))
    _fill(group, 10, administration)

    assert _queries(client, reverse("meetings:index")) == small


def test_meeting_page_queries_constant(client, group, reader, administration):
    client.force_login(reader)
    first = make_meeting(group)
    add_agenda(first, "A")
    _register(first, administration)
    small = _queries(client, first.get_absolute_url())
    second = make_meeting(group, days=40)
    add_agenda(second, *[f"TOP {n}" for n in range(10)])
    for _ in range(10):
        _register(second, administration)
        ActionItem.objects.create(meeting=second, title="x",
                                  responsible_administration=administration)

    assert _queries(client, second.get_absolute_url()) == small


def test_attendance_form_queries_constant(client, group, coordinator, administration):
    client.force_login(coordinator)
    meeting = make_meeting(group)
    _register(meeting, administration)
    url = reverse("meetings:attendance", args=[meeting.pk])
    small = _queries(client, url)
    for _ in range(10):
        _register(meeting, administration)

    assert _queries(client, url) == small


def test_planning_help_prefills_next_date_and_host(client, group, coordinator,
                                                   other_administration):
    make_meeting(group, days=-10, state="minutes_published", host=group.members.first())
    client.force_login(coordinator)

    page = client.get(reverse("meetings:create") + f"?gruppe={group.slug}").content.decode()

    assert "Vorschlag nach dem Turnus" in page
    assert other_administration.name in page.split("Als Gastgeber")[1][:200]


def test_draft_action_items_stay_off_the_dashboard_until_published(client, group, reader,
                                                                   coordinator):
    meeting = make_meeting(group, days=-1, state="held")
    ActionItem.objects.create(meeting=meeting, title="Vorlage verteilen", responsible_user=reader)
    client.force_login(reader)
    draft = client.get(reverse("start")).content.decode()
    client.force_login(coordinator)
    client.post(reverse("meetings:minutes_publish", args=[meeting.pk]))
    client.force_login(reader)
    published = client.get(reverse("start")).content.decode()

    assert "Vorlage verteilen" not in draft
    assert "Vorlage verteilen" in published


def test_editor_of_responsible_office_can_tick_off_on_the_meeting_page(client, group, editor,
                                                                      administration):
    meeting = make_meeting(group, days=-1, state="minutes_published")
    Minutes.objects.create(meeting=meeting, state="published", published_at=timezone.now())
    item = ActionItem.objects.create(meeting=meeting, title="Muster teilen",
                                     responsible_administration=administration)
    client.force_login(editor)

    page = client.get(meeting.get_absolute_url()).content.decode()
    client.post(reverse("meetings:action_done", args=[item.pk]), {"done": "1"})

    assert "als erledigt markieren" in page
    item.refresh_from_db()
    assert item.status == "done"


def test_tick_off_does_not_redirect_to_other_sites(client, group, coordinator):
    meeting = make_meeting(group, days=-1, state="held")
    item = ActionItem.objects.create(meeting=meeting, title="x", responsible_user=coordinator)
    client.force_login(coordinator)

    response = client.post(reverse("meetings:action_done", args=[item.pk]),
                           {"done": "1", "next": "//evil.example/"})

    assert response.url == meeting.get_absolute_url() + "#aufgaben"


def test_no_minutes_before_the_meeting_was_held(client, group, coordinator):
    meeting = make_meeting(group)
    client.force_login(coordinator)

    response = client.post(reverse("meetings:minutes_edit", args=[meeting.pk]),
                           {"summary": "Zu früh"})

    assert "erst schreiben, wenn die Sitzung stattgefunden hat" in response.content.decode()
    assert not Minutes.objects.filter(meeting=meeting).exists()


def test_visitors_do_not_see_planned_meetings_on_group_page(client, group):
    make_meeting(group, days=20, state="planned", host=group.members.first())
    invited = make_meeting(group, days=40, state="invited")

    page = client.get(reverse("groups:detail", args=[group.slug])).content.decode()

    assert timezone.localtime(invited.starts_at).strftime("%d.%m.%Y") in page
    assert page.count("Uhr") >= 1


def test_planning_the_next_meeting_carries_chosen_agenda_items(client, group, coordinator):
    source = make_meeting(group, days=-10, state="minutes_published")
    keep, _skip = add_agenda(source, "Kfz-Ummeldung", "Begrüßung")
    client.force_login(coordinator)
    url = reverse("meetings:create") + f"?gruppe={group.slug}&von={source.pk}"
    starts = timezone.localtime() + timedelta(days=80)

    page = client.get(url).content.decode()
    client.post(url, {"working_group": group.pk, "title": "Nächste", "format": "in_person",
                      "location": "Koblenz", "items": [str(keep.pk)],
                      "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
                      "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")})

    assert "Tagesordnungspunkte übernehmen" in page
    new = group.meetings.get(title="Nächste")
    assert list(new.agenda_items.values_list("title", flat=True)) == ["Kfz-Ummeldung"]


def test_agenda_item_links_to_topics(client, group, coordinator):
    from projects.models import Topic

    topic = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")
    meeting = make_meeting(group)
    client.force_login(coordinator)

    client.post(reverse("meetings:agenda_create", args=[meeting.pk]),
                {"title": "Stand E-Akte", "duration_minutes": 30, "topics": [topic.pk]})
    page = client.get(meeting.get_absolute_url()).content.decode()

    assert f'href="{topic.get_absolute_url()}">E-Akte</a>' in page


def test_administration_page_lists_hosted_and_attended_meetings(client, group, reader,
                                                               administration,
                                                               other_administration):
    hosted = make_meeting(group, days=-40, state="minutes_published", host=administration,
                          title="Sitzung in Koblenz")
    visited = make_meeting(group, days=-10, state="held", host=other_administration,
                           title="Sitzung in Neuwied")
    Registration.objects.create(meeting=visited, user=reader, attended=True)
    client.force_login(reader)

    page = client.get(administration.get_absolute_url()).content.decode()
    section = page.split('id="sitzungen"')[1].split("</section>")[0]
    client.logout()
    public = client.get(administration.get_absolute_url()).content.decode()

    assert section.index(hosted.title) < section.index("Teilgenommen an")
    assert section.index("Teilgenommen an") < section.index(visited.title)
    assert hosted.title not in public and visited.title not in public
