"""States of the base's own models (the outbox)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailState(models.TextChoices):
    QUEUED = "queued", _("wartet")
    SENDING = "sending", _("wird gesendet")
    SENT = "sent", _("gesendet")
    FAILED = "failed", _("fehlgeschlagen")
