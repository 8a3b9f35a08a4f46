"""Start page, dashboard, navigation, health check and error pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.urls import path, reverse

from kreishaus.urls import urlpatterns as site_urlpatterns
from tests.factories import AdministrationFactory

NAVIGATION = ["Start", "Mitglieder", "Sitzungen", "Vorhaben", "Wissen", "Suche"]


def _refuse(request):
    raise PermissionDenied


def _crash(request):
    raise RuntimeError("boom")


urlpatterns = [path("nur-fuer-test/verboten/", _refuse), path("nur-fuer-test/fehler/", _crash),
               *site_urlpatterns]


@pytest.mark.django_db
def test_visitor_sees_landing_page_with_members(client):
    AdministrationFactory(name="Landkreis Vulkaneifel")

    page = client.get(reverse("start")).content.decode()

    assert "Gemeinsam digitaler verwalten" in page
    assert "Landkreis Vulkaneifel" in page
    assert "1 Verwaltung arbeitet mit." in page
    assert 'href="/konto/login/"' in page
    assert "Meine Aufgaben" not in page


@pytest.mark.django_db
def test_logged_in_user_sees_dashboard_frame(client, editor):
    client.force_login(editor)

    page = client.get(reverse("start")).content.decode()

    assert "Willkommen, Erik" in page
    for section in ["Nächste Sitzungen", "Meine Aufgaben", "Offene Sachstandserhebungen",
                    "Letzte Änderungen"]:
        assert section in page
    assert "Landkreis Mayen-Koblenz" in page
    assert "„Redaktion“" in page


@pytest.mark.django_db
def test_layout_has_landmarks_navigation_and_one_h1(client):
    page = client.get(reverse("members:list")).content.decode()

    assert page.count("<h1") == 1
    assert '<html lang="de">' in page
    assert 'href="#inhalt"' in page and 'id="inhalt"' in page
    assert "<header" in page and "<main" in page and "<footer" in page
    assert 'aria-label="Hauptnavigation"' in page
    for label in NAVIGATION:
        assert f">{label}</a>" in page
    assert 'href="/mitglieder/" aria-current="page"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["meetings:index", "projects:index", "knowledge:index",
                                      "search"])
def test_every_navigation_target_is_a_real_page(client, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.django_db
def test_member_list_shows_demo_facts_with_constant_queries(client, django_assert_num_queries):
    AdministrationFactory(name="Landkreis Cochem-Zell", population=62666)
    # The count and the page of the list ("Gehört zu" is a text field) and the members on
    # the map.
    with django_assert_num_queries(3):
        first = client.get(reverse("members:list"))
    AdministrationFactory.create_batch(2)
    with django_assert_num_queries(3):
        client.get(reverse("members:list"))

    page = first.content.decode()
    assert "Landkreis Cochem-Zell" in page
    assert "62.666" in page
    assert "Rheinland-Pfalz" in page


@pytest.mark.django_db
def test_healthz_answers_200_when_database_reachable(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_database_unreachable(client):
    original_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = "kreishaus_does_not_exist"
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original_name

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


@pytest.mark.django_db
def test_404_is_a_real_german_page(client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Seite nicht gefunden" in page
    assert 'aria-label="Hauptnavigation"' in page


@pytest.mark.django_db
@pytest.mark.urls("tests.kreishaus.test_site")
def test_403_is_a_real_german_page(client):
    response = client.get("/nur-fuer-test/verboten/")

    assert response.status_code == 403
    page = response.content.decode()
    assert "Zugriff verweigert" in page
    assert "Zur Anmeldung" in page


@pytest.mark.django_db
@pytest.mark.urls("tests.kreishaus.test_site")
def test_500_is_a_real_german_page():
    client = Client(raise_request_exception=False)

    response = client.get("/nur-fuer-test/fehler/")

    assert response.status_code == 500
    assert "Fehler auf dem Server" in response.content.decode()


@pytest.mark.django_db
def test_admin_works_for_superuser_and_refuses_member_staff(client, admin_user, coordinator):
    client.force_login(coordinator)
    refused = client.get("/admin/members/administration/")
    client.force_login(admin_user)
    allowed = client.get("/admin/members/administration/")
    users = client.get("/admin/members/user/")

    assert refused.status_code == 302
    assert allowed.status_code == 200
    assert users.status_code == 200
    assert coordinator.email in users.content.decode()


@pytest.mark.django_db
def test_demo_logins_listed_on_login_page_only_in_demo_mode(client, settings):
    settings.DEMO_MODE = False
    hidden = client.get(reverse("account_login")).content.decode()
    settings.DEMO_MODE = True
    shown = client.get(reverse("account_login")).content.decode()

    assert "koordination@example.org" not in hidden
    assert "koordination@example.org" in shown
    assert "kreishaus-demo" in shown
