"""What the base holds about a person: the mails the outbox sent or will send them, and
the reminders recorded for them (registered with common.personal_data in
CommonConfig.ready()). Only date, subject and state are shown, not the texts: those may
carry links meant for one use.

Mails are kept only as long as they serve the proof that something was sent: sent and
failed ones are deleted OUTBOX_KEEP_DAYS after they were written (daily beat task
`common.tasks.mails_delete_old`). Reminder records stay (without their mail), so nothing
is sent twice.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import MailState
from .models import OutgoingMail, Reminder
from .personal_data import iso, personal_data_register


def _mails(user):
    return OutgoingMail.objects.filter(to__iexact=user.email)


def collect(user) -> dict:
    return {
        _("E-Mails an Sie"): [
            {_("Erstellt am"): iso(mail.created_at), _("Gesendet am"): iso(mail.sent_at),
             _("Betreff"): mail.subject, _("Status"): mail.get_state_display()}
            for mail in _mails(user).order_by("created_at", "pk")],
    }


def erase(user) -> None:
    """The person's mails and reminder records go; mails still queued are not sent."""
    Reminder.objects.filter(Q(recipient=user) | Q(mail__in=_mails(user))).delete()
    _mails(user).delete()


def register() -> None:
    personal_data_register("common", label=gettext_lazy("E-Mails"), collect=collect,
                           erase=erase, order=90)


def mails_delete_old(*, now: datetime | None = None) -> int:
    """Delete sent and failed mails older than OUTBOX_KEEP_DAYS; how many were."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    deleted, _by_model = OutgoingMail.objects.filter(
        state__in=[MailState.SENT, MailState.FAILED], created_at__lt=cutoff).delete()
    return deleted
