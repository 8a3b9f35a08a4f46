"""The dashboard warns coordinators when the portal is reached under another address than
SITE_URL: links in mails and the calendar feed would lead elsewhere."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

WARNING = "Adresse der Plattform prüfen"


def _dashboard(client, user, host: str) -> str:
    client.force_login(user)
    response = client.get(reverse("start"), HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://kreishaus.example.org"
    settings.ALLOWED_HOSTS = [".example.org", "127.0.0.1"]


def test_coordinator_is_warned_about_another_host(client, coordinator):
    page = _dashboard(client, coordinator, "127.0.0.1:8000")

    assert WARNING in page
    assert ("Sie haben die Plattform über „127.0.0.1:8000“ aufgerufen, eingerichtet ist sie "
            "aber für „https://kreishaus.example.org“ (Einstellung SITE_URL).") in page
    assert "Kalender-Abonnement" in page


def test_no_warning_under_the_configured_address(client, coordinator):
    assert WARNING not in _dashboard(client, coordinator, "kreishaus.example.org")
    # Names are case-insensitive, and the default port of SITE_URL's scheme is the same.
    assert WARNING not in _dashboard(client, coordinator, "KREISHAUS.example.org:443")
    assert WARNING in _dashboard(client, coordinator, "kreishaus.example.org:8443")
    assert WARNING in _dashboard(client, coordinator, "intern.example.org")


def test_ports_count(client, coordinator, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"

    assert WARNING not in _dashboard(client, coordinator, "127.0.0.1:8000")
    assert WARNING in _dashboard(client, coordinator, "127.0.0.1:8001")


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_member_staff_see_no_warning(client, request, role):
    assert WARNING not in _dashboard(client, request.getfixturevalue(role), "intern.example.org")
