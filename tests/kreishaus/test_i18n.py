"""Formal German (Sie/Ihr) for allauth's texts, via locale/de/LC_MESSAGES/django.po."""

import ast
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from tests.factories import UserFactory

PO_FILE = settings.BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _po_entries() -> list[dict]:
    """Parse the catalogue by hand (no polib in the project): one dict per live entry."""
    entries, entry, field = [], {}, None
    for line in PO_FILE.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if not line and entry:
                entries.append(entry)
                entry, field = {}, None
            continue
        if line.startswith('"'):
            entry[field] += ast.literal_eval(line)
            continue
        keyword, _, literal = line.partition(" ")
        field = keyword
        entry[field] = ast.literal_eval(literal)
    return [e for e in entries if e.get("msgid")]


def _msgstrs(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def _main_content(response) -> str:
    page = response.content.decode()
    return page.split('<main id="inhalt"', 1)[1].split("</main>", 1)[0]


def _assert_formal(text: str) -> None:
    assert not INFORMAL.search(text), INFORMAL.search(text).group(0)


def test_failed_login_message_is_formal():
    with translation.override("de"):
        text = gettext("Too many failed login attempts. Try again later.")

    assert text == (
        "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut."
    )


def test_override_wins_over_allauth_catalogue_for_plain_context_and_plural():
    with translation.override("de"):
        assert gettext("Are you sure you want to sign out?") == (
            "Möchten Sie sich wirklich abmelden?"
        )
        assert gettext("You must type the same password each time.") == (
            "Bitte geben Sie zweimal dasselbe Passwort ein."
        )
        # Entries we do not override still come from allauth's German catalogue.
        assert pgettext("field label", "Login") == "Anmeldung"
        assert ngettext(
            "You have added %(count)s security key.",
            "You have added %(count)s security keys.",
            2,
        ) == "Sie haben %(count)s Sicherheitsschlüssel hinzugefügt."


def test_catalogue_has_header_and_only_formal_translations():
    text = PO_FILE.read_text(encoding="utf-8")
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert '"Language: de\\n"' in text

    entries = _po_entries()
    assert len(entries) >= 70
    for entry in entries:
        for msgstr in _msgstrs(entry):
            assert msgstr, entry["msgid"]
            assert not INFORMAL.search(msgstr), (entry["msgid"], msgstr)
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(
                PLACEHOLDER.findall(entry["msgid"])
            ), entry["msgid"]


def test_compiled_catalogue_matches_po_file():
    """The committed django.mo must be compiled from the current django.po."""
    with translation.override("de"):
        for entry in _po_entries():
            if "msgid_plural" in entry:
                continue
            if "msgctxt" in entry:
                result = pgettext(entry["msgctxt"], entry["msgid"])
            else:
                result = gettext(entry["msgid"])
            assert result == entry["msgstr"], entry["msgid"]


@pytest.mark.django_db
def test_password_reset_page_is_formal(client):
    response = client.get(reverse("account_reset_password"))

    assert response.status_code == 200
    content = _main_content(response)
    assert (
        "Passwort vergessen? Geben Sie unten Ihre E-Mail-Adresse ein. Wir senden Ihnen "
        "dann eine E-Mail, mit der Sie Ihr Passwort zurücksetzen können." in content
    )
    assert (
        "Falls beim Zurücksetzen des Passworts Probleme auftreten, wenden Sie sich bitte "
        "an uns." in content
    )
    assert not re.search(r"\b(du|Du|dein\w*|Dein\w*)\b", content)


@pytest.mark.django_db
def test_password_reset_mail_is_german_and_formal(client, django_capture_on_commit_callbacks):
    user = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        response = client.post(reverse("account_reset_password"), {"email": user.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Kreishaus] Zurücksetzen Ihres Passworts"
    body = message.body
    assert "Guten Tag, dies ist eine Nachricht von " in body
    assert (
        "Sie erhalten diese E-Mail, weil jemand – möglicherweise Sie selbst – das "
        "Zurücksetzen des Passworts für Ihr Benutzerkonto angefordert hat." in body
    )
    assert (
        "Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren. "
        "Klicken Sie auf den folgenden Link, um Ihr Passwort zurückzusetzen." in body
    )
    assert "Vielen Dank, dass Sie " in body
    assert "/konto/password/reset/key/" in body
    assert "Hello from" not in body and "Click the link" not in body
    _assert_formal(body)

    done = client.get(response.url)
    assert "Wir haben Ihnen eine E-Mail gesendet." in _main_content(done)
    _assert_formal(_main_content(done))


@pytest.mark.django_db
def test_logout_confirmation_and_message_are_formal(client):
    client.force_login(UserFactory())

    page = client.get(reverse("account_logout"))
    assert "Möchten Sie sich wirklich abmelden?" in _main_content(page)

    response = client.post(reverse("account_logout"), follow=True)
    assert "Sie haben sich abgemeldet." in response.content.decode()
