"""Rundfragen: quick polls among the members (questions, one answer per administration, results)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "polls"
    verbose_name = _("Rundfragen")

    def ready(self) -> None:
        from common.reminders import reminder_expiry_register, reminder_kinds_register
        from common.search.registry import search_source_register

        from . import changes, commenting, follows, personal_data, reminders
        from .search import PollSource

        search_source_register(PollSource())
        reminder_kinds_register(reminders.POLL)
        reminder_expiry_register(reminders.PREFIX, reminders.poll_reminder_expired_reason)
        changes.register()
        personal_data.register()
        commenting.register()
        follows.register()

        from .results import register as results_register

        results_register.register()
