"""One login path: every way into a session passes the rate limits and the second factor.

Sections 1 and 2 of issue 10: the admin login goes through allauth, a user with TOTP gets
no session from any path without the code, failed logins are blocked on every path, the
limits count the client behind the reverse proxy and tell in German how long to wait, and
privileged users can be required to set up a second factor.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib import admin
from django.core import mail
from django.core.cache import cache
from django.urls import path, reverse
from django.utils.http import urlencode

from kreishaus.urls import urlpatterns as site_urlpatterns
from members.services import invitations as services
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Django's own admin login form, routed as it was before: the middleware must still refuse
# the session it opens for a user with TOTP (see test_login_outside_allauth_…).
urlpatterns = [path("django-admin-login/", admin.site.login), *site_urlpatterns]

WRONG = "falsches-passwort-123"
ADMIN_LOGIN = "/admin/login/"
TOO_MANY = re.compile(
    r"Zu viele gescheiterte Anmeldeversuche\. Bitte versuchen Sie es in "
    r"(\d+ Sekunden?|\d+ Minuten?) erneut\."
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def with_totp():
    """Gives a user an authenticator app; returns the secret."""
    def _activate(user) -> str:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        return secret
    return _activate


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _login(client, email, password, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password},
                       headers=headers)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _page(response) -> str:
    return response.content.decode()


# --- /admin/login/ is the portal login ----------------------------------------------------


def test_admin_login_redirects_to_portal_login_with_next_admin(client):
    response = client.get(ADMIN_LOGIN)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?{urlencode({'next': '/admin/'})}"


def test_admin_pages_send_visitors_to_portal_login(client):
    response = client.get("/admin/members/user/", follow=True)

    assert response.redirect_chain[-1][0] == (
        f"{reverse('account_login')}?{urlencode({'next': '/admin/members/user/'})}")
    assert "Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an." in _page(response)


@pytest.mark.parametrize("next_url", [
    "https://evil.example/", "//evil.example/admin/", "/\\evil.example/", "http:/admin/",
    "javascript:alert(1)", " /admin/",
])
def test_admin_login_drops_next_outside_this_site(client, next_url):
    response = client.get(ADMIN_LOGIN, {"next": next_url})

    assert response.url == f"{reverse('account_login')}?{urlencode({'next': '/admin/'})}"


def test_admin_login_post_with_password_opens_no_session(client, admin_user):
    response = client.post(ADMIN_LOGIN, {"username": admin_user.email,
                                         "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not _logged_in(client)


def test_superuser_with_totp_reaches_admin_only_with_code(client, admin_user, with_totp):
    secret = with_totp(admin_user)
    login_url = client.get("/admin/", follow=True).redirect_chain[-1][0]

    response = client.post(login_url, {"login": admin_user.email, "password": TEST_PASSWORD})

    assert response.url.startswith(reverse("mfa_authenticate"))
    assert not _logged_in(client)
    assert client.get("/admin/").status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert response.url == "/admin/"
    assert "Verwaltung der Plattform" in _page(client.get("/admin/"))


def test_logged_in_member_without_admin_rights_gets_403_not_a_loop(client, reader):
    client.force_login(reader)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "Zugriff verweigert" in _page(response)


def test_logged_in_staff_goes_straight_to_next(client, admin_user):
    client.force_login(admin_user)

    response = client.get(ADMIN_LOGIN, {"next": "/admin/members/user/"})

    assert response.url == "/admin/members/user/"


# --- No session without the second factor ------------------------------------------------


def test_portal_login_with_totp_asks_for_code_before_session(client, reader, with_totp):
    secret = with_totp(reader)

    response = _login(client, reader.email, TEST_PASSWORD)

    assert response.url == reverse("mfa_authenticate")
    assert not _logged_in(client)
    assert "Willkommen, Rita" not in _page(client.get(reverse("start")))
    client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert not _logged_in(client)
    client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert client.session["_auth_user_id"] == str(reader.pk)


@pytest.mark.urls(__name__)
def test_login_outside_allauth_gives_no_session_to_totp_user(client, admin_user, with_totp):
    with_totp(admin_user)

    response = client.post("/django-admin-login/", {"username": admin_user.email,
                                                    "password": TEST_PASSWORD})

    assert not _logged_in(client)
    assert response.url == reverse("account_login")
    page = _page(client.get(response.url))
    assert "Für Ihr Konto ist die Zwei-Faktor-Authentifizierung eingerichtet." in page


@pytest.mark.urls(__name__)
def test_login_outside_allauth_still_works_without_totp(client, admin_user):
    client.post("/django-admin-login/", {"username": admin_user.email,
                                         "password": TEST_PASSWORD})

    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_password_reset_of_totp_user_opens_no_session(client, reader, with_totp,
                                                      django_capture_on_commit_callbacks):
    secret = with_totp(reader)
    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        client.post(reverse("account_reset_password"), {"email": reader.email})
    link = re.search(r"https?://[^/]+(/konto/password/reset/key/\S+/)",
                     mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(form_url, {"password1": "ein-neues-passwort-2026",
                                      "password2": "ein-neues-passwort-2026"}, follow=True)

    reader.refresh_from_db()
    assert reader.check_password("ein-neues-passwort-2026")
    assert response.status_code == 200
    assert not _logged_in(client)
    response = _login(client, reader.email, "ein-neues-passwort-2026")
    assert response.url == reverse("mfa_authenticate")
    assert not _logged_in(client)
    client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert _logged_in(client)


def test_email_confirmation_of_totp_user_opens_no_session(
        client, administration, with_totp, django_capture_on_commit_callbacks):
    user = UserFactory(administration=administration)
    user.emailaddress_set.update(verified=False)
    with_totp(user)

    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        _login(client, user.email, TEST_PASSWORD)
    path_ = re.search(r"https?://[^/]+(/konto/confirm-email/\S+/)", mail.outbox[0].body)[1]
    client.post(path_)

    assert user.emailaddress_set.get().verified is True
    assert not _logged_in(client)
    assert _login(client, user.email, TEST_PASSWORD).url == reverse("mfa_authenticate")
    assert not _logged_in(client)


def test_invitation_for_address_of_totp_user_opens_no_session(
    client, coordinator, administration, with_totp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(email="spaeter@example.org", administration=administration,
                                   role="editor", invited_by=coordinator)
    link = re.search(r"https?://[^/\s]+(/mitglieder/einladung/[^/\s]+/)",
                     mail.outbox[0].body).group(1)
    # Meanwhile the person got an account (e.g. from the admin) and set up TOTP.
    with_totp(UserFactory(email="spaeter@example.org", administration=administration))

    response = client.post(link, {"first_name": "Paul", "last_name": "Später",
                                  "password1": "ein-gutes-passwort-2026",
                                  "password2": "ein-gutes-passwort-2026"})

    assert not _logged_in(client)
    assert "Für diese E-Mail-Adresse gibt es bereits ein Konto." in _page(response)


# --- 25 wrong passwords are blocked on every path -----------------------------------------


def test_25_wrong_passwords_block_the_account_then_refuse_the_right_one(client, reader):
    for _ in range(25):
        response = _login(client, reader.email, WRONG)

    assert response.status_code == 200
    assert "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es in 5 Minuten " \
        "erneut." in _page(response)
    response = _login(client, reader.email, TEST_PASSWORD)
    assert TOO_MANY.search(_page(response))
    assert not _logged_in(client)


def test_25_wrong_passwords_for_different_accounts_block_the_client(client, administration):
    users = UserFactory.create_batch(26, administration=administration)

    pages = [_page(_login(client, user.email, WRONG)) for user in users[:25]]

    assert not any(TOO_MANY.search(page) for page in pages[:10])
    assert all(TOO_MANY.search(page) for page in pages[10:])
    response = _login(client, users[25].email, TEST_PASSWORD)
    assert TOO_MANY.search(_page(response))
    assert not _logged_in(client)


def test_25_wrong_passwords_on_admin_login_open_no_session(client, admin_user):
    for _ in range(25):
        client.post(ADMIN_LOGIN, {"username": admin_user.email, "password": WRONG})

    client.post(ADMIN_LOGIN, {"username": admin_user.email, "password": TEST_PASSWORD})

    assert not _logged_in(client)


def test_25_wrong_codes_block_the_second_factor_then_refuse_the_right_one(
    client, reader, with_totp
):
    secret = with_totp(reader)
    _login(client, reader.email, TEST_PASSWORD)

    for _ in range(25):
        response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert TOO_MANY.search(_page(response))
    response = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert TOO_MANY.search(_page(response))
    assert not _logged_in(client)


# --- Behind the reverse proxy ------------------------------------------------------------


@pytest.fixture
def behind_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def test_users_behind_the_same_proxy_do_not_lock_each_other_out(
    client, behind_proxy, administration, reader
):
    # Same REMOTE_ADDR (the proxy) for both; the proxy appends each client's address.
    for user in UserFactory.create_batch(25, administration=administration):
        _login(client, user.email, WRONG, x_forwarded_for="203.0.113.10")
    assert TOO_MANY.search(_page(_login(client, reader.email, TEST_PASSWORD,
                                        x_forwarded_for="203.0.113.10")))

    response = _login(client, reader.email, TEST_PASSWORD, x_forwarded_for="198.51.100.20")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(reader.pk)


def test_spoofed_forwarded_for_does_not_escape_the_limit(
    client, behind_proxy, administration, reader
):
    # The client makes up the left part; the proxy appends the real address.
    for number, user in enumerate(UserFactory.create_batch(25, administration=administration)):
        _login(client, user.email, WRONG, x_forwarded_for=f"10.0.0.{number}, 203.0.113.66")

    response = _login(client, reader.email, TEST_PASSWORD,
                      x_forwarded_for="10.0.0.99, 203.0.113.66")

    assert TOO_MANY.search(_page(response))
    assert not _logged_in(client)


def test_many_clients_behind_the_proxy_are_not_capped_together(
    client, behind_proxy, administration
):
    user = UserFactory(administration=administration)
    statuses = [
        client.post(reverse("account_login"), {"login": user.email, "password": WRONG},
                    headers={"x-forwarded-for": f"198.51.100.{number}"}).status_code
        for number in range(70)
    ]

    assert 429 not in statuses


def test_one_client_beyond_the_login_limit_gets_german_429_page(client, behind_proxy):
    for _ in range(60):
        client.post(reverse("account_login"), {"login": "x@example.org", "password": WRONG},
                    headers={"x-forwarded-for": "203.0.113.7"})

    response = client.post(reverse("account_login"),
                           {"login": "x@example.org", "password": WRONG},
                           headers={"x-forwarded-for": "203.0.113.7"})

    assert response.status_code == 429
    page = _page(response)
    assert "<title>Zu viele Anfragen – Kreishaus</title>" in page
    assert "Zum Inhalt springen" in page  # the site layout
    assert re.search(r"Bitte versuchen Sie es in (\d+ Sekunden|1 Minute) erneut\.", page)
    assert 1 <= int(response["Retry-After"]) <= 60
    other = client.post(reverse("account_login"), {"login": "x@example.org", "password": WRONG},
                        headers={"x-forwarded-for": "203.0.113.8"})
    assert other.status_code == 200


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("forwarded_for", [
    None, "", " ", "garbage", "203.0.113.5", "203.0.113.5, 198.51.100.1", "::1",
    "[2001:db8::1]:443", ",,,", "203.0.113.5,", "\u202e1.2.3.4", "1.2.3.4" * 500,
])
def test_any_forwarded_for_header_gives_a_normal_login_page(
    client, settings, reader, count, forwarded_for
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
    headers = {} if forwarded_for is None else {"x-forwarded-for": forwarded_for}

    response = _login(client, reader.email, WRONG, **headers)

    assert response.status_code == 200
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in _page(response)


# --- Second factor required for privileged users -----------------------------------------


def test_privileged_users_without_totp_are_not_redirected_by_default(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("start"))

    assert response.status_code == 200
    assert "Willkommen, Katrin" in _page(response)


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True


@pytest.mark.parametrize("url", ["/", "/mitglieder/", "/admin/", "/admin/members/user/",
                                 "/konto/email/", "/wissen/"])
@pytest.mark.parametrize("who", ["coordinator", "admin_user"])
def test_privileged_user_without_totp_is_sent_to_setup(client, mfa_required, request, who,
                                                       url):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url, follow=True)

    assert response.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert response.status_code == 200
    assert "Ihre Rolle erfordert eine Zwei-Faktor-Authentifizierung." in _page(response)


@pytest.mark.parametrize("logout_url", ["/konto/logout/", "/admin/logout/"])
def test_privileged_user_may_still_log_out_and_reach_static_and_health(
    client, mfa_required, admin_user, logout_url
):
    client.force_login(admin_user)

    assert client.get(reverse("healthz")).status_code == 200
    assert client.get("/static/css/kreishaus.css").status_code == 200
    client.post(logout_url)
    assert not _logged_in(client)


def test_privileged_user_with_totp_and_others_are_not_redirected(
    client, mfa_required, coordinator, reader, editor, with_totp
):
    with_totp(coordinator)
    for user in (coordinator, reader, editor):
        client.force_login(user)
        assert client.get(reverse("start")).status_code == 200


def test_required_setup_through_the_pages_then_portal_opens(client, mfa_required, coordinator):
    _login(client, coordinator.email, TEST_PASSWORD)
    response = client.get(reverse("start"), follow=True)
    # Setting up a second factor asks for the password once more (allauth).
    reauthenticate = response.redirect_chain[-1][0]
    assert response.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert reauthenticate.startswith(reverse("account_reauthenticate"))
    response = client.post(reauthenticate, {"password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)}, follow=True)

    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()
    assert "Wiederherstellungscodes" in _page(response)
    page = client.get(reverse("start"))
    assert page.status_code == 200
    assert "Willkommen, Katrin" in _page(page)
