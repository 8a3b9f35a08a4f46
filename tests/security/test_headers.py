"""Headers: CSP and Permissions-Policy on every answer, security.txt, and HEAD answered
like GET on every page (the error pages are in test_error_pages)."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.security.crawler import crawl, project_routes

CSP_REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _csp(response) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.partition(" ")[2]
            for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
            if part}


def _assert_strict_csp(response) -> None:
    policy = _csp(response)
    for directive, value in CSP_REQUIRED.items():
        assert policy.get(directive) == value, (directive, policy)
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


# CSP, Permissions-Policy ------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/mitglieder/", "/konto/login/", "/gibt-es-nicht/",
                                 "/.well-known/security.txt", "/healthz"])
def test_every_answer_carries_a_strict_csp_and_permissions_policy(client, url):
    response = client.get(url)

    _assert_strict_csp(response)
    policy = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()"
    # Structured-header syntax: `self` without quotes (a quoted one voids the whole header).
    assert policy["publickey-credentials-get"] == "(self)"


# security.txt ---------------------------------------------------------------------------

def _fields(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    return fields


@pytest.mark.django_db
def test_security_txt_follows_rfc_9116(client, settings):
    settings.DEFAULT_FROM_EMAIL = "Kreishaus <kreishaus@example.org>"
    settings.SITE_URL = "https://kreishaus.example.org"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = _fields(response.content.decode())
    assert fields["Contact"] == ["mailto:kreishaus@example.org"]
    assert fields["Preferred-Languages"] == ["de, en"]
    assert fields["Canonical"] == ["https://kreishaus.example.org/.well-known/security.txt"]
    expires = datetime.strptime(fields["Expires"][0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert datetime.now(UTC) + timedelta(days=30) < expires < datetime.now(UTC) + timedelta(
        days=365)


@pytest.mark.django_db
def test_security_txt_contact_from_the_environment(client, settings):
    settings.SECURITY_CONTACT = "security@example.org, https://example.org/meldung"

    fields = _fields(client.get("/.well-known/security.txt").content.decode())

    assert fields["Contact"] == ["mailto:security@example.org", "https://example.org/meldung"]


# HEAD like GET --------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["visitor", "coordinator"])
def test_every_page_answers_head_like_get(network, role):
    client = network.client(role, raise_request_exception=False)
    starts = (*network.seed_urls(), *("/" + route for route, _name, _view in project_routes()
                                      if "<" not in route and "(" not in route))

    pages = [page for page in crawl(client, start=starts).values() if page.status == 200]

    routes = {page.route for page in pages}
    assert {"healthz", ".well-known/security.txt", ""} <= routes
    differing = []
    for page in pages:
        head = client.head(page.url)
        if (head.status_code, head.get("Content-Type")) != (200, page.content_type) or (
                head.content if not head.streaming else b"".join(head.streaming_content)):
            differing.append((page.url, head.status_code))
    assert differing == []


@pytest.mark.django_db
def test_head_on_healthz_like_get(client):
    get, head = client.get("/healthz"), client.head("/healthz")

    assert (head.status_code, head["Content-Type"]) == (get.status_code, get["Content-Type"])
    assert head.content == b""

