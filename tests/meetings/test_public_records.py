"""Public meeting records (issue 16): only the coordination office decides what is public
(every role against the flags, in the forms and the services); the visitor's meeting page
and the public minutes show place, the agenda items marked public and the decisions on them
once a meeting with "Öffentliche Sitzungsdaten" is invited or held, and nothing before or
beyond; OParl reads the same rule (tests/oparl)."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings.models import AgendaItem, Decision, Meeting, Minutes, Registration
from meetings.services.agenda import agenda_item_save
from meetings.services.meetings import meeting_save
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(administration, other_administration, reader, editor, coordinator, admin_user):
    group = make_group(administration, other_administration)
    upcoming = make_meeting(group, state="invited", host=administration,
                            invited_at=timezone.now())
    welcome, broadband = add_agenda(upcoming, "Begrüßung", "Breitband im Kreis")
    users = {"visitor": None, "reader": reader, "editor": editor, "coordinator": coordinator,
             "admin": admin_user}
    return {"group": group, "upcoming": upcoming, "welcome": welcome,
            "broadband": broadband, "users": users}


def _login(client, world, role):
    if world["users"][role]:
        client.force_login(world["users"][role])


def _meeting_data(meeting, **extra):
    starts = timezone.localtime(meeting.starts_at)
    return {"title": meeting.title, "format": "in_person", "location": meeting.location,
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"), **extra}


# --- Only the coordination office decides -----------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_only_coordination_sets_public_records_in_the_meeting_form(client, world, role):
    _login(client, world, role)
    meeting = world["upcoming"]

    response = client.post(reverse("meetings:edit", args=[meeting.pk]),
                           _meeting_data(meeting, public_records="on"))

    stored = Meeting.objects.get(pk=meeting.pk)
    if role in COORDINATION:
        assert response.status_code == 302
        assert stored.public_records is True and stored.public_records_at is not None
    else:
        assert response.status_code == 403
        assert stored.public_records is False and stored.public_records_at is None


@pytest.mark.parametrize("role", ROLES)
def test_only_coordination_marks_an_agenda_item_public(client, world, role):
    _login(client, world, role)
    item = world["broadband"]

    response = client.post(reverse("meetings:agenda_edit", args=[item.meeting_id, item.pk]),
                           {"title": item.title, "duration_minutes": 30, "public": "on"})

    assert response.status_code == (302 if role in COORDINATION else 403)
    assert AgendaItem.objects.get(pk=item.pk).public is (role in COORDINATION)


@pytest.mark.parametrize("role", ROLES)
def test_services_refuse_the_flags_to_other_roles(world, role):
    user = world["users"][role] or AnonymousUser()
    calls = [lambda: meeting_save(meeting=world["upcoming"], fields={"public_records": True},
                                  by=user),
             lambda: agenda_item_save(item=world["broadband"], fields={"public": True},
                                      by=user)]

    for call in calls:
        if role in COORDINATION:
            call()
        else:
            with pytest.raises(PermissionDenied):
                call()

    assert Meeting.objects.get(pk=world["upcoming"].pk).public_records is (role in COORDINATION)


def test_first_publication_is_kept_when_the_records_are_withdrawn(world, coordinator):
    meeting = world["upcoming"]
    meeting_save(meeting=meeting, fields={"public_records": True}, by=coordinator)
    first = Meeting.objects.get(pk=meeting.pk).public_records_at

    meeting_save(meeting=Meeting.objects.get(pk=meeting.pk), fields={"public_records": False},
                 by=coordinator)

    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.public_records is False and stored.public_records_at == first


def test_forms_show_the_flags_in_german(client, world, coordinator):
    client.force_login(coordinator)
    meeting, item = world["upcoming"], world["broadband"]

    meeting_form = client.get(reverse("meetings:edit", args=[meeting.pk])).content.decode()
    item_form = client.get(reverse("meetings:agenda_edit",
                                   args=[meeting.pk, item.pk])).content.decode()

    assert "Öffentliche Sitzungsdaten" in meeting_form and 'name="public_records"' in meeting_form
    assert "öffentlich" in item_form and 'name="public"' in item_form


# --- What visitors see ------------------------------------------------------------------------

def _publish(meeting, *items):
    Meeting.objects.filter(pk=meeting.pk).update(public_records=True,
                                                 public_records_at=timezone.now())
    AgendaItem.objects.filter(pk__in=[i.pk for i in items]).update(public=True)


def test_visitor_sees_place_and_public_items_of_an_invited_meeting(client, world):
    meeting = world["upcoming"]
    _publish(meeting, world["broadband"])

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Kreishaus, Saal 1" in page
    assert "TOP 2: Breitband im Kreis" in page
    assert "Begrüßung" not in page and meeting.title not in page
    assert "Öffentliches Protokoll" not in page  # not held yet


def test_visitor_sees_nothing_more_without_the_flag(client, world):
    meeting = world["upcoming"]
    AgendaItem.objects.filter(pk=world["broadband"].pk).update(public=True)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Kreishaus, Saal 1" not in page and "Breitband" not in page
    assert "Tagesordnung, Ort und Anmeldung sehen angemeldete Mitglieder." in page


def test_planned_and_cancelled_meetings_stay_internal_even_with_the_flag(client, world):
    for state in ("planned", "cancelled"):
        meeting = make_meeting(world["group"], state=state, title=state, public_records=True)
        add_agenda(meeting, "Geheim")
        AgendaItem.objects.filter(meeting=meeting).update(public=True)

        assert client.get(meeting.get_absolute_url()).status_code == 302  # to the login


@pytest.fixture
def held(world, reader):
    meeting = make_meeting(world["group"], days=-20, state="minutes_published",
                           title="Sommersitzung intern", invited_at=timezone.now())
    internal, public = add_agenda(meeting, "Personalfragen", "Glasfaser")
    AgendaItem.objects.filter(pk=public.pk).update(notes="Notiz nur für Mitglieder")
    Minutes.objects.create(meeting=meeting, state="published", published_at=timezone.now(),
                           summary="Zusammenfassung nur für Mitglieder")
    Decision.objects.create(meeting=meeting, agenda_item=public, result="unanimous",
                            wording="Glasfaser wird gemeinsam ausgeschrieben.")
    Decision.objects.create(meeting=meeting, agenda_item=internal, order=2,
                            wording="Stelle wird besetzt.")
    Registration.objects.create(meeting=meeting, user=reader, attended=True)
    return meeting, internal, public


def test_held_meeting_shows_decisions_and_public_minutes_to_visitors(client, held, reader):
    meeting, internal, public = held
    hidden = ["Sommersitzung intern", "Personalfragen", "Stelle wird besetzt.",
              "Notiz nur für Mitglieder", "Zusammenfassung nur für Mitglieder",
              reader.last_name]
    assert client.get(meeting.get_absolute_url()).status_code == 302  # login; internal until …
    _publish(meeting, public)

    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(reverse("meetings:public_minutes_pdf", args=[meeting.pk]))

    assert "TOP 2: Glasfaser" in page
    assert "Glasfaser wird gemeinsam ausgeschrieben." in page and "einstimmig" in page
    assert reverse("meetings:public_minutes_pdf", args=[meeting.pk]) in page
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="oeffentliches-')
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(
        io.BytesIO(response.content)).pages).split())
    assert "TOP 2: Glasfaser" in text and "Glasfaser wird gemeinsam ausgeschrieben." in text
    assert [value for value in hidden if value in page or value in text] == []


def test_public_minutes_need_the_flag_and_published_minutes(client, world, held):
    meeting, _internal, public = held
    url = reverse("meetings:public_minutes_pdf", args=[meeting.pk])
    assert client.get(url).status_code == 404
    _publish(meeting, public)
    _publish(world["upcoming"])

    assert client.get(url).status_code == 200
    assert client.get(reverse("meetings:public_minutes_pdf",
                              args=[world["upcoming"].pk])).status_code == 404


def test_visitor_list_links_held_meetings_with_public_records(client, held):
    meeting, _internal, public = held
    before = client.get(reverse("meetings:index")).content.decode()
    _publish(meeting, public)

    after = client.get(reverse("meetings:index")).content.decode()

    assert meeting.get_absolute_url() not in before
    assert meeting.get_absolute_url() in after


@pytest.mark.parametrize("role", ["reader", "coordinator"])
def test_member_staff_preview_the_public_view(client, world, role):
    _login(client, world, role)
    meeting = world["upcoming"]
    _publish(meeting, world["broadband"])

    page = client.get(meeting.get_absolute_url() + "?ansicht=oeffentlich").content.decode()
    internal = client.get(meeting.get_absolute_url()).content.decode()

    assert "Öffentliche Ansicht." in page and "Begrüßung" not in page
    assert "TOP 2: Breitband im Kreis" in page
    assert "Begrüßung" in internal and "?ansicht=oeffentlich" in internal


def test_visitor_page_needs_the_same_queries_for_1_and_20_public_items(
        client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = world["upcoming"]
    _publish(meeting, world["broadband"])
    with CaptureQueriesContext(connection) as one:
        client.get(meeting.get_absolute_url())
    items = add_agenda(meeting, *[f"Punkt {n}" for n in range(20)])
    for item in items:
        Decision.objects.create(meeting=meeting, agenda_item=item, wording="Beschluss")
    _publish(meeting, *items)

    with django_assert_max_num_queries(len(one)):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Punkt 19" in page


# --- The page for meetings whose minutes are published (read-only otherwise) -------------------

def _records_data(public, *items):
    data = {"public_items": [str(item.pk) for item in items]}
    if public:
        data["public_records"] = "on"
    return data


@pytest.mark.parametrize("role", ROLES)
def test_only_coordination_publishes_records_of_a_closed_meeting(client, world, held, role):
    _login(client, world, role)
    meeting, _internal, public = held

    response = client.post(reverse("meetings:records", args=[meeting.pk]),
                           _records_data(True, public))

    stored = Meeting.objects.get(pk=meeting.pk)
    allowed = role in COORDINATION
    assert response.status_code == (302 if allowed else 403)
    assert stored.public_records is allowed
    assert list(AgendaItem.objects.filter(meeting=meeting, public=True)) == (
        [public] if allowed else [])
    if allowed:
        assert client.get(meeting.get_absolute_url()).status_code == 200


def test_records_page_withdraws_items_and_keeps_the_first_publication(client, held,
                                                                     coordinator):
    client.force_login(coordinator)
    meeting, internal, public = held
    url = reverse("meetings:records", args=[meeting.pk])
    client.post(url, _records_data(True, public, internal))
    first = Meeting.objects.get(pk=meeting.pk).public_records_at

    page = client.get(url).content.decode()
    client.post(url, _records_data(True, public))

    assert "TOP 1: Personalfragen" in page and "TOP 2: Glasfaser" in page
    assert list(AgendaItem.objects.filter(meeting=meeting, public=True)) == [public]
    assert Meeting.objects.get(pk=meeting.pk).public_records_at == first
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:records", args=[meeting.pk]) in detail


def test_records_page_refuses_a_foreign_agenda_item_in_german(client, world, held,
                                                             coordinator):
    client.force_login(coordinator)
    meeting, _internal, _public = held

    response = client.post(reverse("meetings:records", args=[meeting.pk]),
                           _records_data(True, world["broadband"]))

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).public_records is False
