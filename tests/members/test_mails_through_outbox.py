"""Invitations and allauth's mails (password reset, address confirmation) go through the
outbox: a mail server that fails for a while delays them, the person sees the normal
German confirmation, and each mail is delivered exactly once when the server is back."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from common.enums import MailState
from common.models import OutgoingMail
from common.outbox import ERASED_TEXT, mails_requeue_stale
from common.tasks import send_mail
from members.models import Invitation
from tests.factories import TEST_PASSWORD, UserFactory
from tests.mail_backends import FlakyBackend

pytestmark = pytest.mark.django_db

TRANSIENT_ERRORS = {
    "disconnected": smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    "421": smtplib.SMTPResponseException(421, b"4.3.2 Service not available"),
}


@pytest.fixture(params=list(TRANSIENT_ERRORS))
def failing_mail_server(request, settings):
    """The mail server refuses the next two sends, then works again."""
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.attempts = 2, 0
    FlakyBackend.error = TRANSIENT_ERRORS[request.param]
    yield FlakyBackend
    FlakyBackend.failures = 0


def _recover(django_capture_on_commit_callbacks) -> OutgoingMail:
    """Run the outbox's periodic requeue whenever a retry is due, until the mail is out;
    then once more, and a duplicate task on top: nothing may go out twice."""
    row = OutgoingMail.objects.get()
    for _attempt in range(5):
        if row.state != MailState.QUEUED:
            break
        with django_capture_on_commit_callbacks(execute=True):
            mails_requeue_stale(row.next_attempt_at)
        row.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        mails_requeue_stale(row.created_at + timedelta(days=1))
    send_mail.apply((row.pk,))
    row.refresh_from_db()
    return row


def _page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_invitation_waits_in_the_outbox_while_smtp_fails_and_goes_out_once(
        client, coordinator, administration, failing_mail_server,
        django_capture_on_commit_callbacks):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:invite", args=[administration.slug]),
                               {"email": "neu@example.org", "role": "editor"}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("members:staff", args=[administration.slug]),
                                        302)]
    page = _page_text(response)
    assert "Die Einladung an neu@example.org wurde versandt." in page
    assert "neu@example.org</strong> · Redaktion · offen" in page
    assert mail.outbox == []
    row = OutgoingMail.objects.get()
    assert (row.to, row.state, row.attempts) == ("neu@example.org", MailState.QUEUED, 1)
    assert row.last_error.startswith(type(failing_mail_server.error).__name__)
    assert "/mitglieder/einladung/" in row.body_text  # still needed for the retry

    row = _recover(django_capture_on_commit_callbacks)

    assert (row.state, row.attempts) == (MailState.SENT, 3)
    # The outbox keeps no usable invitation link once the mail is out.
    assert row.body_text == ERASED_TEXT
    assert row.body_html == ""
    [message] = mail.outbox
    assert message.to == ["neu@example.org"]
    assert message.subject == f"[Kreishaus] Einladung zur Mitarbeit für {administration.name}"
    link = re.search(r"https?://[^/\s]+(/mitglieder/einladung/[^/\s]+/)", message.body)[1]
    client.logout()
    assert "Einladung annehmen" in client.get(link).content.decode()
    assert Invitation.objects.get().status == "pending"


def test_password_reset_mail_waits_in_the_outbox_and_goes_out_once(
        client, reader, failing_mail_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": reader.email},
                               follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("account_reset_password_done"), 302)]
    page = _page_text(response)
    assert "Passwort zurücksetzen" in page
    assert "Wir haben Ihnen eine E-Mail gesendet." in page
    assert mail.outbox == []
    assert OutgoingMail.objects.get().state == MailState.QUEUED

    row = _recover(django_capture_on_commit_callbacks)

    assert (row.state, row.attempts) == (MailState.SENT, 3)
    assert "/konto/password/reset/key/" not in row.body_text + row.body_html
    [message] = mail.outbox
    assert message.to == [reader.email]
    assert message.subject == "[Kreishaus] Zurücksetzen Ihres Passworts"
    link = re.search(r"https?://[^/]+(/konto/password/reset/key/\S+/)", message.body)[1]
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {"password1": "ein-neues-passwort-2026",
                                                  "password2": "ein-neues-passwort-2026"})
    reader.refresh_from_db()
    assert reader.check_password("ein-neues-passwort-2026")


def test_address_confirmation_goes_through_the_outbox(
        client, administration, django_capture_on_commit_callbacks):
    user = UserFactory(administration=administration)
    user.emailaddress_set.update(verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_login"),
                               {"login": user.email, "password": TEST_PASSWORD}, follow=True)

    assert "Bestätigen Sie Ihre E-Mail-Adresse" in _page_text(response)
    row = OutgoingMail.objects.get()
    assert (row.to, row.state) == (user.email, MailState.SENT)
    assert row.subject == "[Kreishaus] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert row.body_text == ERASED_TEXT  # the confirmation link is not kept
    [message] = mail.outbox
    assert message.to == [user.email]
    assert "/konto/confirm-email/" in message.body


def test_invitation_mail_is_queued_with_the_invitation_not_before_commit(
        client, coordinator, administration, django_capture_on_commit_callbacks):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("members:invite", args=[administration.slug]),
                    {"email": "neu@example.org", "role": "reader"})

    assert mail.outbox == []
    assert OutgoingMail.objects.get().state == MailState.QUEUED
    assert Invitation.objects.get().email == "neu@example.org"
    for callback in callbacks:  # the commit: the queued mail leaves
        callback()
    assert OutgoingMail.objects.get().state == MailState.SENT
    assert len(mail.outbox) == 1
