"""Open data: the public part of working groups and meetings as an OParl 1.1 read API
(/oparl/v1/) and the page that explains it (/schnittstellen/). It only reads; nothing below
it imports it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    name = "oparl"
    verbose_name = _("Offene Schnittstellen (OParl)")
