from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Vorhaben")

    def ready(self) -> None:
        from common.reminders import reminder_expiry_register, reminder_kinds_register
        from common.search.registry import search_source_register

        from . import sections
        from .search import ProjectSource
        from .surveys import reminders

        search_source_register(ProjectSource())
        reminder_kinds_register(reminders.SURVEY)
        reminder_expiry_register("survey_round", reminders.survey_reminder_expired_reason)
        sections.register()
