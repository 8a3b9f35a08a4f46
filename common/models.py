"""The base's tables: the outbox (every mail the platform sends, and the reminders that led
to one), the site-wide search index and one-time form tokens."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import MailState
from .search.registry import search_kind_label


class OnceToken(models.Model):
    """A one-time form token that was submitted (see common.once).

    The row is written in the transaction of the request that submitted the form and kept
    only if that request succeeded with a redirect, so a second submission of the same
    rendered form finds it and is sent to the same result instead of acting again.
    """

    # Who submitted: "user:<pk>", "session:<key>" or "anonymous". A token is claimed per
    # scope, so nobody can use up another person's token.
    scope = models.CharField(_("Absender"), max_length=60)
    token = models.CharField(_("Formular-Kennung"), max_length=32)
    path = models.CharField(_("Adresse"), max_length=500)
    target = models.CharField(_("Weiterleitung"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("abgeschickt am"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("abgeschicktes Formular")
        verbose_name_plural = _("abgeschickte Formulare")
        constraints = [
            models.UniqueConstraint(fields=["scope", "token"], name="common_once_token_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.path} ({self.created_at:%d.%m.%Y %H:%M})"



class OutgoingMail(models.Model):
    """One mail to one recipient; a worker sends it exactly once (see common.outbox)."""

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
    # Mails with a personal secret (invitation and password links): the text is removed
    # once the mail is sent or has failed for good, so the outbox keeps no usable link.
    erase_after_send = models.BooleanField(_("Inhalt nach dem Versand löschen"),
                                           default=False)

    class Meta:
        # Created by the kreishaus app; the table and index kept their names on the move.
        db_table = "kreishaus_outgoingmail"
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"],
                                name="kreishaus_o_state_be8cd9_idx")]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class Reminder(models.Model):
    """A reminder that has been queued. The unique key makes a second send impossible,
    however often or late the periodic task runs (see common.reminders).

    `kind` is the exact reminder ("invitation", "meeting_before_14", "survey_due_7"); the
    apps define them. `object_key` names what it is about ("meeting:12", "survey_round:3").
    """

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
        db_table = "kreishaus_reminder"
        verbose_name = _("Erinnerung")
        verbose_name_plural = _("Erinnerungen")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "object_key", "kind"], name="one_reminder_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_key} → {self.recipient}"


class SearchEntry(models.Model):
    """One searchable object in two views: what member staff may see, and what visitors may
    see (the public_* fields; NULL when visitors may not find it). Derived data, written
    only by common.search.indexing; `manage.py rebuild_search_index` recreates it."""

    # The kind of a registered search source (common.search.registry); its label comes from
    # the source, so the apps' kinds need no choices here.
    kind = models.CharField(_("Art"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("Objekt-ID"))
    # The short address for kinds whose page is addressed by slug; the URL itself is
    # built when results are shown, so changed URL patterns need no reindexing.
    slug = models.CharField(_("Kurzadresse"), max_length=200, blank=True)
    title = models.CharField(_("Titel"), max_length=300)
    public_title = models.CharField(_("öffentlicher Titel"), max_length=300, blank=True)
    # Shown with the result: the start of a meeting, the last change of anything else.
    date = models.DateTimeField(_("Datum"), null=True, blank=True)
    text = models.TextField(_("Text für Ausschnitte"), blank=True)
    public_text = models.TextField(_("öffentlicher Text für Ausschnitte"), null=True, blank=True)
    vector = SearchVectorField(_("Suchvektor"))
    public_vector = SearchVectorField(_("öffentlicher Suchvektor"), null=True, blank=True)
    # Title and summary only (weights A and B): small enough to stay in the table row, so
    # ranking tens of thousands of hits of a frequent word need not read every full vector.
    head_vector = SearchVectorField(_("Suchvektor Titel und Zusammenfassung"))
    public_head_vector = SearchVectorField(
        _("öffentlicher Suchvektor Titel und Zusammenfassung"), null=True, blank=True)
    # Visitors find it only until then (upcoming meetings); NULL: no end.
    public_until = models.DateTimeField(_("öffentlich bis"), null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexiert am"), auto_now=True)

    class Meta:
        db_table = "kreishaus_searchentry"
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Sucheinträge")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"],
                                    name="search_one_entry_per_object"),
            models.CheckConstraint(
                condition=models.Q(public_text__isnull=True, public_vector__isnull=True,
                                   public_head_vector__isnull=True)
                | models.Q(public_text__isnull=False, public_vector__isnull=False,
                           public_head_vector__isnull=False),
                name="search_public_text_and_vector_together",
            ),
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_vector_gin"),
            GinIndex(fields=["public_vector"], name="search_public_vector_gin"),
        ]

    def __str__(self) -> str:
        return f"{search_kind_label(self.kind)}: {self.title}"


class Heartbeat(models.Model):
    """When a background process last showed it is alive, or a periodic task last ran:
    "worker:<node name>", "beat", "task:<beat schedule entry>". Written by the processes
    themselves (kreishaus.celery), read by the health check (common.health)."""

    key = models.CharField(_("Kennung"), max_length=200, primary_key=True)
    at = models.DateTimeField(_("zuletzt"))

    class Meta:
        verbose_name = _("Lebenszeichen")
        verbose_name_plural = _("Lebenszeichen")

    def __str__(self) -> str:
        return f"{self.key}: {self.at:%d.%m.%Y %H:%M:%S}"
