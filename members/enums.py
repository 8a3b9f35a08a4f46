"""Choices of members: roles, kinds of administration, federal states, contact functions,
invitation states."""

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


class ContactFunction(models.TextChoices):
    DIGITALBEAUFTRAGTE = "digitalbeauftragte", _("Digitalbeauftragte/r")
    KOORDINIERUNGSSTELLE = "koordinierungsstelle", _("Koordinierungsstelle Digitalisierung")
    IT_LEITUNG = "it_leitung", _("IT-Leitung")
    BUEROLEITUNG = "bueroleitung", _("Büroleitung")
    PRESSESTELLE = "pressestelle", _("Pressestelle")
    ORGANISATION = "organisation", _("Referat Organisation")
    DATENSCHUTZ = "datenschutz", _("Datenschutzbeauftragte/r")
    INFORMATIONSSICHERHEIT = "informationssicherheit", _("Informationssicherheitsbeauftragte/r")
    OTHER = "other", _("Andere Funktion")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("offen")
    ACCEPTED = "accepted", _("angenommen")
    EXPIRED = "expired", _("abgelaufen")
    REVOKED = "revoked", _("zurückgezogen")


# Regional keys: 5 digits for a Kreis or kreisfreie Stadt, 9 for a Gemeindeverband,
# 12 for a municipality (Destatis Regionalschlüssel).
REGIONAL_KEY_LENGTHS = (5, 9, 12)
