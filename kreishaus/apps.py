from django.apps import AppConfig


class KreishausConfig(AppConfig):
    name = "kreishaus"
    verbose_name = "Kreishaus"
