"""The outbox: every mail the platform sends, and the reminders that led to one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import MailState


class OutgoingMail(models.Model):
    """One mail to one recipient; a worker sends it exactly once (see kreishaus.outbox)."""

    to = models.EmailField(_("an"))
    subject = models.CharField(_("Betreff"), max_length=300)
    body_text = models.TextField(_("Text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachment_name = models.CharField(_("Anhang"), max_length=200, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)
    state = models.CharField(
        _("Status"), max_length=10, choices=MailState.choices, default=MailState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), null=True, blank=True)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class Reminder(models.Model):
    """A reminder that has been queued. The unique key makes a second send impossible,
    however often or late the periodic task runs."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("an"), on_delete=models.CASCADE,
        related_name="reminders",
    )
    object_key = models.CharField(_("Objekt"), max_length=100)
    kind = models.CharField(_("Art"), max_length=100)
    mail = models.OneToOneField(
        OutgoingMail, verbose_name=_("E-Mail"), on_delete=models.SET_NULL, null=True,
        related_name="reminder",
    )
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Erinnerung")
        verbose_name_plural = _("Erinnerungen")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "object_key", "kind"], name="one_reminder_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_key} → {self.recipient}"
