"""The roof as a Django app: templates/kreishaus, the management command demo_data, and the
migrations that recorded the outbox, reminders and search index before they moved to common."""

from django.apps import AppConfig


class KreishausConfig(AppConfig):
    name = "kreishaus"
    verbose_name = "Kreishaus"

    def ready(self):
        from . import sections

        sections.register()
