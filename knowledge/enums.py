from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("öffentlich")
    INTERNAL = "internal", _("intern (nur Mitglieder)")
