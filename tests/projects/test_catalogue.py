"""Topic catalogue: member staff read it, only coordinators create and change topics; admin."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import resolve, reverse

from projects.catalogue.services import topic_save
from projects.enums import Stage
from projects.models import Status, StatusChange, Topic
from projects.statuses.services import status_save
from tests.factories import UserFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def users(administration, admin_user):
    return {
        "visitor": None,
        "reader": UserFactory(administration=administration, role="reader"),
        "editor": UserFactory(administration=administration, role="editor"),
        "coordinator": UserFactory(administration=administration, role="coordinator"),
        "admin": admin_user,
    }


@pytest.fixture
def catalogue(db):
    e_akte = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal", order=1,
                                  description="Elektronische Akte in der ganzen Verwaltung.")
    Topic.objects.create(name="Online-Termine", slug="online-termine", group="citizen")
    Topic.objects.create(name="Fax-Server", slug="fax", group="internal", order=2,
                         is_active=False)
    return e_akte


def test_themen_neu_is_the_create_page_not_a_topic_called_neu():
    assert resolve("/vorhaben/themen/neu/").url_name == "topic_create"
    assert resolve("/vorhaben/themen/e-akte/").url_name == "topic"
    assert resolve("/vorhaben/themen/e-akte/bearbeiten/").url_name == "topic_edit"


@pytest.mark.parametrize("role", ROLES)
def test_catalogue_readable_by_member_staff_editable_by_coordinators(client, users, role,
                                                                     catalogue):
    if users[role]:
        client.force_login(users[role])

    response = client.get(reverse("projects:catalogue"))

    page = response.content.decode()
    if role == "visitor":
        assert response.status_code == 403
        assert "E-Akte" not in page
        return
    assert response.status_code == 200
    assert [(group.label, [t.name for t in group.topics])
            for group in response.context["groups"]] == [
        ("Interne Verwaltung", ["E-Akte", "Fax-Server"] if role in COORDINATION else ["E-Akte"]),
        ("Bürgerservice", ["Online-Termine"]),
    ]
    assert "Elektronische Akte in der ganzen Verwaltung." in page
    assert ('href="/vorhaben/themen/neu/"' in page) == (role in COORDINATION)
    assert ('href="/vorhaben/themen/e-akte/bearbeiten/"' in page) == (role in COORDINATION)


def test_catalogue_counts_members_at_pilot_or_live(client, coordinator, administration,
                                                   catalogue):
    status_save(administration=administration, topic=catalogue, by=coordinator,
                fields={"stage": Stage.PILOT})
    client.force_login(coordinator)

    page = client.get(reverse("projects:catalogue")).content.decode()

    assert "1 Mitglied im Pilot oder Betrieb" in page
    assert "0 Mitglieder im Pilot oder Betrieb" in page


def _create(client):
    response = client.post(reverse("projects:topic_create"), {
        "name": "Digitale Bauakte", "slug": "", "group": "citizen", "description": "",
        "order": 3, "is_active": "on"})
    return response, Topic.objects.filter(slug="digitale-bauakte").exists()


def _edit(client):
    response = client.post(reverse("projects:topic_edit", args=["e-akte"]), {
        "name": "E-Akte und Scannen", "slug": "e-akte", "group": "internal",
        "description": "Neu", "order": 1})
    topic = Topic.objects.get(slug="e-akte")
    return response, (topic.name, topic.is_active) == ("E-Akte und Scannen", False)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", [_create, _edit], ids=["create", "edit"])
def test_topics_created_and_changed_only_by_coordinators(client, users, role, action,
                                                         catalogue):
    if users[role]:
        client.force_login(users[role])

    page = client.get(reverse("projects:topic_create"))
    response, changed = action(client)

    if role in COORDINATION:
        assert page.status_code == 200
        assert response.status_code == 302
        assert changed is True
    else:
        assert page.status_code == 403
        assert response.status_code == 403
        assert changed is False


def test_saved_topic_returns_to_its_place_in_the_catalogue(client, coordinator, catalogue):
    client.force_login(coordinator)

    response, _ = _create(client)

    assert response["Location"] == "/vorhaben/themen/#thema-digitale-bauakte"
    assert "Das Thema wurde gespeichert." in client.get(response["Location"]).content.decode()


def test_topic_form_refuses_reserved_and_taken_slugs(client, coordinator, catalogue):
    client.force_login(coordinator)

    reserved = client.post(reverse("projects:topic_create"), {
        "name": "Neu", "slug": "neu", "group": "internal", "order": 0})
    taken = client.post(reverse("projects:topic_create"), {
        "name": "Zweite E-Akte", "slug": "e-akte", "group": "internal", "order": 0})

    assert "Die Kurzadresse „neu“ ist reserviert." in reserved.content.decode()
    assert "Diese Kurzadresse ist schon vergeben." in taken.content.decode()
    assert 'value="e-akte"' in taken.content.decode()
    assert Topic.objects.count() == 3


def test_topic_without_slug_gets_a_free_one_made_from_the_name(client, coordinator, catalogue):
    client.force_login(coordinator)

    for name in ("Neu", "E-Akte"):
        client.post(reverse("projects:topic_create"), {
            "name": name, "slug": "", "group": "internal", "order": 0})

    assert list(Topic.objects.filter(name__in=["Neu", "E-Akte"]).order_by("pk")
                .values_list("slug", flat=True)) == ["e-akte", "neu-thema", "e-akte-2"]


def test_edit_page_keeps_the_saved_name_in_the_heading(client, coordinator, catalogue):
    client.force_login(coordinator)

    page = client.post(reverse("projects:topic_edit", args=["e-akte"]), {
        "name": "", "slug": "e-akte", "group": "internal", "order": 1}).content.decode()

    assert "E-Akte: Thema bearbeiten" in page
    assert "Dieses Feld ist zwingend erforderlich." in page


def test_topic_save_refuses_non_coordinators(editor):
    with pytest.raises(PermissionDenied):
        topic_save(topic=Topic(), fields={"name": "X", "slug": "x", "group": "work"},
                   by=editor)
    assert not Topic.objects.exists()


# --- Admin ---------------------------------------------------------------------------------

ADMIN_MODELS = ["topic", "ozgthemenfeld", "ozglebenslage", "ozgservice", "status",
                "statuschange", "stagecount", "maturitycount", "surveyround", "surveyresponse",
                "surveysnapshot", "jointproject", "milestone"]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_lists_every_projects_model(client, admin_user, administration, model):
    topic = make_topic()
    make_service()
    status_save(administration=administration, topic=topic, by=admin_user,
                fields={"stage": Stage.LIVE, "product": "enaio"})
    client.force_login(admin_user)

    response = client.get(reverse(f"admin:projects_{model}_changelist"), {"q": "Mayen"}
                          if model in {"status", "statuschange"} else {})

    assert response.status_code == 200
    if model in {"status", "statuschange"}:
        assert "Landkreis Mayen-Koblenz" in response.content.decode()


def test_admin_shows_statuses_and_history_read_only(client, admin_user, administration):
    status = status_save(administration=administration, topic=make_topic(), by=admin_user,
                         fields={"stage": Stage.LIVE})
    change = StatusChange.objects.get()
    client.force_login(admin_user)

    assert client.get(reverse("admin:projects_status_add")).status_code == 403
    assert client.get(reverse("admin:projects_statuschange_add")).status_code == 403
    assert client.post(reverse("admin:projects_status_change", args=[status.pk]),
                       {"stage": 0}).status_code == 403
    assert client.post(reverse("admin:projects_statuschange_delete", args=[change.pk]),
                       {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:projects_status_change", args=[status.pk])
                      ).status_code == 200
    assert Status.objects.get().stage == Stage.LIVE
