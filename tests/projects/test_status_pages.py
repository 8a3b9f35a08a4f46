"""Status pages: who may edit, history as users read it, concurrent edits, member section."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import ContactPerson
from projects.enums import Stage
from projects.models import Status, StatusChange
from projects.statuses.selectors import status_product_suggestions
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor_own", "editor_other", "coordinator", "admin"]
EDITORS = {"editor_own", "coordinator", "admin"}


@pytest.fixture
def world(administration, other_administration, reader, editor, other_editor, coordinator,
          admin_user):
    contact = ContactPerson.objects.create(administration=administration, name="Anna Alt",
                                           function="it_leitung")
    foreign_contact = ContactPerson.objects.create(administration=other_administration,
                                                   name="Fritz Fremd", function="it_leitung")
    users = {"visitor": None, "reader": reader, "editor_own": editor,
             "editor_other": other_editor, "coordinator": coordinator, "admin": admin_user}
    return {"administration": administration, "other": other_administration,
            "topic": make_topic(), "service": make_service(), "contact": contact,
            "foreign_contact": foreign_contact, "users": users}


def _login(client, user):
    if user:
        client.force_login(user)


def _topic_url(w):
    return reverse("projects:status_edit_topic", args=[w["administration"].slug,
                                                       w["topic"].slug])


def _service_url(w):
    return reverse("projects:status_edit_service", args=[w["administration"].slug,
                                                         w["service"].ozg_id])


# --- permissions ---------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["topic", "service"])
def test_status_edit_page_shown_only_to_editors(client, world, role, kind):
    _login(client, world["users"][role])

    response = client.get(_topic_url(world) if kind == "topic" else _service_url(world))

    page = response.content.decode()
    if role in EDITORS:
        assert response.status_code == 200
        assert 'name="stage"' in page and 'name="version"' in page
    else:
        assert response.status_code == 403
        assert "Zugriff verweigert" in page and 'name="stage"' not in page


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["topic", "service"])
def test_status_save_allowed_only_for_editors(client, world, role, kind):
    user = world["users"][role]
    _login(client, user)
    data = {"version": 0, "stage": Stage.PILOT, "product": "enaio",
            "contact": world["contact"].pk, "since": "2025-03-01"}
    if kind == "service":
        data["maturity"] = 3

    response = client.post(_topic_url(world) if kind == "topic" else _service_url(world), data)

    statuses = Status.objects.filter(administration=world["administration"])
    if role in EDITORS:
        assert response.status_code == 302
        assert response["Location"] == world["administration"].get_absolute_url() + "#sachstand"
        status = statuses.get()
        assert (status.stage, status.product, status.contact, status.since) == (
            Stage.PILOT, "enaio", world["contact"], date(2025, 3, 1))
        assert status.maturity == (3 if kind == "service" else None)
        assert list(StatusChange.objects.values_list("changed_by", flat=True)) == [user.pk]
    else:
        assert response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()
        assert not statuses.exists()
        assert not StatusChange.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_status_history_is_for_member_staff(client, world, role):
    _login(client, world["users"][role])

    response = client.get(reverse("projects:status_history",
                                  args=[world["administration"].slug]))

    assert response.status_code == (403 if role == "visitor" else 200)


@pytest.mark.parametrize("role", ROLES)
def test_ozg_pick_is_for_editors(client, world, role):
    _login(client, world["users"][role])

    response = client.get(reverse("projects:status_service_pick",
                                  args=[world["administration"].slug]),
                          {"ozg_id": world["service"].ozg_id})

    if role in EDITORS:
        assert response["Location"] == _service_url(world)
    else:
        assert response.status_code == 403


def test_ozg_pick_with_unknown_id_explains(client, world, editor):
    client.force_login(editor)

    response = client.get(reverse("projects:status_service_pick",
                                  args=[world["administration"].slug]),
                          {"ozg_id": 999999}, follow=True)

    assert "Eine OZG-Leistung mit der ID 999999 gibt es nicht." in response.content.decode()


def test_unknown_topic_is_404_for_editors(client, world, editor):
    client.force_login(editor)

    url = reverse("projects:status_edit_topic", args=[world["administration"].slug, "gibt-es"])

    assert client.get(url).status_code == 404


# --- the form --------------------------------------------------------------------------------

def test_edit_form_shows_current_values(client, world, editor):
    status_save(administration=world["administration"], topic=world["topic"], by=editor,
                fields={"stage": Stage.IN_PROGRESS, "product": "d.velop", "department": "Amt 10"})
    client.force_login(editor)

    response = client.get(_topic_url(world))

    form = response.context["form"]
    assert (form["stage"].value(), form["product"].value(), form["version"].value()) == (
        Stage.IN_PROGRESS, "d.velop", 1)
    page = response.content.decode()
    assert 'value="Amt 10"' in page
    assert "Zuletzt geändert von Erik" in page


def test_new_status_form_starts_with_defaults(client, world, editor):
    client.force_login(editor)

    form = client.get(_topic_url(world)).context["form"]

    assert (form["stage"].value(), form["version"].value()) == (Stage.NOT_PLANNED, 0)


def test_maturity_only_offered_for_ozg_services(client, world, editor):
    client.force_login(editor)

    topic_page = client.get(_topic_url(world)).content.decode()
    service_page = client.get(_service_url(world)).content.decode()

    assert 'name="maturity"' not in topic_page
    assert 'name="maturity"' in service_page
    assert "3 – Online-Leistung" in service_page
    assert "einschließlich aller Nachweise online" in service_page


def test_contact_choices_are_the_administrations_own(client, world, editor):
    client.force_login(editor)

    page = client.get(_topic_url(world)).content.decode()
    response = client.post(_topic_url(world), {"version": 0, "stage": 1,
                                               "contact": world["foreign_contact"].pk})

    assert "Anna Alt" in page and "Fritz Fremd" not in page
    assert response.status_code == 200
    assert response.context["form"].errors["contact"]
    assert not Status.objects.exists()


def test_product_suggestions_come_from_other_members_by_frequency(client, world, editor,
                                                                  django_assert_num_queries):
    topic = world["topic"]
    for product in ["d.velop", "enaio", "enaio", ""]:
        Status.objects.create(administration=AdministrationFactory(), topic=topic,
                              product=product)
    Status.objects.create(administration=world["administration"], topic=topic,
                          product="Eigenbau")
    Status.objects.create(administration=AdministrationFactory(), topic=make_topic(
        name="DMS", slug="dms"), product="Anderes Thema")

    with django_assert_num_queries(1):
        suggestions = status_product_suggestions(administration=world["administration"],
                                                 topic=topic)
    client.force_login(editor)
    page = client.get(_topic_url(world)).content.decode()

    assert suggestions == ["enaio", "d.velop"]
    assert 'list="produkt-vorschlaege"' in page
    assert ('<datalist id="produkt-vorschlaege"><option value="enaio"></option>'
            '<option value="d.velop"></option></datalist>') in page


def test_product_suggestions_are_limited_to_fifty(world):
    Status.objects.bulk_create(
        Status(administration=admin, topic=world["topic"], product=f"Produkt {n:02d}")
        for n, admin in enumerate(AdministrationFactory.create_batch(55)))

    suggestions = status_product_suggestions(administration=world["administration"],
                                             topic=world["topic"])

    assert len(suggestions) == 50


# --- history -------------------------------------------------------------------------------

def test_history_shows_who_when_and_german_labels(client, world, editor, reader):
    client.force_login(editor)
    client.post(_topic_url(world), {"version": 0, "stage": Stage.PLANNED})
    client.post(_topic_url(world), {"version": 1, "stage": Stage.PILOT, "product": "enaio",
                                    "contact": world["contact"].pk, "since": "2025-03-01"})
    client.force_login(reader)

    response = client.get(reverse("projects:status_history",
                                  args=[world["administration"].slug]))

    page = response.content.decode()
    newest = response.context["page"].object_list[0]
    assert [(r.label, r.old, r.new) for r in newest.rows] == [
        ("Stand", "geplant", "Pilot"), ("Seit", "–", "01.03.2025"),
        ("Produkt/Anbieter", "–", "enaio"), ("Ansprechperson", "–", "Anna Alt")]
    assert "Stand: geplant → Pilot" in page
    assert "Stand: nicht geplant → geplant" in page
    assert "Ansprechperson: – → Anna Alt" in page
    assert "contact_id" not in page and "stage" not in page
    assert str(editor) in page and "E-Akte" in page


def test_every_saved_form_adds_one_history_entry(client, world, editor):
    client.force_login(editor)

    client.post(_service_url(world), {"version": 0, "stage": 1})
    client.post(_service_url(world), {"version": 1, "stage": 2, "maturity": 1})
    client.post(_service_url(world), {"version": 2, "stage": 2, "maturity": 1})  # unchanged

    changes = list(StatusChange.objects.order_by("pk").values_list("changes", flat=True))
    assert changes == [{"stage": [0, 1]}, {"stage": [1, 2], "maturity": [None, 1]}]


def test_history_queries_do_not_grow(client, world, reader):
    def fill(administration, count):
        for n in range(count):
            status_save(administration=administration, by=world["users"]["coordinator"],
                        topic=make_topic(name=f"T{administration.pk}-{n}",
                                         slug=f"t{administration.pk}-{n}"),
                        fields={"stage": 2, "contact": ContactPerson.objects.create(
                            administration=administration, name=f"K{n}",
                            function="it_leitung")})
        status_save(administration=administration, by=world["users"]["coordinator"],
                    service=world["service"], fields={"stage": 1, "maturity": 2})

    small, large = AdministrationFactory(), AdministrationFactory()
    fill(small, 3)
    fill(large, 30)
    client.force_login(reader)
    client.get(reverse("projects:status_history", args=[small.slug]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("projects:status_history", args=[small.slug]))
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("projects:status_history", args=[large.slug]))

    assert len(response.context["page"].object_list) == 25
    assert "Seite 1 von 2" in response.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    second = client.get(reverse("projects:status_history", args=[large.slug]), {"page": 2})
    assert len(second.context["page"].object_list) == 6
    assert second.context["service_statuses"] is None



def test_history_shows_the_ozg_statuses_a_page_at_a_time(client, world, reader):
    administration = AdministrationFactory()
    for number in range(53):
        status_save(administration=administration, by=world["users"]["coordinator"],
                    service=make_service(ozg_id=20000 + number, name=f"Leistung {number:02d}"),
                    fields={"stage": Stage.PLANNED})
    client.force_login(reader)
    url = reverse("projects:status_history", args=[administration.slug])

    first = client.get(url)
    last = client.get(url, {"ozg": 2})

    assert [s.service.name for s in first.context["service_statuses"]][-1] == "Leistung 49"
    assert [s.service.name for s in last.context["service_statuses"]] == [
        "Leistung 50", "Leistung 51", "Leistung 52"]
    page = first.content.decode()
    assert "Seite 1 von 2" in page
    assert 'href="?ozg=2#ozg-leistungen" rel="next"' in page
    row = '<th scope="row" class="kern-table__cell">20052 Leistung 52</th>'
    assert row in last.content.decode()
    assert row not in page

# --- concurrent edits ------------------------------------------------------------------------

def test_concurrent_edit_is_shown_and_nothing_overwritten(client, world, editor, coordinator):
    status_save(administration=world["administration"], topic=world["topic"], by=editor,
                fields={"stage": Stage.PLANNED, "product": "enaio"})
    client.force_login(editor)
    seen_version = client.get(_topic_url(world)).context["form"]["version"].value()
    client.force_login(coordinator)
    client.post(_topic_url(world), {"version": seen_version, "stage": Stage.LIVE,
                                    "product": "enaio 10"})
    client.force_login(editor)

    response = client.post(_topic_url(world), {"version": seen_version,
                                               "stage": Stage.IN_PROGRESS,
                                               "product": "d.velop"})

    page = response.content.decode()
    assert response.status_code == 200
    assert (f"Während Sie bearbeitet haben, hat {coordinator} diesen Sachstand am" in page)
    assert "Bitte prüfen Sie die aktuellen Werte" in page
    rows = {row.label: (row.theirs, row.yours) for row in response.context["conflict"]["rows"]}
    assert rows["Stand"] == ("im Betrieb", "in Umsetzung")
    assert rows["Produkt/Anbieter"] == ("enaio 10", "d.velop")
    form = response.context["form"]
    assert (form["stage"].value(), form["product"].value()) == ("2", "d.velop")
    assert form["version"].value() == "2"
    assert 'value="d.velop"' in page
    status = Status.objects.get()
    assert (status.stage, status.product, status.version) == (Stage.LIVE, "enaio 10", 2)
    assert StatusChange.objects.count() == 2

    resubmit = client.post(_topic_url(world), {"version": form["version"].value(),
                                               "stage": Stage.IN_PROGRESS,
                                               "product": "d.velop"})

    assert resubmit.status_code == 302
    status.refresh_from_db()
    assert (status.stage, status.product, status.version) == (Stage.IN_PROGRESS, "d.velop", 3)
    assert StatusChange.objects.order_by("-pk").first().changes == {
        "stage": [Stage.LIVE, Stage.IN_PROGRESS], "product": ["enaio 10", "d.velop"]}


def test_two_editors_creating_the_same_status_conflict(client, world, editor, coordinator):
    client.force_login(coordinator)
    client.post(_topic_url(world), {"version": 0, "stage": Stage.LIVE})
    client.force_login(editor)

    response = client.post(_topic_url(world), {"version": 0, "stage": Stage.PLANNED})

    assert response.context["conflict"] is not None
    assert Status.objects.get().stage == Stage.LIVE


def test_success_shows_message_on_the_administration_page(client, world, editor):
    client.force_login(editor)

    response = client.post(_topic_url(world), {"version": 0, "stage": 4}, follow=True)

    assert "Der Sachstand wurde gespeichert." in response.content.decode()


# --- member section --------------------------------------------------------------------------

@pytest.fixture
def recorded(world, editor):
    administration = world["administration"]
    status_save(administration=administration, topic=world["topic"], by=editor,
                fields={"stage": Stage.LIVE, "since": date(2024, 5, 1), "product": "enaio",
                        "contact": world["contact"]})
    status_save(administration=administration, service=world["service"], by=editor,
                fields={"stage": Stage.PILOT, "maturity": 3})
    make_topic(name="Papierlose Ratsarbeit", slug="ratsarbeit")
    return world


def test_member_section_shows_statuses_to_member_staff(client, recorded, other_editor):
    client.force_login(other_editor)

    response = client.get(recorded["administration"].get_absolute_url())

    page = response.content.decode()
    row = response.context["statuses"].topics[0]
    assert (row.topic.name, row.get_stage_display(), row.product, row.contact.name) == (
        "E-Akte", "im Betrieb", "enaio", "Anna Alt")
    assert "kern-badge--success" in page and "im Betrieb" in page
    assert "01.05.2024" in page
    assert "1 Sachstand zu einer OZG-Leistung" in page
    assert reverse("projects:status_history", args=[recorded["administration"].slug]) in page
    assert _topic_url(recorded) not in page
    assert "Papierlose Ratsarbeit" not in page


def test_member_section_offers_editing_to_editors(client, recorded, editor):
    client.force_login(editor)

    page = client.get(recorded["administration"].get_absolute_url()).content.decode()

    assert f'href="{_topic_url(recorded)}"' in page
    new_topic_url = reverse("projects:status_edit_topic",
                            args=[recorded["administration"].slug, "ratsarbeit"])
    assert f'href="{new_topic_url}">Papierlose Ratsarbeit</a>' in page


def test_visitors_see_no_statuses(client, recorded):
    response = client.get(recorded["administration"].get_absolute_url())

    page = response.content.decode()
    assert response.context["statuses"] is None
    assert "E-Akte" not in page and "enaio" not in page and "im Betrieb" not in page
    assert "OZG-Leistung" not in page
    assert "Die Sachstände sehen nur angemeldete Mitglieder" in page


@pytest.mark.parametrize("role", ["reader", "coordinator"])
def test_member_section_queries_do_not_grow(client, world, role):
    topics = [make_topic(name=f"Thema {n}", slug=f"thema-{n}") for n in range(30)]

    def fill(count):
        administration = AdministrationFactory()
        for topic in topics[:count]:
            contact = ContactPerson.objects.create(administration=administration,
                                                   name=f"Kontakt {topic.slug}",
                                                   function="it_leitung")
            Status.objects.create(administration=administration, topic=topic, stage=2,
                                  product="enaio", contact=contact)
        Status.objects.create(administration=administration, service=world["service"],
                              stage=1)
        return administration

    small, large = fill(3), fill(30)
    client.force_login(world["users"][role])
    client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        response = client.get(large.get_absolute_url())

    assert len(response.context["statuses"].topics) == 30
    assert "Kontakt thema-29" in response.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
