from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from . import page_cache, personal_data_outbox

        personal_data_outbox.register()
        page_cache.connect()
