"""The geo app: simplified, projected boundaries of Germany's states, Kreise and
municipalities (BKG VG5000, 1 Jan 2021) and the server-rendered SVG map drawn from them.

It knows no other app: pages hand it {regional key: (class, label, url)} and get an SVG.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "geo"
    verbose_name = _("Karten")
