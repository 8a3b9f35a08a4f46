import rules
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Administration, ContactPerson

from .enums import (
    PROJECT_STAGE_BADGE,
    STAGE_BADGE,
    Maturity,
    ProjectStage,
    Stage,
    StatusSource,
    SurveyState,
    TopicGroup,
)
from .summaries import MaturityCount, StageChangeMonth, StageCount  # noqa: F401 (models)

# Topic groups in their declared order (not alphabetically by key), for every topic list.
TOPIC_GROUP_ORDER = models.Case(
    *[models.When(group=value, then=models.Value(index))
      for index, value in enumerate(TopicGroup.values)],
    output_field=models.IntegerField(),
)


class Topic(models.Model):
    """A digitalization topic of the catalogue the coordination office maintains."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=100, unique=True)
    group = models.CharField(_("Bereich"), max_length=20, choices=TopicGroup.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = [TOPIC_GROUP_ORDER, "order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:topic", args=[self.slug])


class OzgThemenfeld(models.Model):
    number = models.PositiveSmallIntegerField(_("Nummer"), unique=True)
    name = models.CharField(_("Name"), max_length=200)

    class Meta:
        verbose_name = _("OZG-Themenfeld")
        verbose_name_plural = _("OZG-Themenfelder")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class OzgLebenslage(models.Model):
    number = models.PositiveSmallIntegerField(_("Nummer"), unique=True)
    name = models.CharField(_("Name"), max_length=200)
    themenfeld = models.ForeignKey(OzgThemenfeld, verbose_name=_("Themenfeld"),
                                   on_delete=models.PROTECT, related_name="lebenslagen")

    class Meta:
        verbose_name = _("OZG-Lebenslage")
        verbose_name_plural = _("OZG-Lebenslagen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OzgService(models.Model):
    """An OZG service (OZG-Leistung) of the implementation catalogue."""

    ozg_id = models.PositiveIntegerField(_("OZG-ID"), unique=True)
    name = models.CharField(_("Name"), max_length=300)
    themenfeld = models.ForeignKey(OzgThemenfeld, verbose_name=_("Themenfeld"),
                                   on_delete=models.PROTECT, related_name="services")
    lebenslage = models.ForeignKey(OzgLebenslage, verbose_name=_("Lebenslage"),
                                   on_delete=models.PROTECT, related_name="services",
                                   null=True, blank=True)
    leika_count = models.PositiveSmallIntegerField(_("Zahl der LeiKa-Leistungen"), default=0)

    class Meta:
        verbose_name = _("OZG-Leistung")
        verbose_name_plural = _("OZG-Leistungen")
        ordering = ["ozg_id"]

    def __str__(self) -> str:
        return f"{self.ozg_id} {self.name}"


class StatusQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StatusQuerySet":
        """Statuses are internal working states of the members: member staff see them,
        nobody else does, on any page, list, export or search (there is no public flag)."""
        return self if rules.has_perm("projects.view_statuses", user) else self.none()


class Status(models.Model):
    """How far one administration is with one topic or one OZG service."""

    administration = models.ForeignKey(Administration, verbose_name=_("Verwaltung"),
                                       on_delete=models.CASCADE, related_name="statuses")
    topic = models.ForeignKey(Topic, verbose_name=_("Thema"), on_delete=models.CASCADE,
                              related_name="statuses", null=True, blank=True)
    service = models.ForeignKey(OzgService, verbose_name=_("OZG-Leistung"),
                                on_delete=models.CASCADE, related_name="statuses", null=True,
                                blank=True)
    stage = models.PositiveSmallIntegerField(_("Stand"), choices=Stage.choices,
                                             default=Stage.NOT_PLANNED)
    maturity = models.PositiveSmallIntegerField(_("Reifegrad"), choices=Maturity.choices,
                                                null=True, blank=True)
    since = models.DateField(_("seit"), null=True, blank=True)
    department = models.CharField(_("zuständige Stelle"), max_length=200, blank=True)
    product = models.CharField(_("Produkt/Anbieter"), max_length=200, blank=True, db_index=True)
    contact = models.ForeignKey(ContactPerson, verbose_name=_("Ansprechperson"),
                                on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="statuses")
    note = models.TextField(_("Notiz"), blank=True)
    # Optimistic locking: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geändert von"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    objects = StatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sachstand")
        verbose_name_plural = _("Sachstände")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(topic__isnull=False, service__isnull=True)
                           | models.Q(topic__isnull=True, service__isnull=False)),
                name="status_topic_xor_service"),
            models.CheckConstraint(
                condition=models.Q(maturity__isnull=True) | models.Q(service__isnull=False),
                name="status_maturity_only_for_services"),
            models.UniqueConstraint(fields=["administration", "topic"],
                                    condition=models.Q(topic__isnull=False),
                                    name="one_status_per_topic"),
            models.UniqueConstraint(fields=["administration", "service"],
                                    condition=models.Q(service__isnull=False),
                                    name="one_status_per_service"),
        ]
        # Covering: the rows of one topic or service (11,000 at national scale, spread over
        # as many heap pages, since statuses are written per administration) are counted,
        # grouped and ordered from the index alone; only the page shown reads the table.
        indexes = [
            models.Index(fields=["topic", "stage"], name="status_topic_cover",
                         include=["administration", "product", "id"]),
            models.Index(fields=["service", "stage"], name="status_service_cover",
                         include=["administration", "maturity", "product", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.administration}: {self.topic or self.service}"

    @property
    def stage_badge(self) -> str:
        return STAGE_BADGE.get(self.stage, "")


class StatusChange(models.Model):
    """One change of a status: who, when, and each field from → to."""

    status = models.ForeignKey(Status, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(_("geändert am"), auto_now_add=True, db_index=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geändert von"),
                                   on_delete=models.SET_NULL, null=True, related_name="+")
    source = models.CharField(_("Quelle"), max_length=10, choices=StatusSource.choices,
                              default=StatusSource.FORM)
    changes = models.JSONField(_("Änderungen"), help_text=_("Feld: [vorher, nachher]"))

    class Meta:
        verbose_name = _("Änderung eines Sachstands")
        verbose_name_plural = _("Änderungen von Sachständen")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.status} ({self.changed_at:%d.%m.%Y})"

    @property
    def from_form(self) -> bool:
        return self.source == StatusSource.FORM


class SurveyRound(models.Model):
    """A Sachstandserhebung: members confirm or update their statuses before a meeting."""

    title = models.CharField(_("Titel"), max_length=200)
    topics = models.ManyToManyField(Topic, verbose_name=_("Themen"), blank=True,
                                    related_name="survey_rounds")
    themenfelder = models.ManyToManyField(OzgThemenfeld, verbose_name=_("OZG-Themenfelder"),
                                          blank=True, related_name="survey_rounds")
    deadline = models.DateField(_("Frist"))
    meeting = models.ForeignKey("meetings.Meeting", verbose_name=_("bereitet vor"),
                                on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="survey_rounds")
    state = models.CharField(_("Status"), max_length=10, choices=SurveyState.choices,
                             default=SurveyState.OPEN)
    opened_at = models.DateTimeField(_("eröffnet am"), auto_now_add=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("eröffnet von"),
                                  on_delete=models.SET_NULL, null=True, related_name="+")
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Sachstandserhebung")
        verbose_name_plural = _("Sachstandserhebungen")
        ordering = ["-opened_at"]
        constraints = [
            # Two open rounds of one title are one round opened twice (a double click,
            # two tabs): members would be asked, and reminded, twice.
            models.UniqueConstraint(Lower("title"), condition=models.Q(state=SurveyState.OPEN),
                                    name="one_open_survey_round_per_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:survey", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state == SurveyState.OPEN


class SurveyResponse(models.Model):
    round = models.ForeignKey(SurveyRound, verbose_name=_("Erhebung"), on_delete=models.CASCADE,
                              related_name="responses")
    administration = models.ForeignKey(Administration, verbose_name=_("Verwaltung"),
                                       on_delete=models.CASCADE, related_name="survey_responses")
    completed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("abgeschlossen von"),
                                     on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")

    class Meta:
        verbose_name = _("Antwort auf eine Erhebung")
        verbose_name_plural = _("Antworten auf Erhebungen")
        constraints = [models.UniqueConstraint(fields=["round", "administration"],
                                               name="one_response_per_round")]

    def __str__(self) -> str:
        return f"{self.round}: {self.administration}"


class SurveySnapshot(models.Model):
    """A status as it stood when the round closed; rounds are compared through these."""

    round = models.ForeignKey(SurveyRound, verbose_name=_("Erhebung"), on_delete=models.CASCADE,
                              related_name="snapshots")
    administration = models.ForeignKey(Administration, verbose_name=_("Verwaltung"),
                                       on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, verbose_name=_("Thema"), on_delete=models.CASCADE,
                              null=True, related_name="+")
    service = models.ForeignKey(OzgService, verbose_name=_("OZG-Leistung"),
                                on_delete=models.CASCADE, null=True, related_name="+")
    stage = models.PositiveSmallIntegerField(_("Stand"), choices=Stage.choices)
    maturity = models.PositiveSmallIntegerField(_("Reifegrad"), choices=Maturity.choices,
                                                null=True)
    product = models.CharField(_("Produkt/Anbieter"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Stand bei Abschluss")
        verbose_name_plural = _("Stände bei Abschluss")
        indexes = [models.Index(fields=["round", "administration"])]

    def __str__(self) -> str:
        return f"{self.round}: {self.administration}"


class JointProject(models.Model):
    """A project the network runs together (e.g. digitizing building-encumbrance files)."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=100, unique=True)
    goal = models.TextField(_("Ziel"))
    lead = models.ForeignKey(Administration, verbose_name=_("Federführung"),
                             on_delete=models.PROTECT, related_name="led_projects")
    participants = models.ManyToManyField(Administration, verbose_name=_("Beteiligte"),
                                          blank=True, related_name="joint_projects")
    working_group = models.ForeignKey("meetings.WorkingGroup", verbose_name=_("Arbeitsgruppe"),
                                      on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="projects")
    stage = models.CharField(_("Phase"), max_length=20, choices=ProjectStage.choices,
                             default=ProjectStage.IDEA)
    start = models.DateField(_("Beginn"), null=True, blank=True)
    end = models.DateField(_("Ende"), null=True, blank=True)
    funding_note = models.TextField(_("Förderung"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("Themen"), blank=True,
                                    related_name="projects")
    decisions = models.ManyToManyField("meetings.Decision", verbose_name=_("Beschlüsse"),
                                       blank=True, related_name="projects")
    # Empty for projects created before it was recorded: their creation is not news.
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now, null=True,
                                      editable=False)

    class Meta:
        verbose_name = _("Gemeinsames Projekt")
        verbose_name_plural = _("Gemeinsame Projekte")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project", args=[self.slug])

    @property
    def stage_badge(self) -> str:
        return PROJECT_STAGE_BADGE.get(self.stage, "warning")


class Milestone(models.Model):
    project = models.ForeignKey(JointProject, verbose_name=_("Projekt"),
                                on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("Datum"))
    title = models.CharField(_("Meilenstein"), max_length=200)
    done = models.BooleanField(_("erreicht"), default=False)

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title


class ProjectDocument(models.Model):
    """A file of a joint project; served only to member staff (never from a media URL)."""

    project = models.ForeignKey(JointProject, verbose_name=_("Projekt"), on_delete=models.CASCADE,
                                related_name="documents")
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to="projects/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("hochgeladen von"),
                                    on_delete=models.SET_NULL,
                                    null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Projektunterlage")
        verbose_name_plural = _("Projektunterlagen")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
