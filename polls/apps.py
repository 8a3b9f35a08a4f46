from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "polls"
    verbose_name = _("Rundfragen")

    def ready(self):
        from .results import register as results_register

        results_register.register()
