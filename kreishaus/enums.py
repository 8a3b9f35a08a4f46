from django.db import models
from django.utils.translation import gettext_lazy as _


class MailState(models.TextChoices):
    QUEUED = "queued", _("wartet")
    SENDING = "sending", _("wird gesendet")
    SENT = "sent", _("gesendet")
    FAILED = "failed", _("fehlgeschlagen")


class ReminderKind(models.TextChoices):
    """Kinds of reminder a person may switch off (invitations and cancellations always go)."""

    MEETING = "meeting", _("Erinnerungen vor Sitzungen")
    ACTION_ITEM = "action_item", _("Erinnerungen an fällige Aufgaben")
    MINUTES = "minutes", _("Erinnerungen an fehlende Protokolle (Koordinierungsstelle)")
    SURVEY = "survey", _("Erinnerungen an offene Sachstandserhebungen")


class SearchKind(models.TextChoices):
    """What a search result is; also the type filter of the search page."""

    ARTICLE = "article", _("Artikel")
    DOCUMENT = "document", _("Dokument")
    MEETING = "meeting", _("Sitzung")
    PROJECT = "project", _("Projekt")
    MEMBER = "member", _("Mitglied")
