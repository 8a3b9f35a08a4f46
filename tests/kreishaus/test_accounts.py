"""Login by email, closed sign-up, verification, password reset, rate limit, TOTP."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.core.cache import cache
from django.template import Context, Origin, Template
from django.urls import reverse

from members.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_login_with_email_reaches_dashboard(client, coordinator):
    response = _login(client, coordinator.email.upper(), TEST_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("start")
    page = client.get(reverse("start")).content.decode()
    assert "Willkommen, Katrin" in page
    assert "Meine Aufgaben" in page
    assert "Koordinierungsstelle" in page


def test_login_wrong_password_shows_german_error_and_keeps_email(client, reader):
    response = _login(client, reader.email, "falsches-passwort")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in page
    assert f'value="{reader.email}"' in page
    assert "_auth_user_id" not in client.session


def test_login_refused_for_deactivated_account(client, reader):
    reader.is_active = False
    reader.save()

    response = _login(client, reader.email, TEST_PASSWORD)

    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response.url == reverse("account_inactive")


def test_login_is_rate_limited_after_repeated_failures(client, reader):
    cache.clear()
    for _ in range(5):
        _login(client, reader.email, "falsch")

    response = _login(client, reader.email, TEST_PASSWORD)

    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()


def test_signup_is_closed(client):
    page = client.get(reverse("account_signup"))
    response = client.post(
        reverse("account_signup"),
        {"email": "neu@example.org", "password1": "ein-langes-passwort", "password2":
         "ein-langes-passwort"},
    )

    assert "Registrierung geschlossen" in page.content.decode()
    assert "Einladung" in page.content.decode()
    assert response.status_code == 200
    assert not User.objects.filter(email="neu@example.org").exists()


def test_login_page_names_no_signup_link(client):
    page = client.get(reverse("account_login")).content.decode()

    assert reverse("account_signup") not in page
    assert "Passwort vergessen?" in page


def test_unverified_email_gets_verification_mail_before_login(
        client, administration, django_capture_on_commit_callbacks):
    user = UserFactory(administration=administration)
    EmailAddress.objects.filter(user=user).update(verified=False)

    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        response = _login(client, user.email, TEST_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    key_url = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)

    path = key_url.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)

    assert EmailAddress.objects.get(user=user).verified is True


def test_password_reset_by_mail_sets_new_password(client, reader,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        client.post(reverse("account_reset_password"), {"email": reader.email})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.subject.startswith("[Kreishaus] ")
    link = re.search(r"https?://[^/]+(/konto/password/reset/key/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    client.post(form_url, {"password1": "ein-neues-passwort-2026",
                           "password2": "ein-neues-passwort-2026"})

    reader.refresh_from_db()
    assert reader.check_password("ein-neues-passwort-2026")


def test_totp_second_factor_is_required_after_activation(client, reader):
    cache.clear()
    _login(client, reader.email, TEST_PASSWORD)
    # Enabling a second factor asks for the password once more.
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    client.post(reverse("mfa_activate_totp"), {"code": _current_totp(secret)})

    assert Authenticator.objects.filter(user=reader, type=Authenticator.Type.TOTP).exists()
    client.logout()
    cache.clear()
    response = _login(client, reader.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": _current_totp(secret)})

    assert client.session["_auth_user_id"] == str(reader.pk)


def _activate_totp_through_pages(client, user) -> str:
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    client.post(reverse("mfa_activate_totp"), {"code": _current_totp(secret)})
    return secret


def test_recovery_codes_page_shows_the_unused_codes(client, reader):
    cache.clear()
    _activate_totp_through_pages(client, reader)

    page = client.get(reverse("mfa_view_recovery_codes")).content.decode()

    codes = RecoveryCodes(
        Authenticator.objects.get(user=reader, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert len(codes) == 10
    assert [code for code in codes if f"<code>{code}</code>" not in page] == []
    assert "10 von 10 Wiederherstellungscodes sind noch unbenutzt." in page
    assert "Codes herunterladen" in page


def test_allauth_field_element_shows_textarea_and_input_values():
    html = Template(
        '{% load allauth %}'
        '{% element field id="codes" type="textarea" rows=2 readonly=True %}'
        '{% slot label %}Codes{% endslot %}{% slot value %}abc\ndef{% endslot %}{% endelement %}'
        '{% element field id="secret" type="text" value="GEHEIM" disabled=True %}'
        '{% slot label %}Schlüssel{% endslot %}{% endelement %}',
        origin=Origin("test", template_name="test.html"),
    ).render(Context({}))

    assert re.search(r'<textarea [^>]*id="codes"[^>]*>abc\ndef</textarea>', html)
    assert 'rows="2"' in html and " readonly" in html
    assert re.search(r'<input [^>]*id="secret"[^>]*value="GEHEIM"', html)


@pytest.mark.parametrize("variant", ["address_row", "user_email_only", "other_case"])
def test_adding_the_address_of_another_account_is_refused_and_mails_nobody(
    client, reader, editor, variant
):
    cache.clear()
    address = editor.email
    if variant == "user_email_only":
        # Accounts from the admin or older invitations may have no EmailAddress row.
        EmailAddress.objects.filter(user=editor).delete()
        User.objects.filter(pk=editor.pk).update(email="Erik.Editor@Example.org")
        address = "erik.editor@example.org"
    elif variant == "other_case":
        address = editor.email.upper()
    client.force_login(reader)

    response = client.post(reverse("account_email"), {"email": address, "action_add": ""})

    assert response.status_code == 200
    assert "Diese E-Mail-Adresse gehört zu einem anderen Konto." in response.content.decode()
    assert list(EmailAddress.objects.filter(user=reader).values_list("email", flat=True)) == [
        reader.email]
    assert mail.outbox == []


def test_adding_a_new_address_of_ones_own_sends_the_verification_to_it(
        client, reader, django_capture_on_commit_callbacks):
    cache.clear()
    client.force_login(reader)

    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        response = client.post(reverse("account_email"),
                               {"email": "rita.privat@example.net", "action_add": ""})

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=reader, email="rita.privat@example.net").verified is False
    assert [message.to for message in mail.outbox] == [["rita.privat@example.net"]]
