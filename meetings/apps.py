from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Sitzungen")

    def ready(self) -> None:
        from common.reminders import reminder_expiry_register, reminder_kinds_register
        from common.search.registry import search_source_register

        from . import reminders
        from .search import MeetingSource

        search_source_register(MeetingSource())
        reminder_kinds_register(reminders.MEETING, reminders.ACTION_ITEM,
                                reminders.ACTION_ASSIGNED, reminders.MINUTES)
        for prefix in ("meeting", "action"):
            reminder_expiry_register(prefix, reminders.meeting_reminder_expired_reason)
        from . import changes, personal_data, sections

        sections.register()
        changes.register()
        from . import follows

        follows.register()
        personal_data.register()
