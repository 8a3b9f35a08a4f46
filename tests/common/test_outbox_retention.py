"""The outbox keeps sent and failed mails OUTBOX_KEEP_DAYS (storage limitation, DSGVO
Art. 5(1)(e)); mails still to be sent and the reminder records stay."""

from datetime import timedelta

import pytest
from django.utils import timezone

from common import tasks
from common.models import OutgoingMail, Reminder
from common.personal_data_outbox import mails_delete_old

pytestmark = pytest.mark.django_db


def _mail(subject: str, state: str, days_old: int) -> OutgoingMail:
    mail = OutgoingMail.objects.create(to="person@example.org", subject=subject,
                                       body_text="…", state=state)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - timedelta(days=days_old))
    return mail


def test_old_sent_and_failed_mails_are_deleted_reminders_stay(settings, reader):
    settings.OUTBOX_KEEP_DAYS = 180
    old_sent = _mail("Alt gesendet", "sent", 181)
    _mail("Alt fehlgeschlagen", "failed", 200)
    _mail("Alt, wartet noch", "queued", 400)
    _mail("Neu gesendet", "sent", 179)
    reminder = Reminder.objects.create(recipient=reader, object_key="meeting:1",
                                       kind="meeting_before_14", mail=old_sent)

    assert mails_delete_old() == 2
    assert sorted(OutgoingMail.objects.values_list("subject", flat=True)) == [
        "Alt, wartet noch", "Neu gesendet"]
    reminder.refresh_from_db()
    assert reminder.mail is None  # the record that it was sent stays: never sent twice
    assert tasks.mails_delete_old.apply().get() == 0


def test_mail_deletion_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["mails-delete-old"]
    assert (entry["task"], entry["schedule"]) == ("common.tasks.mails_delete_old", 24 * 3600)
