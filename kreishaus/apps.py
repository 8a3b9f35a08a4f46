from django.apps import AppConfig


class KreishausConfig(AppConfig):
    name = "kreishaus"
    verbose_name = "Kreishaus"

    def ready(self) -> None:
        from .search import signals

        signals.connect()
