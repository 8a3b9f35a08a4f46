"""Attendance beyond the registrations: member staff who came without registering (found by
address or name, no select of every account) and guests from outside the network (name,
organisation); shown on the meeting page, in the CSV, in both PDFs; the attendance PDF
printed before the meeting is a list to sign; guests in the personal data."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from common.personal_data import personal_data_erase
from meetings import exports
from meetings.models import Guest, Meeting, Minutes, Registration
from meetings.personal_data import collect
from meetings.selectors.meetings import meeting_for_page
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.pdf_inspect import assert_cells_have_headers, assert_tagged_pdf_ua

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration)


@pytest.fixture
def held(group):
    return make_meeting(group, days=-2, state="held")


def url(meeting) -> str:
    return reverse("meetings:attendance", args=[meeting.pk])


def test_walk_ins_by_address_and_name_and_a_guest_are_recorded(
        client, held, coordinator, other_administration):
    came = UserFactory(administration=other_administration, first_name="Nora",
                       last_name="Zimmermann", email="nora.zimmermann@neuwied.example")
    client.force_login(coordinator)

    response = client.post(url(held), {
        "walk_ins": f"NORA.Zimmermann@neuwied.example\n  {coordinator.first_name} "
                    f"{coordinator.last_name}  \n",
        "guests": "Erika Mustermann, Landesamt für Digitalisierung, Referat 3\nJan Gast"})

    assert response.status_code == 302
    assert response["Location"] == held.get_absolute_url() + "#anwesenheit"
    rows = Registration.objects.filter(meeting=held, attended=True)
    assert sorted(r.user_id for r in rows) == sorted([came.pk, coordinator.pk])
    assert sorted((g.name, g.organisation) for g in held.guests.all()) == [
        ("Erika Mustermann", "Landesamt für Digitalisierung, Referat 3"), ("Jan Gast", "")]
    page = client.get(held.get_absolute_url()).content.decode()
    section = page.split('id="anwesenheit"')[1].split("</section>")[0]
    assert "Nora Zimmermann – vor Ort, anwesend" in section
    assert "Gäste von außerhalb des Netzwerks" in section
    assert "Erika Mustermann (Landesamt für Digitalisierung, Referat 3) – anwesend" in section


def test_attendance_form_has_text_fields_not_a_select_of_every_account(client, held, coordinator):
    for _ in range(30):
        UserFactory(administration=coordinator.administration)
    client.force_login(coordinator)

    page = client.get(url(held)).content.decode()

    assert "<select" not in page
    assert '<textarea name="walk_ins"' in page
    assert '<textarea name="guests"' in page
    assert "Ein Gast je Zeile: Name, Organisation" in page


def test_unknown_or_ambiguous_walk_ins_are_refused_in_german_and_input_kept(
        client, held, coordinator, administration, other_administration):
    UserFactory(administration=administration, first_name="Max", last_name="Muster",
                email="max.muster@myk.example")
    UserFactory(administration=other_administration, first_name="Max", last_name="Muster",
                email="max.muster@nr.example")
    outsider = UserFactory(administration=AdministrationFactory(member_since=None),
                           first_name="Otto", last_name="Außen")
    client.force_login(coordinator)

    response = client.post(url(held), {"walk_ins": f"Max Muster\n{outsider.email}",
                                       "guests": "Erika Mustermann, Landesamt"})

    assert response.status_code == 200
    page = response.content.decode()
    assert ("„Max Muster“ passt auf mehrere Personen: Max Muster (max.muster@myk.example); "
            "Max Muster (max.muster@nr.example). Bitte geben Sie die E-Mail-Adresse an.") in page
    assert (f"„{outsider.email}“: Niemand aus den Mitgliedsverwaltungen hat diese "
            "E-Mail-Adresse oder diesen Namen.") in page
    assert f"Max Muster\n{outsider.email}</textarea>" in page
    assert not Registration.objects.filter(meeting=held).exists()
    assert not Guest.objects.exists()


def test_guest_line_without_a_name_is_refused(client, held, coordinator):
    client.force_login(coordinator)

    response = client.post(url(held), {"guests": ", Landesamt"})

    assert response.status_code == 200
    assert ("„, Landesamt“: Bitte zuerst den Namen angeben, dann nach einem Komma die "
            "Organisation.") in response.content.decode()
    assert not Guest.objects.exists()


def test_walk_in_who_had_declined_is_listed_as_present(client, held, coordinator, reader):
    Registration.objects.create(meeting=held, user=reader, status="declined")
    client.force_login(coordinator)

    client.post(url(held), {"walk_ins": reader.email})

    registration = Registration.objects.get(meeting=held, user=reader)
    assert (registration.status, registration.attended) == ("registered", True)


def test_unticked_guest_is_removed_the_others_kept_and_not_doubled(client, held, coordinator):
    stays = Guest.objects.create(meeting=held, name="Erika Mustermann", organisation="Land")
    goes = Guest.objects.create(meeting=held, name="Jan Gast")
    client.force_login(coordinator)

    client.post(url(held), {"guests_kept": [str(stays.pk)],
                            "guests": "Erika Mustermann, Land\nNeu Gast, Bund"})

    assert sorted(held.guests.values_list("name", flat=True)) == ["Erika Mustermann", "Neu Gast"]
    assert not Guest.objects.filter(pk=goes.pk).exists()


def test_a_form_sent_twice_adds_the_guest_once(client, held, coordinator):
    client.force_login(coordinator)
    data = {"guests": "Erika Mustermann, Landesamt", "_once": "c" * 32}

    first = client.post(url(held), data)
    second = client.post(url(held), data)

    assert first.status_code in (302, 303) and second.status_code in (302, 303)
    assert held.guests.count() == 1


# --- exports ----------------------------------------------------------------------------

def test_guests_in_the_csv_and_the_minutes_pdf(client, held, coordinator, reader):
    Registration.objects.create(meeting=held, user=reader, attended=True)
    Guest.objects.create(meeting=held, name="Erika Mustermann", organisation="Landesamt")
    Minutes.objects.create(meeting=held, state="published", published_at=timezone.now())
    Meeting.objects.filter(pk=held.pk).update(state="minutes_published")
    client.force_login(reader)

    response = client.get(reverse("meetings:attendance_csv", args=[held.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[-1] == ["Landesamt", "Erika Mustermann", "", "Gast", "ja"]

    pdf = assert_tagged_pdf_ua(exports.minutes_pdf(meeting_for_page(held.pk).get()),
                               "Protokoll: Quartalssitzung")
    assert "Gäste: Erika Mustermann (Landesamt)" in pdf.text


def test_attendance_pdf_before_the_meeting_is_a_list_to_sign(group, reader):
    upcoming = make_meeting(group, days=5)
    Registration.objects.create(meeting=upcoming, user=reader)

    pdf = assert_tagged_pdf_ua(exports.attendance_pdf(meeting_for_page(upcoming.pk).get()),
                               "Anwesenheitsliste: Quartalssitzung")

    text = " ".join(pdf.text.split())
    assert "Person Teilnahme Status Unterschrift" in text
    assert "nicht erfasst" not in text
    assert "Weitere Teilnehmende" in text
    assert "Nr. Name Verwaltung oder Organisation Unterschrift 1 2 3 4 5 6 7 8" in text
    assert "Anwesend:" not in text
    assert_cells_have_headers(pdf)


def test_attendance_pdf_after_the_meeting_records_who_came_with_guests(held, reader):
    Registration.objects.create(meeting=held, user=reader, attended=True)
    Guest.objects.create(meeting=held, name="Erika Mustermann", organisation="Landesamt")

    pdf = assert_tagged_pdf_ua(exports.attendance_pdf(meeting_for_page(held.pk).get()),
                               "Anwesenheitsliste: Quartalssitzung")

    text = pdf.text
    assert "Unterschrift" not in text
    assert "Weitere Teilnehmende" not in text
    assert "Gäste von außerhalb des Netzwerks" in text
    assert "Erika Mustermann Landesamt ja" in text
    assert "Anwesend: 2 Personen aus 1 Verwaltung." in text
    assert_cells_have_headers(pdf)


# --- personal data -----------------------------------------------------------------------

def test_guest_entries_under_ones_name_are_in_my_data_and_pseudonymised_on_removal(
        held, administration):
    person = UserFactory(administration=administration, first_name="Erika",
                         last_name="Mustermann")
    Guest.objects.create(meeting=held, name="erika mustermann", organisation="Landesamt")
    other = Guest.objects.create(meeting=held, name="Jan Gast", organisation="Bund")

    rows = collect(person)["Teilnahme als Gast (unter Ihrem Namen erfasst)"]
    assert rows == [{"Sitzung": "Quartalssitzung", "Beginn": rows[0]["Beginn"],
                     "Name": "erika mustermann", "Organisation": "Landesamt"}]

    personal_data_erase(person)

    assert sorted(held.guests.values_list("name", "organisation")) == [
        ("Jan Gast", "Bund"), ("ehemalige Person (MYK)", "")]
    other.refresh_from_db()
    assert other.name == "Jan Gast"


def test_meeting_page_queries_do_not_grow_with_guests(client, held, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    Guest.objects.create(meeting=held, name="Gast 0")
    client.get(held.get_absolute_url())
    with CaptureQueriesContext(connection) as one:
        client.get(held.get_absolute_url())
    for number in range(1, 11):
        Guest.objects.create(meeting=held, name=f"Gast {number}")
    with CaptureQueriesContext(connection) as eleven:
        client.get(held.get_absolute_url())

    assert len(eleven.captured_queries) == len(one.captured_queries)
