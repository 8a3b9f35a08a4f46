from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Vorhaben")

    def ready(self) -> None:
        from common.page_cache import visitor_cache_ignore
        from common.reminders import reminder_expiry_register, reminder_kinds_register
        from common.search.registry import search_source_register

        from . import changes, commenting, personal_data, sections
        from .search import ProjectSource
        from .statuses import freshness
        from .surveys import reminders

        search_source_register(ProjectSource())
        reminder_kinds_register(reminders.SURVEY)
        reminder_expiry_register("survey_round", reminders.survey_reminder_expired_reason)
        sections.register()
        changes.register()
        from . import follows

        follows.register()
        # Statuses and what derives from them are internal: no visitor page shows them.
        visitor_cache_ignore("projects.Status", "projects.StatusChange", "projects.StageCount",
                             "projects.StageChangeMonth", "projects.MaturityCount",
                             "projects.SurveyResponse", "projects.SurveySnapshot")
        personal_data.register()
        commenting.register()
        freshness.connect()
