"""The database becomes unreachable while the server runs: pages answer 503 with the German
page and Retry-After, /healthz answers 503, and as soon as the database is back the same
process serves again (no restart; the broken connection is replaced)."""

import pytest
from django.db import connection
from django.test import Client


@pytest.fixture
def database_down(tmp_path):
    """Point the connection at a socket directory where no server listens (as after
    `pg_ctl stop`), and back afterwards."""
    saved = {"HOST": connection.settings_dict["HOST"],
             "OPTIONS": dict(connection.settings_dict["OPTIONS"])}
    connection.close()
    connection.settings_dict["HOST"] = str(tmp_path)
    connection.settings_dict["OPTIONS"] = {**saved["OPTIONS"], "host": str(tmp_path)}

    def restore() -> None:
        connection.close()
        connection.settings_dict["HOST"] = saved["HOST"]
        connection.settings_dict["OPTIONS"] = saved["OPTIONS"]

    yield restore
    restore()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/", "/mitglieder/", "/wissen/", "/sitzungen/", "/suche/?q=Akte"])
def test_pages_answer_503_in_german_and_serve_again_after_the_outage(path, database_down):
    client = Client(raise_request_exception=False)

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Vorübergehend nicht erreichbar" in html
    assert "Datenbank nicht antwortet (Fehler 503)" in html
    assert '<html lang="de">' in html
    assert "Traceback" not in html and "OperationalError" not in html

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "error", "database": "unreachable"}

    database_down()  # the database is back; same process, same connection object
    assert client.get(path).status_code == 200
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_form_sent_during_the_outage_gets_the_503_page(database_down):
    client = Client(raise_request_exception=False)

    response = client.post("/konto/login/", {"login": "a@example.org", "password": "x"})

    assert response.status_code == 503
    assert "möglicherweise nicht gespeichert" in response.content.decode()
