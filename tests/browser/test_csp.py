"""The strict Content-Security-Policy breaks nothing: a real browser reports no violation on
any page of the portal (as visitor, reader and coordinator) or of the admin.

The pages are found by walking the portal with the test client (one URL per pattern), so a
new template is checked without being listed here. Violations are counted twice: by the
`securitypolicyviolation` events of the page and by Chromium's console messages.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from members.models import User
from tests.security.crawler import DEMO_LOGINS, crawl, project_routes

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push([event.violatedDirective, event.blockedURI,
                               event.sourceFile + ":" + event.lineNumber,
                               event.sample].join(" | "));
});
"""
CONSOLE_MARKERS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


@pytest.fixture
def demo_network(transactional_db):
    call_command("demo_data", stdout=StringIO())


def _client(role: str) -> Client:
    client = Client(raise_request_exception=False)
    if role != "visitor":
        client.force_login(User.objects.get(email=DEMO_LOGINS[role]))
    return client


def _html(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def _account_pages(client: Client) -> list[str]:
    """allauth's pages (login, e-mail, password, second factor) the role can open; the
    crawler leaves /konto/ to allauth, so they are listed from the URL conf here."""
    routes = [route for route, _view in _all_routes()
              if route.startswith("konto/") and "<" not in route and "logout" not in route]
    return [url for url in ("/" + route for route in routes) if _html(client.get(url))]


def _all_routes():
    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.callback
    return list(walk(get_resolver().url_patterns))


def _portal_pages(client: Client) -> list[str]:
    starts = ("/", *("/" + route for route, _name, _view in project_routes()
                     if "<" not in route and "(" not in route))
    pages = crawl(client, start=starts, per_route=1, limit=250)
    return [url for url, page in pages.items()
            if page.status == 200 and page.content_type.startswith("text/html")
            ] + _account_pages(client)


def _admin_pages() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
    return urls


def _violations(browser, live_server, client: Client, urls: list[str]) -> dict[str, list]:
    context = browser.new_context(locale="de-DE")
    session = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if session is not None:
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.value,
                              "url": live_server.url}])
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text)
            if any(marker in message.text for marker in CONSOLE_MARKERS) else None)
    found = {}
    try:
        for url in urls:
            console.clear()
            response = page.goto(live_server.url + url, wait_until="load")
            # Pages really shown, not a redirect to the login.
            assert (response.status, page.url) == (200, live_server.url + url)
            events = page.evaluate("window.__cspViolations")
            if events or console:
                found[url] = [*events, *console]
    finally:
        context.close()
    return found


@pytest.mark.parametrize("role", ["visitor", "reader", "coordinator"])
def test_no_csp_violation_on_any_portal_page(browser, live_server, demo_network, role):
    client = _client(role)
    urls = _portal_pages(client)
    assert len(urls) > 20
    assert {"/konto/login/"} <= set(urls) if role == "visitor" else {
        "/konto/email/", "/konto/password/change/", "/konto/2fa/"} <= set(urls)

    assert _violations(browser, live_server, client, urls) == {}


def test_no_csp_violation_in_the_admin(browser, live_server, demo_network):
    client = _client("admin")
    urls = _admin_pages()

    assert _violations(browser, live_server, client, urls) == {}


def test_a_forbidden_inline_style_is_reported(browser, live_server, demo_network):
    """The harness itself: an inline style the policy forbids is counted."""
    context = browser.new_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.evaluate("""() => { const d = document.createElement('div');
                             d.setAttribute('style', 'color: red');
                             document.body.append(d); }""")
    page.wait_for_timeout(200)

    assert any("style-src" in v for v in page.evaluate("window.__cspViolations"))
    context.close()
