"""Invitation lifecycle: sent, accepted, reused, expired, revoked, re-sent."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, User

pytestmark = pytest.mark.django_db

PASSWORD = "ein-gutes-passwort-2026"


def _invite(client, inviter, administration, email="neu@example.org", role="editor",
            django_capture_on_commit_callbacks=None):
    client.force_login(inviter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:invite", args=[administration.slug]),
                               {"email": email, "first_name": "Nina", "last_name": "Neu",
                                "role": role})
    client.logout()
    return response


def _link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/mitglieder/einladung/[^/\s]+/)", message.body).group(1)


def _accept(client, path, password=PASSWORD):
    return client.post(path, {"first_name": "Nina", "last_name": "Neu",
                              "password1": password, "password2": password})


@pytest.fixture
def invite(client, coordinator, administration, django_capture_on_commit_callbacks):
    def _do(**kwargs):
        return _invite(client, coordinator, administration,
                       django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
                       **kwargs)
    return _do


def test_invitation_mail_is_german_with_one_time_link(invite, administration):
    response = invite()

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@example.org"]
    assert message.subject == f"[Kreishaus] Einladung zur Mitarbeit für {administration.name}"
    assert "in der Rolle „Redaktion“" in message.body
    assert "Der Link gilt einmal" in message.body
    html = message.alternatives[0][0]
    assert 'lang="de"' in html and _link_path(message) in html
    invitation = Invitation.objects.get()
    assert invitation.token_hash not in message.body  # only the hash is stored


def test_accepting_creates_account_with_role_and_logs_in(client, invite, administration):
    invite()
    path = _link_path(mail.outbox[0])

    page = client.get(path)
    response = _accept(client, path)

    assert "in der Rolle „Redaktion“" in page.content.decode()
    assert response.status_code == 302
    assert response.url == reverse("start")
    user = User.objects.get(email="neu@example.org")
    assert (user.administration, user.role, user.first_name) == (administration, "editor", "Nina")
    assert user.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=user).verified is True
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Invitation.objects.get().accepted_user == user


def test_accepted_link_cannot_be_used_again(client, invite):
    invite()
    path = _link_path(mail.outbox[0])
    _accept(client, path)
    client.logout()

    response = _accept(client, path, password="noch-ein-passwort-2026")

    assert response.status_code == 410
    assert "bereits angenommen" in response.content.decode()
    assert User.objects.filter(email="neu@example.org").count() == 1
    assert User.objects.get(email="neu@example.org").check_password(PASSWORD)


def test_expired_link_is_refused(client, invite):
    invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = _accept(client, _link_path(mail.outbox[0]))

    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert not User.objects.filter(email="neu@example.org").exists()


def test_revoked_link_is_refused(client, invite, coordinator):
    invite()
    client.force_login(coordinator)
    client.post(reverse("members:invitation_revoke", args=[Invitation.objects.get().pk]))
    client.logout()

    response = _accept(client, _link_path(mail.outbox[0]))

    assert response.status_code == 410
    assert "zurückgezogen" in response.content.decode()
    assert not User.objects.filter(email="neu@example.org").exists()


def test_resent_invitation_replaces_the_old_link(client, invite, coordinator,
                                                 django_capture_on_commit_callbacks):
    invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:invitation_resend", args=[Invitation.objects.get().pk]))
    client.logout()
    old_path, new_path = _link_path(mail.outbox[0]), _link_path(mail.outbox[1])

    old = client.get(old_path)
    accepted = _accept(client, new_path)

    assert old_path != new_path
    assert old.status_code == 404
    assert accepted.status_code == 302
    assert Invitation.objects.get().expires_at > timezone.now() + timedelta(days=13)


def test_unknown_link_shows_german_page(client):
    response = client.get(reverse("members:invitation_accept", args=["gibt-es-nicht"]))

    assert response.status_code == 404
    assert "Einladungslink ist unbekannt" in response.content.decode()


def test_weak_password_is_refused_and_names_are_kept(client, invite):
    invite()
    path = _link_path(mail.outbox[0])

    response = client.post(path, {"first_name": "Nina", "last_name": "Neu",
                                  "password1": "12345", "password2": "12345"})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Nina"' in page
    assert "Dieses Passwort ist zu kurz" in page
    assert not User.objects.filter(email="neu@example.org").exists()


def test_second_open_invitation_to_same_address_is_refused(client, invite):
    invite()

    response = invite(email="NEU@example.org")

    assert response.status_code == 400
    assert "bereits eine Einladung unterwegs" in response.content.decode()
    assert 'value="NEU@example.org"' in response.content.decode()
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_invitation_for_existing_account_is_refused(invite, reader):
    response = invite(email=reader.email)

    assert response.status_code == 400
    assert "gibt es bereits ein Konto" in response.content.decode()
    assert Invitation.objects.count() == 0


def test_deactivated_user_cannot_log_in_and_content_stays(client, coordinator, reader):
    client.force_login(coordinator)
    client.post(reverse("members:user_active", args=[reader.pk]), {"active": "0"})
    client.logout()

    response = client.post(reverse("account_login"),
                           {"login": reader.email, "password": "richtig-geheim-2026"})

    assert User.objects.filter(pk=reader.pk, is_active=False).exists()
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
