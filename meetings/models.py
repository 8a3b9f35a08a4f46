import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Administration

from .enums import (
    MEETING_STATE_TONES,
    PUBLIC_RECORD_STATES,
    ActionItemStatus,
    AttendanceMode,
    Cadence,
    DecisionResult,
    MeetingFormat,
    MeetingState,
    MinutesState,
    RegistrationStatus,
)
from .rules import is_coordinator, sees_internals


def _default_reminder_days() -> list[int]:
    return list(settings.MEETING_REMINDER_DAYS)


class WorkingGroup(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=100, unique=True)
    purpose = models.TextField(_("Zweck"), blank=True)
    members = models.ManyToManyField(
        Administration, verbose_name=_("Mitglieder"), related_name="working_groups", blank=True
    )
    coordinating_administration = models.ForeignKey(
        Administration, verbose_name=_("Koordinierende Verwaltung"), on_delete=models.PROTECT,
        related_name="coordinated_groups", null=True, blank=True,
    )
    cadence = models.CharField(
        _("Turnus"), max_length=20, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    reminder_days = ArrayField(
        models.PositiveSmallIntegerField(), verbose_name=_("Erinnerungen (Tage vorher)"),
        default=_default_reminder_days, blank=True,
        help_text=_("Wie viele Tage vor einer Sitzung erinnert wird, z. B. 14,1."),
    )
    # Open data (OParl) needs the creation and last change of every public object.
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Arbeitsgruppe")
        verbose_name_plural = _("Arbeitsgruppen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", args=[self.slug])


def public_records_q() -> models.Q:
    return models.Q(public_records=True, state__in=PUBLIC_RECORD_STATES)


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user, *, now=None) -> "MeetingQuerySet":
        """Meetings whose page the user may open: member staff every one; everyone else
        those still to come that the members were invited to (date, group and host), and
        the invited or held ones whose records the coordination office made public
        (`with_public_records`). Planned, cancelled and other past meetings are internal."""
        if sees_internals(user):
            return self
        return self.filter(
            models.Q(state=MeetingState.INVITED, starts_at__gte=now or timezone.now())
            | public_records_q())

    def with_public_records(self) -> "MeetingQuerySet":
        """Meetings whose public records anyone may see (meetings.selectors.public)."""
        return self.filter(public_records_q())


class Meeting(models.Model):
    working_group = models.ForeignKey(
        WorkingGroup, verbose_name=_("Arbeitsgruppe"), on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(_("Titel"), max_length=200)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    format = models.CharField(
        _("Format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    host = models.ForeignKey(
        Administration, verbose_name=_("Gastgeber"), on_delete=models.PROTECT,
        related_name="hosted_meetings", null=True, blank=True,
    )
    location = models.TextField(_("Ort (Anschrift)"), blank=True)
    online_link = models.URLField(_("Link zur Online-Teilnahme"), blank=True)
    registration_deadline = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    # Empty: no limit. Zero places would be a meeting nobody can register for.
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leer lassen für unbegrenzt; sonst mindestens 1."),
    )
    state = models.CharField(
        _("Status"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    cancel_reason = models.TextField(_("Grund der Absage"), blank=True)
    invited_at = models.DateTimeField(_("eingeladen am"), null=True, blank=True)
    # Off by default: internal until the coordination office decides otherwise (issue 16).
    public_records = models.BooleanField(
        _("Öffentliche Sitzungsdaten"), default=False,
        help_text=_("Besucherinnen, Besucher und die offene Schnittstelle (OParl) sehen ab der "
                    "Einladung den Ort und die als öffentlich markierten "
                    "Tagesordnungspunkte, nach Veröffentlichung des Protokolls auch die "
                    "Beschlüsse dazu und das öffentliche Protokoll (ohne Anwesenheitsliste, "
                    "Notizen und Aufgaben)."))
    # First made public: from then on what drops out of view is `deleted: true` in OParl.
    public_records_at = models.DateTimeField(
        _("Sitzungsdaten erstmals veröffentlicht am"), null=True, blank=True, editable=False)
    # Calendar identity: the UID never changes, SEQUENCE grows with every change.
    uid = models.UUIDField(_("Kalender-UID"), default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(_("Kalender-Version"), default=0, editable=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["state"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="meeting_capacity_unlimited_or_positive",
                violation_error_message=_("Plätze: leer lassen für unbegrenzt, sonst "
                                          "mindestens 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_planned(self) -> bool:
        """Not announced yet: the invitation has not gone out."""
        return self.state == MeetingState.PLANNED

    @property
    def is_cancelled(self) -> bool:
        return self.state == MeetingState.CANCELLED

    @property
    def has_public_records(self) -> bool:  # selectors.public says what that shows
        return self.public_records and self.state in PUBLIC_RECORD_STATES

    @property
    def state_tone(self) -> str:
        """The colour of the state badge (a KERN badge modifier)."""
        return MEETING_STATE_TONES.get(self.state, "info")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    presenter = models.CharField(_("Vortragende Person"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("Dauer in Minuten"), default=15)
    approves_minutes_of = models.ForeignKey(
        Meeting, verbose_name=_("genehmigt das Protokoll von"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    notes = models.TextField(_("Protokollnotiz"), blank=True)
    public = models.BooleanField(
        _("öffentlich"), default=False,
        help_text=_("Titel und Beschlüsse dieses Punktes sind öffentlich, wenn die Sitzung "
                    "öffentliche Sitzungsdaten hat. Beschreibung, vortragende Person und "
                    "Protokollnotiz bleiben intern."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    topics = models.ManyToManyField("projects.Topic", verbose_name=_("Themen"), blank=True,
                                    related_name="agenda_items")
    projects = models.ManyToManyField("projects.JointProject",
                                      verbose_name=_("Gemeinsame Projekte"), blank=True,
                                      related_name="agenda_items")
    # An open action item of the group put on this agenda (at most once per meeting).
    action_item = models.ForeignKey(
        "ActionItem", verbose_name=_("Aufgabe"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="agenda_items",
    )

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "action_item"], name="one_agenda_item_per_action_item",
                condition=models.Q(action_item__isnull=False),
                violation_error_message=_("Diese Aufgabe steht bereits auf der "
                                          "Tagesordnung."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE,
        related_name="registrations",
    )
    mode = models.CharField(
        _("Teilnahme"), max_length=20, choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    attended = models.BooleanField(_("anwesend"), null=True, blank=True)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    # The waiting list is served in the order people asked for a place.
    status_changed_at = models.DateTimeField(_("Status geändert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["status_changed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_registration_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.meeting}"

    @property
    def is_declined(self) -> bool:
        return self.status == RegistrationStatus.DECLINED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING


class Minutes(models.Model):
    meeting = models.OneToOneField(
        Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="minutes"
    )
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    state = models.CharField(
        _("Status"), max_length=20, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("veröffentlicht von"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    approved_at = models.DateTimeField(_("genehmigt am"), null=True, blank=True)
    approved_in = models.ForeignKey(
        Meeting, verbose_name=_("genehmigt in der Sitzung"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="approved_minutes",
    )

    class Meta:
        verbose_name = _("Protokoll")
        verbose_name_plural = _("Protokolle")

    def __str__(self) -> str:
        return f"Protokoll: {self.meeting}"

    @property
    def is_published(self) -> bool:
        return self.state == MinutesState.PUBLISHED


class MinutesRevision(models.Model):
    """The content of published minutes before a correction."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="revisions")
    created_at = models.DateTimeField(_("berichtigt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("berichtigt von"), on_delete=models.SET_NULL,
        null=True, related_name="+"
    )
    reason = models.CharField(_("Grund der Berichtigung"), max_length=300)
    content = models.JSONField(_("Inhalt vorher"))

    class Meta:
        verbose_name = _("Protokoll-Berichtigung")
        verbose_name_plural = _("Protokoll-Berichtigungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.minutes}: {self.reason}"


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DecisionQuerySet":
        """Decisions as the meeting page shows them: to the coordination office always, to
        member staff once the minutes are published, to nobody else."""
        if is_coordinator(user):
            return self
        if sees_internals(user):
            return self.filter(meeting__minutes__state=MinutesState.PUBLISHED)
        return self.none()


class Decision(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("Tagesordnungspunkt"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="decisions",
    )
    wording = models.TextField(_("Beschluss"))
    result = models.CharField(
        _("Ergebnis"), max_length=20, choices=DecisionResult.choices,
        default=DecisionResult.UNANIMOUS,
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.wording[:80]


class ActionItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("aus der Sitzung"), on_delete=models.CASCADE,
        related_name="action_items",
    )
    title = models.CharField(_("Aufgabe"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    responsible_administration = models.ForeignKey(
        Administration, verbose_name=_("zuständige Verwaltung"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="action_items",
    )
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("zuständige Person"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="action_items",
    )
    due_date = models.DateField(_("fällig am"), null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=ActionItemStatus.choices,
        default=ActionItemStatus.OPEN,
    )
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    # Grows when the responsible person/administration or the due date changes; each value
    # is told to the responsible people once (meetings.reminders, "action_assigned_<n>").
    notice_sequence = models.PositiveIntegerField(_("Benachrichtigungsstand"), default=0,
                                                  editable=False)
    notice_changed_at = models.DateTimeField(_("Zuständigkeit oder Frist geändert am"),
                                             null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == ActionItemStatus.OPEN


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to="meetings/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("hochgeladen von"), on_delete=models.SET_NULL,
        null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Sitzungsunterlage")
        verbose_name_plural = _("Sitzungsunterlagen")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title


class Guest(models.Model):
    """Someone from outside the network who attended a meeting. Name and organisation only
    (data minimisation); the name is personal data (meetings.personal_data)."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE,
                                related_name="guests")
    name = models.CharField(_("Name"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Gast")
        verbose_name_plural = _("Gäste")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
