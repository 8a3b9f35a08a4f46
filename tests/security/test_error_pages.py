"""The German error pages (400 with its reason, 403 for a failed CSRF check, 500 that tells
the truth about who was told) and the error reports to ADMINS through the outbox."""

import json
import logging

import pytest
from django.core import mail
from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import path
from django.utils.log import AdminEmailHandler

from common.models import OutgoingMail
from kreishaus.urls import handler400, handler500  # noqa: F401 (this module is a URLconf)
from kreishaus.urls import urlpatterns as site_urlpatterns
from tests.security.test_headers import _assert_strict_csp


# A URLconf of the site plus views that fail, for the error pages.
def _boom(request):
    raise ValueError("Kaputt\r\nBcc: fremd@example.org")


def _suspicious(request):
    raise SuspiciousOperation("manipuliert")


urlpatterns = [path("test-fehler/", _boom), path("test-verdacht/", _suspicious),
               *site_urlpatterns]


# 400 and 403 ----------------------------------------------------------------------------

def _in_layout(html: str) -> bool:
    return 'aria-label="Hauptnavigation"' in html and '<html lang="de">' in html


@pytest.mark.django_db
def test_too_large_body_names_the_limit(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

    response = client.post("/konto/login/", {"login": "a@example.org",
                                             "password": "x" * (2 * 1024 * 1024 + 10)})

    html = response.content.decode()
    assert response.status_code == 400
    assert _in_layout(html)
    assert "<h1 class=\"kern-heading-large\">Ungültige Anfrage</h1>" in html
    assert "höchstens 2,0\xa0MB umfassen" in html
    _assert_strict_csp(response)


@pytest.mark.django_db
@pytest.mark.parametrize("ssl_redirect", [False, True])
def test_foreign_host_gets_the_german_400_page(client, settings, reader, ssl_redirect):
    settings.ALLOWED_HOSTS = ["kreishaus.example.org"]
    settings.SECURE_SSL_REDIRECT = ssl_redirect
    client.force_login(reader)  # a session cookie must not lead the page to the host either

    for method in (client.get, client.post):
        response = method("/", HTTP_HOST="boese.example.com")

        html = response.content.decode()
        assert response.status_code == 400
        assert _in_layout(html)
        assert "Adresse, unter der dieses Portal nicht erreichbar ist" in html
        assert "boese.example.com" not in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_other_suspicious_requests_get_the_german_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5

    too_many = client.post("/konto/login/", {f"feld{n}": "x" for n in range(10)})
    suspicious = client.get("/test-verdacht/")

    assert too_many.status_code == 400
    assert "zu viele Felder" in too_many.content.decode()
    assert suspicious.status_code == 400
    assert "Die Anfrage ist ungültig oder unvollständig" in suspicious.content.decode()
    assert "manipuliert" not in suspicious.content.decode()


@pytest.mark.django_db
def test_failed_csrf_check_gets_the_german_403_page(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post("/konto/logout/")

    html = response.content.decode()
    assert response.status_code == 403
    assert _in_layout(html)
    assert "Bitte laden Sie die Seite neu" in html
    assert "CSRF" not in html


# 500 and the error reports -------------------------------------------------------------------

def test_django_mail_admins_handler_is_replaced():
    """Django's own handler sends from inside the request, bypassing the outbox."""
    handlers = [handler for name in ("django", "django.request", "django.security", "")
                for handler in logging.getLogger(name).handlers]

    assert [h for h in handlers if type(h) is AdminEmailHandler] == []
    assert any(type(h).__name__ == "OutboxAdminEmailHandler" for h in handlers)


@pytest.mark.django_db(transaction=True)  # the report is written on a connection of its own
@pytest.mark.urls(__name__)
def test_server_error_is_reported_to_every_admin_through_the_outbox(settings, capsys):
    settings.ADMINS = [("Betrieb", "betrieb@example.org"), ("", "it@example.org")]
    settings.ERROR_MAIL_THROTTLE_SECONDS = 0
    client = Client(raise_request_exception=False)

    response = client.get("/test-fehler/?x=%0d%0aBcc:fremd@example.org")

    html = response.content.decode()
    assert response.status_code == 500
    assert "<html lang=\"de\">" in html
    assert "Der Betrieb wurde benachrichtigt." in html
    reports = list(OutgoingMail.objects.order_by("to"))
    assert [report.to for report in reports] == ["betrieb@example.org", "it@example.org"]
    for report in reports:
        assert report.subject.startswith("[Kreishaus] ERROR")
        assert "/test-fehler/" in report.subject
        assert "\n" not in report.subject and "\r" not in report.subject
        assert "ValueError" in report.body_text
        assert report.state == "sent"
    assert sorted(message.to[0] for message in mail.outbox) == ["betrieb@example.org",
                                                               "it@example.org"]
    assert all(message.bcc == [] for message in mail.outbox)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()
             if line.startswith("{")]
    logged = [line for line in lines if line.get("path") == "/test-fehler/"]
    assert logged and logged[0]["level"] == "ERROR" and logged[0]["status"] == 500
    assert "ValueError: Kaputt" in logged[0]["exception"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls(__name__)
def test_the_same_error_is_mailed_once_in_a_while(settings):
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]
    settings.ERROR_MAIL_THROTTLE_SECONDS = 300
    client = Client(raise_request_exception=False)

    for _ in range(3):
        assert client.get("/test-fehler/").status_code == 500

    assert OutgoingMail.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_without_admins_the_500_page_says_the_error_was_logged(settings, capsys):
    settings.ADMINS = []
    client = Client(raise_request_exception=False)

    response = client.get("/test-fehler/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Der Betrieb wurde benachrichtigt" not in html
    assert "Der Fehler wurde protokolliert" in html
    assert OutgoingMail.objects.count() == 0
    assert '"path": "/test-fehler/"' in capsys.readouterr().out


@pytest.mark.urls(__name__)
def test_server_error_page_and_report_survive_a_database_outage(settings, capsys):
    """No database access here at all (pytest-django refuses every connection): the report
    cannot be queued, but neither the page nor the handler fails."""
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]
    settings.ERROR_MAIL_THROTTLE_SECONDS = 0
    client = Client(raise_request_exception=False)

    response = client.get("/test-fehler/")

    assert response.status_code == 500
    assert "Fehler auf dem Server" in response.content.decode()
    captured = capsys.readouterr()
    assert "error report not queued" in captured.err
    assert '"path": "/test-fehler/"' in captured.out


