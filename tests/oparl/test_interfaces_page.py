"""/schnittstellen/: the API explained for people, with example addresses and the licence
of the data (configurable), linked from the footer of every page."""

from django.conf import settings


def test_page_explains_the_api_with_addresses_and_licence(client, db):
    response = client.get("/schnittstellen/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="kern-heading-large">Offene Daten und Schnittstellen</h1>' in page
    for path in ("/oparl/v1/", "/oparl/v1/body/1/meeting", "/oparl/v1/body/1/organization",
                 "/oparl/v1/body/1/agendaItem", "/oparl/v1/body/1/location",
                 "/oparl/v1/body/1/meeting?modified_since=2025-01-01T00%3A00%3A00%2B01%3A00"):
        assert f'href="{settings.SITE_URL}{path}"' in page
    assert ('<a class="kern-link" href="https://www.govdata.de/dl-de/by-2-0">'
            'Datenlizenz Deutschland – Namensnennung 2.0</a>') in page
    assert "Geplante Sitzungen erscheinen nicht." in page


def test_licence_is_configurable_for_page_and_api(client, db, settings):
    settings.OPARL_DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPARL_DATA_LICENSE_NAME = "CC BY 4.0"

    page = client.get("/schnittstellen/").content.decode()
    system = client.get("/oparl/v1/").json()

    assert ('<a class="kern-link" href="https://creativecommons.org/licenses/by/4.0/">'
            "CC BY 4.0</a>") in page
    assert system["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_footer_links_to_the_page(client, db):
    page = client.get("/").content.decode()

    assert ('<a class="kern-link" href="/schnittstellen/">Offene Daten und Schnittstellen '
            "(OParl)</a>") in page
