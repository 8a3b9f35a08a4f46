"""Texts of the demo knowledge base: categories, articles (some with a later revision) and the
documents whose files the loader generates.

Everything here was written for the demo. The administrations are the real members of the
demo network and the laws, standards and public infrastructure named (OZG, DSGVO, BITV 2.0,
TR-RESISCAN, BSI-Standard 200-4, IT-Grundschutz, XRechnung, i-Kfz) are real; what the
articles report about the administrations – figures, costs, schedules, experiences – is
invented and only sketches what such networks typically share. No product or vendor is named.
The contact persons are the invented ones of members.demo_texts; articles visible to the
public name only contacts whose entry is public.

Administrations are referred to by their natural key (see spec.py), topics and joint projects
by their slug, meetings by their number in the series of the AG Digitales Kreishaus
(meetings.demo_texts), so the loader can date everything relative to the day it runs.
"""

from . import buergerservice, dokumente, e_akte, gremien_und_arbeit, onlinedienste
from . import sicherheit_und_schulung as sicherheit
from .spec import CategoryText

CATEGORIES = (
    CategoryText(
        e_akte.CATEGORY, "E-Akte und Dokumentenmanagement",
        "Elektronische Aktenführung, Dokumentenmanagementsysteme, Posteingang und "
        "ersetzendes Scannen, Altbestände und Workflows wie die E-Rechnung."),
    CategoryText(
        onlinedienste.CATEGORY, "Onlinedienste und OZG",
        "Verwaltungsleistungen nach dem Onlinezugangsgesetz: selbst umgesetzt oder nach "
        "„Einer für Alle“ nachgenutzt, mit Bezahldienst, Nachweisen und Anbindung ans "
        "Fachverfahren."),
    CategoryText(
        buergerservice.CATEGORY, "Bürgerservice und Terminvergabe",
        "Online-Terminvereinbarung, Bürgerbüros, Kfz-Zulassung, Videoberatung und andere "
        "Wege, Bürgerinnen und Bürgern Zeit und Anfahrt zu sparen."),
    CategoryText(
        gremien_und_arbeit.GREMIEN, "Gremien und Sitzungsdienst",
        "Papierlose Arbeit von Kreistag, Räten und Ausschüssen: Ratsinformationssystem, "
        "Tablets, elektronische Einladung und Sitzungsdienst."),
    CategoryText(
        gremien_und_arbeit.ARBEIT, "Arbeitsorganisation und mobiles Arbeiten",
        "Mobiles Arbeiten und Homeoffice, Dienstvereinbarungen, Ausstattung der Arbeitsplätze "
        "und neue Formen der Zusammenarbeit."),
    CategoryText(
        sicherheit.SICHERHEIT, "IT-Sicherheit und Datenschutz",
        "Informationssicherheit nach IT-Grundschutz, Notfallmanagement, Datenschutz nach der "
        "DSGVO und gemeinsame Beauftragte."),
    CategoryText(
        sicherheit.SCHULUNG, "Schulung und Wissenstransfer",
        "Fortbildung, Webseminare, Lernvideos, Digitallotsen und Methoden wie die "
        "Prozessmodellierung, mit denen Wissen in der Verwaltung weitergegeben wird."),
)

ARTICLES = (
    *e_akte.ARTICLES,
    *onlinedienste.ARTICLES,
    *buergerservice.ARTICLES,
    *gremien_und_arbeit.ARTICLES,
    *sicherheit.ARTICLES,
)

DOCUMENTS = dokumente.DOCUMENTS
