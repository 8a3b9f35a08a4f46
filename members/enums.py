from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    READER = "reader", _("Lesen")
    EDITOR = "editor", _("Redaktion")
    COORDINATOR = "coordinator", _("Koordinierungsstelle")


class AdministrationKind(models.TextChoices):
    LANDKREIS = "landkreis", _("Landkreis")
    KREISFREIE_STADT = "kreisfreie_stadt", _("Kreisfreie Stadt")
    STADT = "stadt", _("Stadt")
    GEMEINDE = "gemeinde", _("Gemeinde")
    VERBANDSGEMEINDE = "verbandsgemeinde", _("Verbandsgemeinde")
    IT_DIENSTLEISTER = "it_dienstleister", _("IT-Dienstleister/Zweckverband")
    LANDESBEHOERDE = "landesbehoerde", _("Landesbehörde")
    SONSTIGE = "sonstige", _("Sonstige")


class FederalState(models.TextChoices):
    """German federal states keyed by the first two digits of the regional key."""

    SH = "01", "Schleswig-Holstein"
    HH = "02", "Hamburg"
    NI = "03", "Niedersachsen"
    HB = "04", "Bremen"
    NW = "05", "Nordrhein-Westfalen"
    HE = "06", "Hessen"
    RP = "07", "Rheinland-Pfalz"
    BW = "08", "Baden-Württemberg"
    BY = "09", "Bayern"
    SL = "10", "Saarland"
    BE = "11", "Berlin"
    BB = "12", "Brandenburg"
    MV = "13", "Mecklenburg-Vorpommern"
    SN = "14", "Sachsen"
    ST = "15", "Sachsen-Anhalt"
    TH = "16", "Thüringen"
