"""The legal app registers what it adds to site-wide features: the dashboard panel
(sections.py), the feedback reminder (reminders.py) and its part of a person's data
(personal_data.py). Its permissions (rules.py) are found by django-rules' autodiscovery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Rechtliches und Barrierefreiheit")

    def ready(self) -> None:
        from common.reminders import reminder_expiry_register, reminder_kinds_register

        from . import personal_data, reminders, sections

        reminder_kinds_register(reminders.FEEDBACK)
        reminder_expiry_register("feedback", reminders.feedback_reminder_expired)
        sections.register()
        personal_data.register()
