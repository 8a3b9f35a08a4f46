"""Rundfragen: a member asks the network, every administration in the audience answers once.

A `Poll` has questions; each administration of its audience gives at most one `Answer`
(drafted by any of its staff, finalised by an editor, editable until the deadline), made
of one `AnswerItem` per question. Results are read from the final answers only.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.enums import AdministrationKind


class Audience(models.TextChoices):
    ALL = "all", _("Alle Mitglieder")
    KINDS = "kinds", _("Mitglieder bestimmter Arten (z. B. alle Landkreise)")
    GROUPS = "groups", _("Mitglieder einer oder mehrerer Arbeitsgruppen")
    CHOSEN = "chosen", _("Ausgewählte Verwaltungen")


class ResultsVisibility(models.TextChoices):
    MEMBERS = "members", _("Alle Mitglieder")
    ASKER = "asker", _("Nur die fragende Verwaltung und die Koordinierungsstelle")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Freitext")
    SINGLE = "single", _("Eine Auswahl")
    MULTIPLE = "multiple", _("Mehrfachauswahl")
    YES_NO = "yes_no", _("Ja/Nein")
    NUMBER = "number", _("Zahl")
    DATE = "date", _("Datum")


class AnswerState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    FINAL = "final", _("Abgegeben")


class Poll(models.Model):
    title = models.CharField(_("Titel"), max_length=200)
    context = models.TextField(
        _("Hintergrund (Markdown)"), blank=True,
        help_text=_("Warum Sie fragen und wofür Sie die Antworten brauchen."))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gestellt von"),
                               on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="polls")
    administration = models.ForeignKey(
        "members.Administration", verbose_name=_("fragende Verwaltung"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="polls_asked")
    audience = models.CharField(_("Wer wird gefragt?"), max_length=10,
                                choices=Audience.choices, default=Audience.ALL)
    audience_kinds = ArrayField(
        models.CharField(max_length=30, choices=AdministrationKind.choices),
        verbose_name=_("Arten von Verwaltungen"), default=list, blank=True)
    audience_groups = models.ManyToManyField(
        "meetings.WorkingGroup", verbose_name=_("Arbeitsgruppen"), blank=True,
        related_name="polls")
    audience_administrations = models.ManyToManyField(
        "members.Administration", verbose_name=_("ausgewählte Verwaltungen"), blank=True,
        related_name="polls_received")
    topics = models.ManyToManyField("projects.Topic", verbose_name=_("Themen"), blank=True,
                                    related_name="polls")
    deadline = models.DateField(_("Antworten bis"))
    results_visibility = models.CharField(
        _("Wer sieht die Ergebnisse?"), max_length=10, choices=ResultsVisibility.choices,
        default=ResultsVisibility.MEMBERS)
    summary = models.TextField(
        _("Zusammenfassung (Markdown)"), blank=True,
        help_text=_("Nur diese Zusammenfassung wird öffentlich, wenn Sie sie veröffentlichen."))
    summary_public = models.BooleanField(_("Zusammenfassung öffentlich"), default=False)
    closed_at = models.DateTimeField(_("vorzeitig beendet am"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("wieder geöffnet am"), null=True, blank=True)
    hidden_at = models.DateTimeField(
        _("ausgeblendet am"), null=True, blank=True,
        help_text=_("Von der Koordinierungsstelle ausgeblendet: nur noch für die fragende "
                    "Verwaltung und die Koordinierungsstelle sichtbar."))
    article = models.ForeignKey(
        "knowledge.Article", verbose_name=_("Wissensartikel aus den Ergebnissen"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="polls")
    created_at = models.DateTimeField(_("gestellt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Rundfrage")
        verbose_name_plural = _("Rundfragen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["deadline"], name="poll_deadline_idx")]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    poll = models.ForeignKey(Poll, verbose_name=_("Rundfrage"), on_delete=models.CASCADE,
                             related_name="questions")
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    text = models.CharField(_("Frage"), max_length=300)
    help_text = models.CharField(_("Hinweis zur Frage"), max_length=300, blank=True)
    kind = models.CharField(_("Art der Antwort"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.TEXT)
    choices = ArrayField(models.CharField(max_length=200), verbose_name=_("Auswahlmöglichkeiten"),
                         default=list, blank=True)
    allow_other = models.BooleanField(_("„Sonstiges“ mit eigener Angabe erlauben"),
                                      default=False)

    class Meta:
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")
        ordering = ["poll", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Answer(models.Model):
    """The one answer of an administration to a poll."""

    poll = models.ForeignKey(Poll, verbose_name=_("Rundfrage"), on_delete=models.CASCADE,
                             related_name="answers")
    administration = models.ForeignKey(
        "members.Administration", verbose_name=_("Verwaltung"), on_delete=models.CASCADE,
        related_name="poll_answers")
    state = models.CharField(_("Stand"), max_length=10, choices=AnswerState.choices,
                             default=AnswerState.DRAFT)
    # Raised on every save: a form posted against an older version is refused with the
    # newer answer shown (two staff of one administration answering at once).
    version = models.PositiveIntegerField(_("Version"), default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("begonnen von"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("zuletzt von"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    submitted_at = models.DateTimeField(_("abgegeben am"), null=True, blank=True)
    created_at = models.DateTimeField(_("begonnen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        ordering = ["poll", "administration__name"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "administration"],
                                    name="poll_one_answer_per_administration"),
        ]

    def __str__(self) -> str:
        return f"{self.poll} – {self.administration}"


class AnswerItem(models.Model):
    """The answer to one question; which field is used follows the question's kind."""

    answer = models.ForeignKey(Answer, verbose_name=_("Antwort"), on_delete=models.CASCADE,
                               related_name="items")
    question = models.ForeignKey(Question, verbose_name=_("Frage"), on_delete=models.CASCADE,
                                 related_name="items")
    not_possible = models.BooleanField(_("Keine Angabe möglich"), default=False)
    text = models.TextField(_("Text"), blank=True)
    choices = ArrayField(models.CharField(max_length=200), verbose_name=_("Auswahl"),
                         default=list, blank=True)
    other = models.CharField(_("Sonstiges"), max_length=200, blank=True)
    yes = models.BooleanField(_("Ja/Nein"), null=True, blank=True)
    number = models.DecimalField(_("Zahl"), max_digits=14, decimal_places=2, null=True,
                                 blank=True)
    date = models.DateField(_("Datum"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einzelantwort")
        verbose_name_plural = _("Einzelantworten")
        constraints = [
            models.UniqueConstraint(fields=["answer", "question"],
                                    name="poll_one_item_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.answer} – {self.question}"
