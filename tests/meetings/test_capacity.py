"""Places of a meeting: empty means unlimited, otherwise at least one. Zero used to mean
"unlimited" on the meeting page and "full" for registrations; now the form and the
database refuse it, and existing meetings with zero places became unlimited."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from meetings.services.registrations import registration_register
from tests.factories import UserFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.migrating import migrate

BEFORE = [("meetings", "0002_agendaitem_projects_agendaitem_topics")]


def _form(group, capacity: str) -> dict:
    starts = timezone.localtime() + timedelta(days=30)
    return {"working_group": group.pk, "title": "Sitzung mit Plätzen", "format": "in_person",
            "location": "Koblenz", "capacity": capacity,
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")}


@pytest.mark.django_db
def test_meeting_form_refuses_zero_places(client, coordinator, administration):
    group = make_group(administration)
    client.force_login(coordinator)

    response = client.post(reverse("meetings:create"), _form(group, "0"))

    page = response.content.decode()
    assert response.status_code == 200
    assert ("Bitte mindestens 1 Platz angeben oder das Feld leer lassen, wenn die Plätze "
            "nicht begrenzt sind.") in page
    assert not Meeting.objects.filter(title="Sitzung mit Plätzen").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("entered", "stored"), [("", None), ("1", 1), ("25", 25)])
def test_meeting_form_takes_empty_or_positive_places(client, coordinator, administration,
                                                     entered, stored):
    group = make_group(administration)
    client.force_login(coordinator)

    response = client.post(reverse("meetings:create"), _form(group, entered))

    assert response.status_code == 302
    assert Meeting.objects.get(title="Sitzung mit Plätzen").capacity == stored


@pytest.mark.django_db
def test_database_refuses_zero_places(administration):
    group = make_group(administration)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting(group, capacity=0)


@pytest.mark.django_db
def test_unlimited_meeting_takes_everyone_and_shows_no_limit(client, administration, reader):
    meeting = make_meeting(make_group(administration), capacity=None)
    people = UserFactory.create_batch(3, administration=administration)

    statuses = {registration_register(meeting=meeting, user=person, mode="in_person").status
                for person in people}
    client.force_login(reader)
    page = client.get(meeting.get_absolute_url()).content.decode()

    assert statuses == {"registered"}
    assert "3 angemeldet, 0 auf der Warteliste</dd>" in page


@pytest.fixture
def before_the_constraint(transactional_db):
    """The historical models before 0003; afterwards the database is at the latest state."""
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate()


def test_migration_makes_zero_places_unlimited_and_keeps_the_others(before_the_constraint):
    old = before_the_constraint
    group = old.get_model("meetings", "WorkingGroup").objects.create(name="AG", slug="ag")
    starts = timezone.now() + timedelta(days=10)
    old_meeting = old.get_model("meetings", "Meeting")
    ids = {capacity: old_meeting.objects.create(
        working_group=group, title=f"{capacity} Plätze", starts_at=starts,
        ends_at=starts + timedelta(hours=2), capacity=capacity).pk
        for capacity in (0, 1, 30, None)}

    migrate()  # through AFTER to today's schema, which the models below expect

    assert {capacity: Meeting.objects.get(pk=pk).capacity for capacity, pk in ids.items()} == {
        0: None, 1: 1, 30: 30, None: None}
    person = UserFactory()
    former_zero = Meeting.objects.get(pk=ids[0])
    former_zero.state = "invited"
    former_zero.save()
    assert registration_register(meeting=former_zero, user=person,
                                 mode="in_person").status == "registered"
