from django.db import models
from django.utils.translation import gettext_lazy as _


class TopicGroup(models.TextChoices):
    INTERNAL = "internal", _("Interne Verwaltung")
    CITIZEN = "citizen", _("Bürgerservice")
    INFRASTRUCTURE = "infrastructure", _("Infrastruktur")
    WORK = "work", _("Arbeit & Qualifizierung")


class Stage(models.IntegerChoices):
    """Stages in their natural order, so that 'how far' compares as a number."""

    NOT_PLANNED = 0, _("nicht geplant")
    PLANNED = 1, _("geplant")
    IN_PROGRESS = 2, _("in Umsetzung")
    PILOT = 3, _("Pilot")
    LIVE = 4, _("im Betrieb")


class Maturity(models.IntegerChoices):
    """OZG maturity model 1.1 (Reifegrad); from level 3 a service is OZG-compliant."""

    OFFLINE = 0, _("0 – Offline")
    INFORMATION = 1, _("1 – Information")
    FORM_ASSISTANT = 2, _("2 – Formular-Assistent")
    ONLINE_SERVICE = 3, _("3 – Online-Leistung")
    ONLINE_TRANSACTION = 4, _("4 – Online-Transaktion")


MATURITY_DESCRIPTIONS = {
    Maturity.OFFLINE: _("Auf der Behörden-Webseite sind keine Informationen zur Leistung "
                        "vorhanden."),
    Maturity.INFORMATION: _("Auf der Behörden-Webseite sind Informationen zur Leistung "
                            "vorhanden."),
    Maturity.FORM_ASSISTANT: _("Eine Funktion unterstützt beim Ausfüllen des Formulars; eine "
                               "Online-Beantragung ist nicht möglich."),
    Maturity.ONLINE_SERVICE: _("Die Leistung kann einschließlich aller Nachweise online "
                               "beantragt werden (OZG-konform)."),
    Maturity.ONLINE_TRANSACTION: _("Die Leistung läuft vollständig digital; Nachweise werden "
                                   "nach dem Once-Only-Prinzip abgerufen (OZG-konform)."),
}


class StatusSource(models.TextChoices):
    FORM = "form", _("Formular")
    SURVEY = "survey", _("Sachstandserhebung")
    IMPORT = "import", _("Import")


class SurveyState(models.TextChoices):
    OPEN = "open", _("offen")
    CLOSED = "closed", _("abgeschlossen")


class ProjectStage(models.TextChoices):
    IDEA = "idea", _("Idee")
    PREPARATION = "preparation", _("Vorbereitung")
    RUNNING = "running", _("Umsetzung")
    COMPLETED = "completed", _("abgeschlossen")
    STOPPED = "stopped", _("eingestellt")


# The colour of a badge (KERN UX modifier) for a stage; stages not named have none.
STAGE_BADGE = {Stage.PLANNED: "warning", Stage.IN_PROGRESS: "info", Stage.PILOT: "info",
               Stage.LIVE: "success"}
PROJECT_STAGE_BADGE = {ProjectStage.IDEA: "warning", ProjectStage.PREPARATION: "warning",
                       ProjectStage.RUNNING: "info", ProjectStage.COMPLETED: "success",
                       ProjectStage.STOPPED: "danger"}
