"""What projects holds about a person (registered with common.personal_data in
ProjectsConfig.ready()).

Nothing of it is erased: survey answers, status changes and project documents are the
network's record of its state of digitalization (DSGVO Art. 17(3)); they name the person
by the pseudonym their account gets on removal (members.personal_data).
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register

from .models import ProjectDocument, Status, StatusChange, SurveyResponse, SurveyRound


def _field_label(field: str) -> str:
    name = "contact" if field == "contact_id" else field
    try:
        return capfirst(str(Status._meta.get_field(name).verbose_name))
    except Exception:  # a field a later version no longer tracks
        return field


def _subject(status: Status) -> str:
    return status.topic.name if status.topic_id else str(status.service)


def collect(user) -> dict:
    changes = (StatusChange.objects.filter(changed_by=user)
               .select_related("status__administration", "status__topic", "status__service")
               .order_by("changed_at", "pk"))
    return {
        _("Antworten auf Sachstandserhebungen"): [
            {_("Erhebung"): response.round.title,
             _("Verwaltung"): response.administration.name,
             _("Abgeschlossen am"): iso(response.completed_at)}
            for response in SurveyResponse.objects.filter(completed_by=user)
            .select_related("round", "administration").order_by("completed_at")],
        _("Änderungen an Sachständen"): [
            {_("Geändert am"): iso(change.changed_at),
             _("Verwaltung"): change.status.administration.name,
             _("Thema oder OZG-Leistung"): _subject(change.status),
             _("Geänderte Angaben"): ", ".join(_field_label(field) for field in change.changes),
             _("Quelle"): change.get_source_display()}
            for change in changes],
        _("Sachstandserhebungen, die Sie eröffnet haben"): [
            {_("Erhebung"): survey.title, _("Eröffnet am"): iso(survey.opened_at)}
            for survey in SurveyRound.objects.filter(opened_by=user).order_by("opened_at")],
        _("Projektunterlagen, die Sie hochgeladen haben"): [
            {_("Titel"): document.title, _("Projekt"): document.project.title,
             _("Hochgeladen am"): iso(document.uploaded_at)}
            for document in ProjectDocument.objects.filter(uploaded_by=user)
            .select_related("project").order_by("uploaded_at")],
    }


def erase(user) -> None:
    """Nothing to erase here: see the module docstring."""


def register() -> None:
    """Called once from ProjectsConfig.ready()."""
    personal_data_register("projects", label=gettext_lazy("Vorhaben und Sachstände"),
                           collect=collect, erase=erase, order=30)
