"""Choices of the notifications app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("sofort")
    DAILY = "daily", _("täglich")
    WEEKLY = "weekly", _("wöchentlich")
    NEVER = "never", _("nie")


DEFAULT_FREQUENCY = Frequency.DAILY
