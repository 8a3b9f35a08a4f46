"""The generic reminder queue (common.reminders): one reminder per recipient, object and
kind, its mail queued in the same transaction; and the kinds the apps register."""

import pytest
from django.core import mail

from common.models import OutgoingMail, Reminder
from common.reminders import (
    ReminderKind,
    notification_settings_link,
    reminder_kinds,
    reminder_kinds_register,
    reminders_queue,
    reminders_taken,
)

pytestmark = pytest.mark.django_db


class MailsFor:
    """Builds one mail per user and remembers whom it was asked for."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def __call__(self, users):
        self.calls.append([user.email for user in users])
        return [OutgoingMail(to=user.email, subject="Erinnerung", body_text=f"Hallo {user}")
                for user in users]


def test_reminders_queue_writes_reminders_and_sends_their_mails(
        reader, editor, django_capture_on_commit_callbacks):
    mails_for = MailsFor()

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(kind="test_due", object_key="test:1",
                               recipients=[reader, editor], mails_for=mails_for) == 2

    assert mails_for.calls == [[reader.email, editor.email]]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([reader.email, editor.email])
    assert sorted(Reminder.objects.values_list("recipient__email", "mail__to", "kind",
                                               "object_key")) == sorted([
        (reader.email, reader.email, "test_due", "test:1"),
        (editor.email, editor.email, "test_due", "test:1")])


def test_reminders_queue_skips_who_has_it_and_builds_no_mail_for_nobody(
        reader, editor, django_capture_on_commit_callbacks):
    mails_for = MailsFor()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(kind="test_due", object_key="test:1", recipients=[reader],
                        mails_for=mails_for)

        assert reminders_queue(kind="test_due", object_key="test:1",
                               recipients=[reader, editor], mails_for=mails_for) == 1
        assert reminders_queue(kind="test_due", object_key="test:1",
                               recipients=[reader, editor], mails_for=mails_for) == 0
        # Another kind or another object is another reminder.
        assert reminders_queue(kind="test_late", object_key="test:1", recipients=[reader],
                               mails_for=mails_for) == 1

    assert mails_for.calls == [[reader.email], [editor.email], [reader.email]]
    assert Reminder.objects.count() == OutgoingMail.objects.count() == len(mail.outbox) == 3


def test_reminders_taken_by_kind_and_object(reader, editor):
    mails_for = MailsFor()
    reminders_queue(kind="test_due", object_key="test:1", recipients=[reader, editor],
                    mails_for=mails_for)
    reminders_queue(kind="test_due", object_key="test:2", recipients=[editor],
                    mails_for=mails_for)

    assert reminders_taken(object_keys=["test:1", "test:2"]) == {
        ("test_due", "test:1"): {reader.pk, editor.pk}, ("test_due", "test:2"): {editor.pk}}
    assert reminders_taken(object_keys=["test:1"], recipient_ids=[reader.pk]) == {
        ("test_due", "test:1"): {reader.pk}}
    assert reminders_taken(object_keys=["test:1"], kinds=["other"]) == {}


def test_kinds_come_from_the_apps_with_the_stored_values():
    assert [(kind.value, str(kind.label)) for kind in reminder_kinds()] == [
        ("meeting", "Erinnerungen vor Sitzungen"),
        ("action_item", "Erinnerungen an fällige Aufgaben"),
        ("action_assigned", "Neue Aufgaben und geänderte Fälligkeiten"),
        ("minutes", "Erinnerungen an fehlende Protokolle (Koordinierungsstelle)"),
        ("survey", "Erinnerungen an offene Sachstandserhebungen"),
        ("article_review", "Erinnerungen an die Prüfung von Artikeln"),
        ("feedback", "Erinnerungen an unbeantwortete Rückmeldungen (Koordinierungsstelle)"),
        ("mention", "Erwähnungen in Kommentaren"),
        ("poll", "Erinnerungen an offene Rundfragen"),
        ("poll_asked", "Neue Rundfragen an Ihre Verwaltung"),
    ]


def test_a_kind_cannot_be_taken_over_by_another_registration():
    with pytest.raises(ValueError, match="'meeting' is already registered"):
        reminder_kinds_register(ReminderKind("meeting", "Andere Bedeutung", ""))

    assert str(reminder_kinds()[0].label) == "Erinnerungen vor Sitzungen"


def test_settings_link_is_the_notification_page(settings):
    settings.SITE_URL = "https://kreishaus.example.org"

    assert notification_settings_link() == (
        "https://kreishaus.example.org/konto/benachrichtigungen/")
