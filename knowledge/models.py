"""Knowledge base: categories, articles with their revisions, and shared documents."""

import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from members.models import Administration
from members.rules import is_member_staff

from .enums import Visibility
from .review_dates import REVIEW_INTERVAL_DEFAULT, REVIEW_INTERVAL_MAX, add_months

# What visitors may open: public items that are not archived. Member staff open every item.
# The one definition of visibility: visible_q() turns it into a query, VisibleToMixin
# answers it for one loaded item, and knowledge.rules asks the latter.
PUBLIC_WHEN = {"visibility": Visibility.PUBLIC, "archived_at": None}


def _public_q(prefix: str) -> models.Q:
    return models.Q(**{f"{prefix}{name}__isnull" if value is None else f"{prefix}{name}":
                       True if value is None else value
                       for name, value in PUBLIC_WHEN.items()})


def visible_q(user, prefix: str = "") -> models.Q:
    """Which articles or documents a user may open: member staff every one (archived ones
    too), everyone else public ones that are not archived. `prefix` reaches them through a
    relation (e.g. "articles__" for a count on categories)."""
    if is_member_staff(user):
        return models.Q()
    return _public_q(prefix)


def listed_q(user, prefix: str = "") -> models.Q:
    """What appears in lists: what the user may open, never archived items."""
    return visible_q(user, prefix) & models.Q(**{f"{prefix}archived_at__isnull": True})


class KnowledgeQuerySet(models.QuerySet):
    """Articles and documents; the one place that says who sees which of them."""

    def visible_to(self, user) -> "KnowledgeQuerySet":
        """Those the user may open: the detail pages and every list of related items."""
        return self.filter(visible_q(user))

    def listed_for(self, user) -> "KnowledgeQuerySet":
        """Those shown in lists of related items: visible and not archived."""
        return self.filter(listed_q(user))


class VisibleToMixin:
    """Visibility and archive state of one loaded article or document, by the definition
    the querysets use (PUBLIC_WHEN)."""

    @property
    def is_public(self) -> bool:
        """Visitors may open it: public and not archived."""
        return all(getattr(self, name) == value for name, value in PUBLIC_WHEN.items())

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def is_internal(self) -> bool:
        return self.visibility == Visibility.INTERNAL

    def is_visible_to(self, user) -> bool:
        """Whether `user` may open it: what KnowledgeQuerySet.visible_to() would say."""
        return bool(is_member_staff(user) or self.is_public)


class Category(models.Model):
    """A shelf of the knowledge base, ordered and described by the coordination office."""

    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    review_interval_months = models.PositiveSmallIntegerField(
        _("Prüfintervall in Monaten"), default=REVIEW_INTERVAL_DEFAULT,
        validators=[MinValueValidator(1), MaxValueValidator(REVIEW_INTERVAL_MAX)],
        help_text=_("Nach so vielen Monaten sollen Artikel dieser Kategorie wieder geprüft "
                    "werden; ein Artikel kann ein eigenes Intervall haben."))

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["position", "name"]
        constraints = [models.CheckConstraint(
            condition=models.Q(review_interval_months__gte=1,
                               review_interval_months__lte=REVIEW_INTERVAL_MAX),
            name="knowledge_category_review_interval_range")]

    def __str__(self) -> str:
        return self.name


class Article(VisibleToMixin, models.Model):
    """A good practice, process description or how-to, written in Markdown."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    summary = models.TextField(_("Zusammenfassung"), max_length=600)
    body = models.TextField(_("Text (Markdown)"))
    category = models.ForeignKey(Category, verbose_name=_("Kategorie"), on_delete=models.PROTECT,
                                 related_name="articles")
    tags = TaggableManager(_("Schlagwörter"), blank=True,
                           help_text=_("Durch Kommas getrennt, z. B. E-Akte, Ausländerbehörde"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Autor/in"),
                               on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="articles")
    administration = models.ForeignKey(
        Administration, verbose_name=_("beitragende Verwaltung"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="articles")
    visibility = models.CharField(_("Sichtbarkeit"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.INTERNAL)
    topics = models.ManyToManyField("projects.Topic", verbose_name=_("Themen"), blank=True,
                                    related_name="articles")
    joint_projects = models.ManyToManyField(
        "projects.JointProject", verbose_name=_("gemeinsame Projekte"), blank=True,
        related_name="articles")
    meetings = models.ManyToManyField("meetings.Meeting", verbose_name=_("Sitzungen"),
                                      blank=True, related_name="articles")
    revision_number = models.PositiveIntegerField(_("Version"), default=0, editable=False)
    # Whether the content is still right: every revision and every "Als aktuell bestätigen"
    # (ArticleReview) sets it; due again after the interval (knowledge.reviews).
    reviewed_at = models.DateField(_("geprüft am"), default=timezone.localdate)
    review_interval_months = models.PositiveSmallIntegerField(
        _("eigenes Prüfintervall in Monaten"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(REVIEW_INTERVAL_MAX)],
        help_text=_("Leer lassen: das Prüfintervall der Kategorie gilt."))
    archived_at = models.DateTimeField(_("archiviert am"), null=True, blank=True)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = KnowledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Artikel")
        verbose_name_plural = _("Artikel")
        ordering = ["-updated_at", "pk"]
        indexes = [models.Index(fields=["-created_at"]), models.Index(fields=["-updated_at"])]
        constraints = [models.CheckConstraint(
            condition=models.Q(review_interval_months__isnull=True)
            | models.Q(review_interval_months__gte=1,
                       review_interval_months__lte=REVIEW_INTERVAL_MAX),
            name="knowledge_article_review_interval_range")]

    def __str__(self) -> str:
        return self.title

    @property
    def review_interval(self) -> int:
        """Months between two checks: the article's own interval, else its category's."""
        return self.review_interval_months or self.category.review_interval_months

    @property
    def review_due(self) -> date:
        """The day the content should be checked again (the query side:
        knowledge.reviews.review_due_expression)."""
        return add_months(self.reviewed_at, self.review_interval)

    @property
    def is_review_due(self) -> bool:
        """The check is due today or was due before."""
        return self.review_due <= timezone.localdate()

    @property
    def is_review_overdue(self) -> bool:
        """The due day has passed without a check: the page warns that it may be outdated."""
        return self.review_due < timezone.localdate()


class ArticleRevision(models.Model):
    """The text of an article as one save left it; restoring copies it into a new revision."""

    article = models.ForeignKey(Article, verbose_name=_("Artikel"), on_delete=models.CASCADE,
                                related_name="revisions")
    number = models.PositiveIntegerField(_("Version"))
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.TextField(_("Zusammenfassung"))
    body = models.TextField(_("Text (Markdown)"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geändert von"),
                               on_delete=models.SET_NULL, null=True, related_name="+")
    message = models.CharField(_("Änderungsnotiz"), max_length=200, blank=True)
    restored_from = models.PositiveIntegerField(_("wiederhergestellt aus Version"), null=True,
                                                blank=True)
    created_at = models.DateTimeField(_("gespeichert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Artikelversion")
        verbose_name_plural = _("Artikelversionen")
        ordering = ["article", "-number"]
        # Recent changes read the newest revisions of all articles.
        indexes = [models.Index(fields=["-created_at"])]
        constraints = [models.UniqueConstraint(fields=["article", "number"],
                                               name="knowledge_revision_unique_number")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def is_current(self) -> bool:
        """The article's text as it is now (the newest revision)."""
        return self.number == self.article.revision_number


class ArticleReview(models.Model):
    """Someone confirmed that an article is still current, without changing it."""

    article = models.ForeignKey(Article, verbose_name=_("Artikel"), on_delete=models.CASCADE,
                                related_name="reviews")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bestätigt von"),
                             on_delete=models.SET_NULL, null=True, related_name="+")
    reviewed_at = models.DateTimeField(_("bestätigt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Artikelprüfung")
        verbose_name_plural = _("Artikelprüfungen")
        ordering = ["article", "-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.article} ({self.reviewed_at:%d.%m.%Y})"


def document_upload_to(document: "Document", filename: str) -> str:
    # A random directory per file: the storage path reveals nothing and cannot be guessed;
    # files are only ever served through the permission-checked download view.
    return f"knowledge/{uuid.uuid4().hex}/{PurePath(filename).name}"


class Document(VisibleToMixin, models.Model):
    """A file the network shares for reuse (template, process model, service agreement)."""

    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    reuse_note = models.CharField(
        _("Nachnutzung / Lizenz"), max_length=300, blank=True,
        help_text=_("z. B. „Frei nachnutzbar mit Quellenangabe“ oder „CC BY 4.0“"))
    file = models.FileField(_("Datei"), upload_to=document_upload_to, max_length=300)
    filename = models.CharField(_("Dateiname"), max_length=200, editable=False)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"), default=0, editable=False)
    visibility = models.CharField(_("Sichtbarkeit"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.INTERNAL)
    administration = models.ForeignKey(
        Administration, verbose_name=_("beitragende Verwaltung"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="documents")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("hochgeladen von"),
                                    on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="documents")
    articles = models.ManyToManyField(Article, verbose_name=_("Artikel"), blank=True,
                                      related_name="documents")
    meetings = models.ManyToManyField("meetings.Meeting", verbose_name=_("Sitzungen"),
                                      blank=True, related_name="knowledge_documents")
    joint_projects = models.ManyToManyField(
        "projects.JointProject", verbose_name=_("gemeinsame Projekte"), blank=True,
        related_name="knowledge_documents")
    archived_at = models.DateTimeField(_("archiviert am"), null=True, blank=True)
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = KnowledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title
