"""Legal pages (Impressum, privacy and accessibility statements, Leichte Sprache,
Gebärdensprache) with their revisions, and the feedback messages of the contact form."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import PAGE_URL_NAMES, FeedbackState, PageKind


def _random_dir(prefix: str, filename: str) -> str:
    # The storage path reveals nothing; the files are served only through the portal's
    # own views, with the type read from their content.
    return f"legal/{prefix}/{uuid.uuid4().hex}/{PurePath(filename).name}"


def video_upload_to(page: "LegalPage", filename: str) -> str:
    return _random_dir("video", filename)


def captions_upload_to(page: "LegalPage", filename: str) -> str:
    return _random_dir("captions", filename)


class LegalPage(models.Model):
    """One legal page; its text is content the coordination office keeps (Markdown), each
    save a revision. A kind without a row, or with an empty text, is unfilled."""

    kind = models.CharField(_("Seite"), max_length=20, choices=PageKind.choices, unique=True)
    title = models.CharField(_("Überschrift"), max_length=200)
    body = models.TextField(_("Text (Markdown)"), blank=True)
    # The privacy statement's sentence that the contact form's consent checkbox shows.
    consent_text = models.TextField(_("Einwilligungstext im Kontaktformular"), blank=True)
    reviewed_on = models.DateField(_("Stand (zuletzt überprüft am)"), null=True, blank=True)
    revision_number = models.PositiveIntegerField(_("Version"), default=0, editable=False)
    # Gebärdensprache only: the video in German Sign Language and its captions (WebVTT).
    video = models.FileField(_("Video"), upload_to=video_upload_to, max_length=300,
                             blank=True)
    video_type = models.CharField(_("Videoformat"), max_length=20, blank=True,
                                  editable=False)
    captions = models.FileField(_("Untertitel (WebVTT)"), upload_to=captions_upload_to,
                                max_length=300, blank=True)
    video_updated_at = models.DateTimeField(_("Video geändert am"), null=True, blank=True,
                                            editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geändert von"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("rechtliche Seite")
        verbose_name_plural = _("rechtliche Seiten")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title or PageKind(self.kind).label

    def get_absolute_url(self) -> str:
        return reverse(f"legal:{PAGE_URL_NAMES[self.kind]}")

    @property
    def is_filled(self) -> bool:
        return bool(self.body.strip())

    @property
    def has_video(self) -> bool:
        return bool(self.video) and bool(self.video_type)


class LegalPageRevision(models.Model):
    """The text of a legal page as one save left it; restoring copies it into a new one."""

    page = models.ForeignKey(LegalPage, verbose_name=_("Seite"), on_delete=models.CASCADE,
                             related_name="revisions")
    number = models.PositiveIntegerField(_("Version"))
    title = models.CharField(_("Überschrift"), max_length=200)
    body = models.TextField(_("Text (Markdown)"), blank=True)
    consent_text = models.TextField(_("Einwilligungstext im Kontaktformular"), blank=True)
    reviewed_on = models.DateField(_("Stand (zuletzt überprüft am)"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geändert von"),
                               on_delete=models.SET_NULL, null=True, related_name="+")
    message = models.CharField(_("Änderungsnotiz"), max_length=200, blank=True)
    restored_from = models.PositiveIntegerField(_("wiederhergestellt aus Version"), null=True,
                                                blank=True)
    created_at = models.DateTimeField(_("gespeichert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Version einer rechtlichen Seite")
        verbose_name_plural = _("Versionen rechtlicher Seiten")
        ordering = ["page", "-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"],
                                               name="legal_revision_unique_number")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def is_current(self) -> bool:
        return self.number == self.page.revision_number


class Feedback(models.Model):
    """A message sent through the contact form ("Barriere melden" / "Kontakt"), answered by
    the coordination office within one month."""

    page_path = models.CharField(_("Seite"), max_length=500, blank=True)
    message = models.TextField(_("Nachricht"))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    # What the person agreed to, as the form showed it (Art. 7 (1) DSGVO).
    consent_text = models.TextField(_("Einwilligung"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("angemeldet als"),
                             on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="feedback_messages")
    state = models.CharField(_("Status"), max_length=20, choices=FeedbackState.choices,
                             default=FeedbackState.NEW)
    answer_due = models.DateField(_("Antwort bis"))
    note = models.TextField(_("interne Notiz"), blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bearbeitet von"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    answered_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["answer_due", "pk"]
        indexes = [models.Index(fields=["state", "answer_due"], name="legal_feedback_due")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=FeedbackState.ANSWERED)
                | models.Q(answered_at__isnull=False),
                name="legal_feedback_answered_has_date"),
        ]

    def __str__(self) -> str:
        received = f"{self.created_at:%d.%m.%Y}: " if self.created_at else ""
        return received + self.message[:60]

    def get_absolute_url(self) -> str:
        return reverse("legal:feedback_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state != FeedbackState.ANSWERED

    @property
    def sender(self) -> str:
        return self.name or self.email

    @property
    def days_left(self) -> int:
        """Days until the answer deadline (0: today, negative: overdue)."""
        return (self.answer_due - timezone.localdate()).days
