"""The summary tables of the statuses: counts per stage and per maturity level, and the
monthly changes of the stage counts. projects.statuses.services.status_save keeps them in
step with every status change, in the same transaction; summaries_rebuild() recounts them.
Overview pages read these instead of counting statuses or their history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import Maturity, Stage


class StageCount(models.Model):
    """Summary: how many statuses of a scope are at each stage. Updated in the same
    transaction as every status change, so overview pages never count all statuses."""

    class Scope(models.TextChoices):
        NETWORK_TOPICS = "network_topics", _("Netzwerk (Themen)")
        NETWORK_SERVICES = "network_services", _("Netzwerk (OZG)")
        TOPIC = "topic", _("Thema")
        SERVICE = "service", _("OZG-Leistung")
        ADMINISTRATION = "administration", _("Verwaltung")

    scope = models.CharField(_("Bereich"), max_length=20, choices=Scope.choices)
    scope_id = models.PositiveIntegerField(_("Nummer im Bereich"), default=0)
    stage = models.PositiveSmallIntegerField(_("Stand"), choices=Stage.choices)
    count = models.IntegerField(_("Anzahl"), default=0)

    class Meta:
        app_label = "projects"
        verbose_name = _("Zählung nach Stand")
        verbose_name_plural = _("Zählungen nach Stand")
        constraints = [models.UniqueConstraint(fields=["scope", "scope_id", "stage"],
                                               name="one_count_per_scope_and_stage")]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id} {self.stage}: {self.count}"


class MaturityCount(models.Model):
    """Summary: OZG statuses per Themenfeld and maturity level."""

    themenfeld = models.ForeignKey("projects.OzgThemenfeld", verbose_name=_("Themenfeld"),
                                   on_delete=models.CASCADE, related_name="maturity_counts")
    maturity = models.PositiveSmallIntegerField(_("Reifegrad"), choices=Maturity.choices)
    count = models.IntegerField(_("Anzahl"), default=0)

    class Meta:
        app_label = "projects"
        verbose_name = _("Zählung nach Reifegrad")
        verbose_name_plural = _("Zählungen nach Reifegrad")
        constraints = [models.UniqueConstraint(fields=["themenfeld", "maturity"],
                                               name="one_count_per_themenfeld_and_maturity")]

    def __str__(self) -> str:
        return f"{self.themenfeld} {self.maturity}: {self.count}"


class StageChangeMonth(models.Model):
    """Summary: by how much the number of statuses at a stage changed in one month, per
    scope (a new status adds one at its stage, a stage change moves one). Walking back
    from today's StageCount month by month gives every month's counts, so the progress
    charts never aggregate the status history."""

    # The scopes the progress charts show (network and topic pages).
    SCOPES = (StageCount.Scope.NETWORK_TOPICS, StageCount.Scope.NETWORK_SERVICES,
              StageCount.Scope.TOPIC)

    scope = models.CharField(_("Bereich"), max_length=20, choices=StageCount.Scope.choices)
    scope_id = models.PositiveIntegerField(_("Nummer im Bereich"), default=0)
    month = models.DateField(_("Monat"), help_text=_("Erster Tag des Monats (Ortszeit)"))
    stage = models.PositiveSmallIntegerField(_("Stand"), choices=Stage.choices)
    change = models.IntegerField(_("Veränderung"), default=0)

    class Meta:
        app_label = "projects"
        verbose_name = _("Monatliche Änderung nach Stand")
        verbose_name_plural = _("Monatliche Änderungen nach Stand")
        constraints = [models.UniqueConstraint(fields=["scope", "scope_id", "month", "stage"],
                                               name="one_change_per_scope_month_and_stage")]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id} {self.month:%m/%Y} {self.stage}: {self.change:+d}"
