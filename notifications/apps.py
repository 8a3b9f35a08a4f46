"""Follow, in-app notifications and e-mail digests.

Registers what lies on its own floor and below: administrations can be followed, and
everyone follows their own administration by default. The apps above register their
followable things and default follows themselves (e.g. meetings/follows.py)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Benachrichtigungen")

    def ready(self) -> None:
        # The task module registers its Celery task in every process (also those that only
        # queue it after a commit, where autodiscovery has not run).
        from . import follows, tasks  # noqa: F401

        follows.register()
        follows.register_settings()
