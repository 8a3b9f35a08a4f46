"""Follows, in-app notifications, digest settings and sent digests.

A followed thing is named by a key "app.model:pk" (the keys `common.changes.Change.targets`
use), so the table knows no other app. Default follows (one's own administration, its
working groups, what one wrote) are computed by providers (notifications.registry), not
stored: a row with `muted=True` records that a person stopped following such a default.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import DEFAULT_FREQUENCY, Frequency


class Follow(models.Model):
    """A person follows a thing (or, muted, stopped following a default follow)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Person"),
                             on_delete=models.CASCADE, related_name="follows")
    target_key = models.CharField(_("Gefolgtes Objekt"), max_length=100)
    muted = models.BooleanField(_("nicht mehr folgen"), default=False,
                                help_text=_("Für Dinge, denen man von selbst folgt, "
                                            "z. B. der eigenen Verwaltung."))
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Folgen")
        verbose_name_plural = _("Folgen")
        constraints = [models.UniqueConstraint(fields=["user", "target_key"],
                                               name="notifications_follow_unique")]
        indexes = [models.Index(fields=["target_key"], name="notifications_follow_target")]

    def __str__(self) -> str:
        return f"{self.user} → {self.target_key}"


class DigestSetting(models.Model):
    """How often a person gets the e-mail digest; no row means the default (daily)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("Person"),
                                on_delete=models.CASCADE, primary_key=True,
                                related_name="digest_setting")
    frequency = models.CharField(_("E-Mail-Zusammenfassung"), max_length=10,
                                 choices=Frequency.choices, default=DEFAULT_FREQUENCY)
    changed_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Einstellung der Zusammenfassung")
        verbose_name_plural = _("Einstellungen der Zusammenfassung")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"


class Digest(models.Model):
    """A digest mail sent to one person for one period ("daily:2026-12-07"); the unique key,
    written in the transaction that queues the mail, makes a second one impossible."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Person"),
                             on_delete=models.CASCADE, related_name="digests")
    period_key = models.CharField(_("Zeitraum"), max_length=40)
    mail = models.OneToOneField("common.OutgoingMail", verbose_name=_("E-Mail"),
                                on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="digest")
    count = models.PositiveIntegerField(_("Anzahl Benachrichtigungen"), default=0)
    created_at = models.DateTimeField(_("versandt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Zusammenfassung")
        verbose_name_plural = _("Zusammenfassungen")
        constraints = [models.UniqueConstraint(fields=["user", "period_key"],
                                               name="notifications_digest_unique")]

    def __str__(self) -> str:
        return f"{self.user}: {self.period_key}"


class Notification(models.Model):
    """One event a person is told about in the app (and in a digest or at once by mail).

    Unique per (user, object_key, kind): the collector and `notify_personal` insert with
    ON CONFLICT DO NOTHING, so a second run adds nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Person"),
                             on_delete=models.CASCADE, related_name="notifications")
    object_key = models.CharField(_("Objekt"), max_length=100)
    kind = models.CharField(_("Art"), max_length=60)
    kind_label = models.CharField(_("Art (Bezeichnung)"), max_length=100)
    # The followed thing that led to it ("projects.topic:3"), empty for personal notices.
    target_key = models.CharField(_("über"), max_length=100, blank=True)
    target_label = models.CharField(_("über (Bezeichnung)"), max_length=300, blank=True)
    title = models.CharField(_("Titel"), max_length=300)
    url = models.CharField(_("Adresse"), max_length=500)
    when = models.DateTimeField(_("Zeitpunkt"))
    personal = models.BooleanField(_("persönlich"), default=False)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelesen am"), null=True, blank=True)
    # Set when a mail (a digest or the immediate mail of a personal notice) carried it, or
    # when it will never go by mail (digest "nie", personal kind switched off).
    mailed_at = models.DateTimeField(_("per E-Mail am"), null=True, blank=True)
    digest = models.ForeignKey(Digest, verbose_name=_("Zusammenfassung"),
                               on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="notifications")

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        constraints = [models.UniqueConstraint(fields=["user", "object_key", "kind"],
                                               name="notifications_notification_unique")]
        indexes = [
            models.Index(fields=["user", "-when"], name="notifications_user_when"),
            # The bell: unread per person, a partial index stays small.
            models.Index(fields=["user"], name="notifications_unread",
                         condition=models.Q(read_at__isnull=True)),
            # The digest run: what no mail has carried yet.
            models.Index(fields=["user"], name="notifications_unmailed",
                         condition=models.Q(mailed_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.title}"


class CollectorState(models.Model):
    """Up to when the collector has read the recent changes (one row)."""

    key = models.CharField(_("Kennung"), max_length=40, primary_key=True)
    watermark = models.DateTimeField(_("gelesen bis"))

    class Meta:
        verbose_name = _("Stand der Benachrichtigungen")
        verbose_name_plural = _("Stand der Benachrichtigungen")

    def __str__(self) -> str:
        return f"{self.key}: {self.watermark:%d.%m.%Y %H:%M}"
