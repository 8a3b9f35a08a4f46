"""Texts of the demo projects: topic catalogue, statuses of the ten districts, survey rounds
and joint projects.

Everything here was written for the demo. It sketches what such networks typically report
(online appointments in the vehicle registration office, the e-file arriving department by
department, paperless council work, shared procurement); it does not describe what the named
districts really do or which products they really use. Product names stand for typical
products of their kind. Contact persons are the invented ones of members.demo_texts, named
by their name.

Districts are referred to by their regional key, topics by their slug, OZG services by their
OZG-ID. A status on a topic is written as its stage at four points in time (see PHASES):
"1224" means planned at the first capture, in progress in both past survey rounds, live
today.
"""

from dataclasses import dataclass

from .enums import ProjectStage
from .enums import TopicGroup as G

COORDINATOR = "koordination@example.org"
EDITORS = {"07137": "redaktion.myk@example.org", "07138": "redaktion.neuwied@example.org"}
KREISHAUS = "ag-digitales-kreishaus"

# The four points in time of every status: first capture on the platform, the two closed
# survey rounds, and today (changes made during the open round).
PHASES = ("Ersterfassung", "Erhebung 1", "Erhebung 2", "aktuell")

# slug, name, group, description (in display order within each group)
TOPICS = [
    ("e-akte", "E-Akte", G.INTERNAL,
     "Akten werden elektronisch geführt: vom Posteingang über die Bearbeitung bis zur "
     "Aussonderung, mit ersetzendem Scannen der Papierpost."),
    ("dokumentenmanagement", "Dokumentenmanagementsystem", G.INTERNAL,
     "Das System, auf dem E-Akte, digitaler Posteingang und Freigabe-Workflows laufen – oft "
     "mit Schnittstellen zu den Fachverfahren."),
    ("papierlose-ratsarbeit", "Papierlose Ratsarbeit", G.INTERNAL,
     "Kreistag und Ausschüsse erhalten Einladungen, Vorlagen und Protokolle digital, meist "
     "über ein Ratsinformationssystem mit Tablet-App."),
    ("baulastenverzeichnis", "Digitales Baulastenverzeichnis", G.INTERNAL,
     "Baulastblätter werden gescannt, mit den Flurstücken verknüpft und Auskünfte "
     "elektronisch erteilt."),
    ("ozg-onlinedienste", "OZG-Onlinedienste", G.CITIZEN,
     "Verwaltungsleistungen nach dem Onlinezugangsgesetz online anbieten – selbst entwickelt "
     "oder als Einer-für-Alle-Dienst nachgenutzt, möglichst durchgängig bis ins "
     "Fachverfahren."),
    ("online-terminvereinbarung", "Online-Terminvereinbarung", G.CITIZEN,
     "Bürgerinnen und Bürger buchen Termine für Bereiche mit Publikumsverkehr im Internet, "
     "mit Erinnerung und Aufrufsystem vor Ort."),
    ("elterngeld-digital", "Elterngeld digital", G.CITIZEN,
     "Elterngeld online beantragen, Nachweise hochladen und den Bescheid digital erhalten."),
    ("kfz-ummeldung-buergerbuero", "Kfz-Ummeldung im Bürgerbüro", G.CITIZEN,
     "Halterinnen und Halter melden ihr Fahrzeug nach einem Umzug gleich im Bürgerbüro ihrer "
     "Stadt oder Verbandsgemeinde um."),
    ("buergerportal", "Bürger-/Serviceportal", G.CITIZEN,
     "Ein Einstieg für alle Onlinedienste, Informationen und Termine der Verwaltung, mit "
     "Nutzerkonto und Postfach."),
    ("social-media", "Social Media", G.CITIZEN,
     "Informationen der Verwaltung über soziale Netzwerke und Messenger-Kanäle, mit Regeln "
     "für Redaktion, Datenschutz und Barrierefreiheit."),
    ("webseminare-videokonferenzen", "Webseminare/Videokonferenzen", G.INFRASTRUCTURE,
     "Technik und Regeln für Besprechungen, Beratungen und Schulungen per Video."),
    ("smart-region", "Smart Region", G.INFRASTRUCTURE,
     "Vorhaben mit Gemeinden, Wirtschaft und Ehrenamt: Sensorik, offene Daten, digitale "
     "Dorfplätze und Angebote für den ländlichen Raum."),
    ("mobiles-arbeiten", "Mobiles Arbeiten", G.WORK,
     "Dienstvereinbarung, Ausstattung und Sicherheit für das Arbeiten außerhalb der "
     "Dienststelle."),
    ("fortbildung-digitalisierung", "Fortbildung Digitalisierung", G.WORK,
     "Digitale Grundkompetenzen und Schulungen für Beschäftigte, Führungskräfte und "
     "Digitallotsen."),
]

# The department a topic usually belongs to, unless a status names another.
TOPIC_DEPARTMENTS = {
    "e-akte": "Zentrale Dienste – Organisation",
    "dokumentenmanagement": "Zentrale Dienste – Organisation",
    "papierlose-ratsarbeit": "Büro des Kreistags",
    "baulastenverzeichnis": "Bauaufsicht",
    "ozg-onlinedienste": "Stabsstelle Digitalisierung",
    "online-terminvereinbarung": "Kfz-Zulassungsstelle",
    "elterngeld-digital": "Elterngeldstelle",
    "kfz-ummeldung-buergerbuero": "Kfz-Zulassungsstelle",
    "buergerportal": "Stabsstelle Digitalisierung",
    "social-media": "Presse- und Öffentlichkeitsarbeit",
    "webseminare-videokonferenzen": "Zentrale Dienste – Informationstechnik",
    "smart-region": "Kreisentwicklung",
    "mobiles-arbeiten": "Zentrale Dienste – Personal",
    "fortbildung-digitalisierung": "Personalentwicklung",
}


@dataclass(frozen=True)
class T:
    """A district's status on a topic. Department and contact apply from the first phase
    with a stage above "nicht geplant", the product from the first phase in progress, the
    note today. An empty contact means the district's first contact person."""

    stages: str
    department: str = ""
    product: str = ""
    contact: str = ""
    note: str = ""


@dataclass(frozen=True)
class S:
    """A district's status on an OZG service, with its maturity level (Reifegrad). The
    districts record these for the first time in the open survey round."""

    ozg_id: int
    stage: int
    maturity: int
    product: str = ""
    note: str = ""


TOPIC_STATUSES = {
    # Landkreis Mayen-Koblenz
    "07137": {
        "e-akte": T("2344", "Ausländerbehörde, zentrale Scanstelle", "enaio", "Jonas Weber",
                    "Ersetzendes Scannen der Eingangspost in der zentralen Scanstelle. Als "
                    "Nächstes folgen Jugendamt und Bauaufsicht."),
        "dokumentenmanagement": T("3444", product="enaio", contact="Jonas Weber",
                                  note="Mandantenfähig; wird den Verbandsgemeinden im Kreis "
                                       "angeboten."),
        "papierlose-ratsarbeit": T("1223", product="ALLRIS",
                                   note="Pilot im Kreisausschuss, der Kreistag folgt."),
        "baulastenverzeichnis": T("1122", note="Beteiligt am gemeinsamen Projekt; der "
                                               "Altbestand wird über den Rahmenvertrag "
                                               "gescannt."),
        "ozg-onlinedienste": T("2233", product="Landesportal und EfA-Dienste"),
        "online-terminvereinbarung": T("3444", "Kfz-Zulassungsstelle (Koblenz und Mayen)",
                                       "TEVIS", note="Erinnerung per E-Mail am Vortag; "
                                                     "deutlich weniger ungenutzte Termine."),
        "elterngeld-digital": T("0112"),
        "kfz-ummeldung-buergerbuero": T("1223", note="Federführung im gemeinsamen Projekt; "
                                                     "Pilot mit dem Bürgerbüro Andernach."),
        "buergerportal": T("1223", note="Gemeinsames Portal mit Städten und "
                                        "Verbandsgemeinden (AG Bürgerportal)."),
        "social-media": T("4444", product="Instagram, Facebook"),
        "webseminare-videokonferenzen": T("4444", product="Webex", contact="Markus Hoffmann"),
        "smart-region": T("1233", product="LoRaWAN",
                          note="Pegel- und Füllstandssensoren mit zwei Verbandsgemeinden."),
        "mobiles-arbeiten": T("3444", contact="Markus Hoffmann"),
        "fortbildung-digitalisierung": T("1234", note="Digitallotsinnen und Digitallotsen in "
                                                      "jeder Abteilung."),
    },
    # Landkreis Ahrweiler
    "07131": {
        "e-akte": T("1223", "Bauaufsicht", "d.velop documents", "Stefan Wagner"),
        "dokumentenmanagement": T("2234", "Zentrale Dienste", "d.velop documents"),
        "papierlose-ratsarbeit": T("3444", product="Session",
                                   note="Kreistag und Ausschüsse arbeiten mit Tablets; "
                                        "Sitzungsunterlagen werden nicht mehr gedruckt."),
        "baulastenverzeichnis": T("2233", product="GIS-Fachschale Baulasten",
                                  contact="Stefan Wagner",
                                  note="Baulastblätter gescannt und mit den Flurstücken "
                                       "verknüpft; die elektronische Auskunft an Notariate "
                                       "wird vorbereitet."),
        "ozg-onlinedienste": T("1122", "Stabsstelle Verwaltungsmodernisierung"),
        "online-terminvereinbarung": T("2334", "Kfz-Zulassungsstelle, Führerscheinstelle",
                                       "TEVIS", note="Wird auf alle Bereiche mit "
                                                     "Publikumsverkehr ausgeweitet."),
        "elterngeld-digital": T("0011"),
        "kfz-ummeldung-buergerbuero": T("0011"),
        "buergerportal": T("1112", "Stabsstelle Verwaltungsmodernisierung"),
        "social-media": T("3444", product="Instagram, Facebook"),
        "webseminare-videokonferenzen": T("4444", product="Webex"),
        "smart-region": T("0112", note="Gemeinsame Informations-App mit Warnmeldungen und "
                                       "Pegelständen wird mit den Gemeinden geprüft."),
        "mobiles-arbeiten": T("3444", "Zentrale Dienste", contact="Julia Krämer",
                              note="Teil der Notfallvorsorge: Notebooks und ortsunabhängig "
                                   "verfügbare Akten."),
        "fortbildung-digitalisierung": T("1122"),
    },
    # Landkreis Altenkirchen (Westerwald)
    "07132": {
        "e-akte": T("1223", "Wirtschaftliche Jugendhilfe"),
        "dokumentenmanagement": T("1223", "Zentrale Dienste – IT", contact="Thomas Schäfer"),
        "papierlose-ratsarbeit": T("0112"),
        "baulastenverzeichnis": T("0011"),
        "ozg-onlinedienste": T("2234", "Jugend und Soziales",
                               note="Unterhaltsvorschuss kann online beantragt werden."),
        "online-terminvereinbarung": T("1223"),
        "elterngeld-digital": T("1234", product="ElterngeldDigital"),
        "kfz-ummeldung-buergerbuero": T("0000"),
        "buergerportal": T("0111"),
        "social-media": T("2344", product="Instagram"),
        "webseminare-videokonferenzen": T("4444", product="BigBlueButton",
                                          note="Auch für die Webseminare in der "
                                               "Mittagspause."),
        "smart-region": T("0112", note="Dorfbüros mit Coworking-Plätzen in leerstehenden "
                                       "Gebäuden; der Förderantrag ist gestellt."),
        "mobiles-arbeiten": T("3444", contact="Thomas Schäfer"),
        "fortbildung-digitalisierung": T("3444", product="Moodle",
                                         note="„Digital fit“: Webseminare in der Mittagspause "
                                              "und Lernvideos im Intranet; Federführung im "
                                              "gemeinsamen Fortbildungsprogramm."),
    },
    # Landkreis Cochem-Zell
    "07135": {
        "e-akte": T("0112", "Zentrale Dienste",
                    note="Zuerst der digitale Posteingang, dann die E-Akte."),
        "dokumentenmanagement": T("1223", "Zentrale Dienste",
                                  note="Zentraler digitaler Posteingang eingerichtet."),
        "papierlose-ratsarbeit": T("1122"),
        "baulastenverzeichnis": T("1112"),
        "ozg-onlinedienste": T("2334", product="EfA-Dienste über das Landesportal",
                               contact="Andreas Bauer",
                               note="Nachnutzung nach dem Prinzip „Einer für Alle“."),
        "online-terminvereinbarung": T("1122"),
        "elterngeld-digital": T("1122"),
        "kfz-ummeldung-buergerbuero": T("0001"),
        "buergerportal": T("1123", note="Chatbot auf der Kreiswebsite beantwortet Fragen zu "
                                        "Zulassung und Abfall."),
        "social-media": T("1223", "Büro für Kreisentwicklung"),
        "webseminare-videokonferenzen": T("3344", product="Jitsi Meet"),
        "smart-region": T("1222", "Büro für Kreisentwicklung",
                          note="Digitales Gästeinformationssystem mit der "
                               "Tourismusförderung."),
        "mobiles-arbeiten": T("2233"),
        "fortbildung-digitalisierung": T("1112"),
    },
    # Landkreis Mainz-Bingen
    "07339": {
        "e-akte": T("2233", "Führerscheinstelle, Sozialamt", "nscale", "Michael Wolf"),
        "dokumentenmanagement": T("2234", "Organisation und Prozessmanagement", "nscale",
                                  "Michael Wolf",
                                  "Wird abteilungsweise eingeführt; jede Leistung wird vorher "
                                  "als Prozess aufgenommen."),
        "papierlose-ratsarbeit": T("4444", product="ALLRIS"),
        "baulastenverzeichnis": T("1122"),
        "ozg-onlinedienste": T("2334", note="Wohngeld vollständig online mit "
                                            "Nachweis-Upload."),
        "online-terminvereinbarung": T("2344", "Führerscheinstelle", "TEVIS"),
        "elterngeld-digital": T("1223", product="ElterngeldDigital"),
        "kfz-ummeldung-buergerbuero": T("0011"),
        "buergerportal": T("1233", note="Einheitlicher Zugang über das Nutzerkonto."),
        "social-media": T("3444", product="Instagram, Facebook, Mastodon"),
        "webseminare-videokonferenzen": T("4444", product="Webex", contact="Nicole Schröder"),
        "smart-region": T("1223", note="Mobilitäts- und Geodaten als offene Daten, mit "
                                       "mehreren Gemeinden."),
        "mobiles-arbeiten": T("3444"),
        "fortbildung-digitalisierung": T("1223", contact="Michael Wolf"),
    },
    # Landkreis Neuwied
    "07138": {
        "e-akte": T("1122", "Ausländerbehörde", "d.velop documents",
                    note="Einführung in der Ausländerbehörde; die Altakten werden über den "
                         "gemeinsamen Rahmenvertrag gescannt."),
        "dokumentenmanagement": T("2233", "Koordinierungsstelle Digitalisierung",
                                  "d.velop documents", note="Digitaler Posteingang."),
        "papierlose-ratsarbeit": T("1223"),
        "baulastenverzeichnis": T("1122"),
        "ozg-onlinedienste": T("3344", "Bürgerservice und Verkehr", "Landesportal, E-Payment",
                               "Jan Neumann", "Jagd- und Fischereischein online beantragen "
                                              "und bezahlen."),
        "online-terminvereinbarung": T("2334", product="TEVIS", contact="Jan Neumann"),
        "elterngeld-digital": T("1122"),
        "kfz-ummeldung-buergerbuero": T("1222", contact="Jan Neumann",
                                        note="Internetbasierte Außerbetriebsetzung und "
                                             "Wiederzulassung im Betrieb; die Ummeldung im "
                                             "Bürgerbüro wird im gemeinsamen Projekt "
                                             "vorbereitet."),
        "buergerportal": T("1122"),
        "social-media": T("2334", product="Instagram, Facebook"),
        "webseminare-videokonferenzen": T("2344", "Informationstechnik", "Webex",
                                          "Petra Schwarz", "Videokonferenztechnik in allen "
                                                           "Besprechungsräumen."),
        "smart-region": T("0111", note="Smartphone-Sprechstunden der Kreisvolkshochschule."),
        "mobiles-arbeiten": T("2233", "Informationstechnik", contact="Petra Schwarz",
                              note="Austausch der Arbeitsplatzrechner gegen Notebooks zu zwei "
                                   "Dritteln abgeschlossen."),
        "fortbildung-digitalisierung": T("1122"),
    },
    # Rhein-Hunsrück-Kreis
    "07140": {
        "e-akte": T("1223", "Personalamt", note="Digitale Personalakte; der Altbestand wird "
                                                "bei Bedarf gescannt."),
        "dokumentenmanagement": T("2233", product="VIS-Suite"),
        "papierlose-ratsarbeit": T("2334", "Büro der Verwaltungsleitung – Sitzungsdienst",
                                   "Session", "Sandra Braun"),
        "baulastenverzeichnis": T("0112"),
        "ozg-onlinedienste": T("1223", product="Landesportal"),
        "online-terminvereinbarung": T("1233"),
        "elterngeld-digital": T("0112"),
        "kfz-ummeldung-buergerbuero": T("0000"),
        "buergerportal": T("1122"),
        "social-media": T("2233"),
        "webseminare-videokonferenzen": T("3444", product="Webex"),
        "smart-region": T("3344", "Klimaschutz und Energie", "Energiedaten-Portal",
                          note="Erzeugung und Verbrauch erneuerbarer Energie in den "
                               "Gemeinden."),
        "mobiles-arbeiten": T("3444", note="Dienstvereinbarung nach einem Pilotjahr; ein bis "
                                           "zwei Tage pro Woche."),
        "fortbildung-digitalisierung": T("1122"),
    },
    # Rhein-Lahn-Kreis
    "07141": {
        "e-akte": T("1112", note="Die Auswahl eines E-Akte-Systems läuft."),
        "dokumentenmanagement": T("1112"),
        "papierlose-ratsarbeit": T("1122"),
        "baulastenverzeichnis": T("0011"),
        "ozg-onlinedienste": T("1223"),
        "online-terminvereinbarung": T("2344", "Ausländerbehörde, Kfz-Zulassungsstelle, "
                                               "Führerscheinstelle", "TEVIS",
                                       note="Termine an allen Standorten online buchbar."),
        "elterngeld-digital": T("0011"),
        "kfz-ummeldung-buergerbuero": T("0011"),
        "buergerportal": T("1122"),
        "social-media": T("3344", product="Instagram"),
        "webseminare-videokonferenzen": T("4444", product="BigBlueButton"),
        "smart-region": T("1122", "Schulen und Bildung", contact="Frank Lange",
                          note="Digitale Berufsorientierungstage mit Schulen und Betrieben."),
        "mobiles-arbeiten": T("2333"),
        "fortbildung-digitalisierung": T("1223"),
    },
    # Landkreis Vulkaneifel
    "07233": {
        "e-akte": T("1122", "Gesundheitsamt"),
        "dokumentenmanagement": T("1122"),
        "papierlose-ratsarbeit": T("0112"),
        "baulastenverzeichnis": T("0001"),
        "ozg-onlinedienste": T("1223"),
        "online-terminvereinbarung": T("1233", "Sozialamt",
                                       note="Online gebuchte Termine für die Videoberatung."),
        "elterngeld-digital": T("0112"),
        "kfz-ummeldung-buergerbuero": T("0000"),
        "buergerportal": T("0111"),
        "social-media": T("2344", product="Instagram, Facebook", contact="Anja Werner"),
        "webseminare-videokonferenzen": T("2334", "Sozialamt", "Jitsi Meet",
                                          note="Videoberatung im Sozialamt."),
        "smart-region": T("1223", note="Dorfbüros: Ehrenamtliche helfen beim Online-Antrag."),
        "mobiles-arbeiten": T("1223"),
        "fortbildung-digitalisierung": T("0112"),
    },
    # Westerwaldkreis
    "07143": {
        "e-akte": T("1122", "Finanzen", contact="Daniel Koch",
                    note="E-Rechnung und Freigabe-Workflow als erster Baustein."),
        "dokumentenmanagement": T("2234", "Finanzen", "d.velop documents", "Daniel Koch",
                                  "Alle Eingangsrechnungen laufen über einen digitalen "
                                  "Freigabe-Workflow."),
        "papierlose-ratsarbeit": T("1122", note="Tablets für den Kreistag sind beschafft; "
                                                "Schulungen der Mitglieder laufen."),
        "baulastenverzeichnis": T("1222"),
        "ozg-onlinedienste": T("2233", note="Online-Gewerbeanzeige mit den "
                                            "Verbandsgemeinden abgestimmt."),
        "online-terminvereinbarung": T("1223"),
        "elterngeld-digital": T("0111"),
        "kfz-ummeldung-buergerbuero": T("0112"),
        "buergerportal": T("1122"),
        "social-media": T("2233"),
        "webseminare-videokonferenzen": T("3444", product="Webex"),
        "smart-region": T("0112", note="Bedarfsgesteuerte Straßenbeleuchtung mit mehreren "
                                       "Verbandsgemeinden."),
        "mobiles-arbeiten": T("2334", "Personal und Organisation", contact="Birgit Meyer"),
        "fortbildung-digitalisierung": T("1223", "Personal und Organisation",
                                         contact="Birgit Meyer"),
    },
}

# The office of a district administration that usually provides an OZG service.
SERVICE_DEPARTMENTS = {
    10000: "Elterngeldstelle",
    10018: "Jugendamt",
    10019: "Jugendamt",
    10035: "Jugendamt – Unterhaltsvorschuss",
    10042: "Schulverwaltung",
    10056: "Amt für Ausbildungsförderung",
    10084: "Sozialamt",
    10088: "Sozialamt",
    10092: "Wohngeldstelle",
    10148: "Ordnungsamt – Jagd und Fischerei",
    10149: "Ordnungsamt – Jagd und Fischerei",
    10151: "Waffenbehörde",
    10169: "Führerscheinstelle",
    10218: "Sozialamt",
    10255: "Ausländerbehörde",
    10257: "Ausländerbehörde – Einbürgerung",
    10266: "Sozialamt",
    10418: "Straßenverkehrsbehörde",
    10421: "Straßenverkehrsbehörde",
    10426: "Kfz-Zulassungsstelle",
    10436: "Kfz-Zulassungsstelle",
    10439: "Kfz-Zulassungsstelle",
    10488: "Untere Wasserbehörde",
    10513: "Bauaufsicht",
    10517: "Bauaufsicht",
    10519: "Bauaufsicht",
    10525: "Untere Denkmalschutzbehörde",
}

SERVICE_STATUSES = {
    "07137": [
        S(10439, 4, 3, "i-Kfz"), S(10436, 4, 3, "i-Kfz"),
        S(10169, 4, 3), S(10092, 3, 2), S(10000, 2, 1),
        S(10035, 2, 2), S(10255, 4, 3, "enaio"),
        S(10257, 2, 2), S(10519, 3, 2), S(10517, 2, 1),
        S(10149, 3, 2), S(10056, 2, 1), S(10088, 2, 1),
        S(10421, 4, 3),
    ],
    "07131": [
        S(10439, 4, 3, "i-Kfz"), S(10169, 3, 2),
        S(10092, 2, 1), S(10000, 1, 1), S(10035, 2, 1),
        S(10255, 2, 1), S(10519, 3, 2),
        S(10517, 3, 3, "GIS-Fachschale Baulasten"), S(10513, 3, 2),
        S(10149, 2, 1), S(10056, 2, 1), S(10088, 2, 1),
    ],
    "07132": [
        S(10439, 3, 2, "i-Kfz"), S(10169, 2, 1),
        S(10092, 3, 2), S(10000, 4, 3, "ElterngeldDigital"),
        S(10035, 4, 3), S(10018, 3, 2), S(10019, 2, 1),
        S(10255, 2, 1), S(10519, 2, 1), S(10149, 2, 1),
        S(10056, 3, 2), S(10088, 3, 2),
    ],
    "07135": [
        S(10439, 4, 3, "i-Kfz"), S(10169, 3, 3, "EfA-Dienst"),
        S(10092, 4, 3, "EfA-Dienst"), S(10000, 2, 1),
        S(10035, 3, 3, "EfA-Dienst"), S(10255, 2, 1),
        S(10519, 2, 1), S(10149, 3, 2), S(10148, 3, 2),
        S(10056, 3, 3, "EfA-Dienst"), S(10088, 2, 1),
        S(10488, 2, 1),
    ],
    "07339": [
        S(10439, 4, 3, "i-Kfz"), S(10169, 4, 3),
        S(10092, 4, 4, "Landesportal"), S(10000, 3, 2, "ElterngeldDigital"),
        S(10035, 3, 2), S(10084, 3, 2), S(10266, 2, 1),
        S(10255, 3, 2), S(10257, 2, 1), S(10519, 3, 3),
        S(10149, 2, 1), S(10056, 3, 2), S(10088, 3, 3),
        S(10525, 2, 1), S(10426, 4, 3, "i-Kfz"),
    ],
    "07138": [
        S(10439, 4, 4, "i-Kfz"), S(10436, 4, 3, "i-Kfz"),
        S(10426, 4, 3, "i-Kfz"), S(10169, 3, 2),
        S(10092, 2, 1), S(10000, 2, 1), S(10035, 2, 1),
        S(10149, 4, 3, "Landesportal, E-Payment"),
        S(10148, 4, 3, "Landesportal, E-Payment"), S(10151, 3, 2),
        S(10255, 2, 1), S(10519, 2, 1), S(10056, 2, 1),
        S(10088, 2, 1), S(10421, 3, 2), S(10418, 3, 2),
    ],
    "07140": [
        S(10439, 3, 3, "i-Kfz"), S(10169, 2, 1),
        S(10092, 3, 2, "Landesportal"), S(10000, 2, 1),
        S(10035, 3, 2), S(10255, 2, 1), S(10519, 3, 2),
        S(10149, 2, 1), S(10056, 2, 1), S(10088, 2, 1),
        S(10218, 2, 1),
    ],
    "07141": [
        S(10439, 4, 3, "i-Kfz"), S(10169, 4, 3),
        S(10092, 2, 1), S(10000, 1, 1), S(10035, 2, 1),
        S(10255, 4, 3), S(10519, 2, 1), S(10149, 2, 1),
        S(10042, 3, 3), S(10056, 3, 2), S(10088, 2, 1),
    ],
    "07233": [
        S(10439, 3, 2, "i-Kfz"), S(10169, 2, 1),
        S(10092, 3, 2), S(10000, 2, 1), S(10035, 2, 1),
        S(10084, 3, 2), S(10218, 3, 2), S(10255, 2, 1),
        S(10519, 2, 1), S(10149, 2, 1), S(10056, 2, 1),
        S(10088, 3, 2),
    ],
    "07143": [
        S(10439, 4, 3, "i-Kfz"), S(10169, 3, 2),
        S(10092, 2, 1), S(10000, 1, 1), S(10035, 2, 1),
        S(10255, 2, 1), S(10519, 3, 2), S(10517, 2, 1),
        S(10149, 2, 1), S(10056, 2, 1), S(10088, 2, 1),
        S(10421, 4, 3), S(10418, 3, 2),
    ],
}


@dataclass(frozen=True)
class Round:
    """A survey round before a meeting of the AG Digitales Kreishaus.

    meeting: the number of that meeting in the demo series (see meetings.demo_texts);
    completed: the districts that answered (the others were asked but did not answer).
    """

    title: str
    meeting: int
    completed: tuple[str, ...]
    closed: bool


ALL_DISTRICTS = tuple(TOPIC_STATUSES)
SURVEY_ROUNDS = (
    Round("Sachstandserhebung zur Sitzung in Daun", 7,
          tuple(key for key in ALL_DISTRICTS if key not in {"07233", "07140"}), closed=True),
    Round("Sachstandserhebung zur Sitzung in Ingelheim am Rhein", 8,
          tuple(key for key in ALL_DISTRICTS if key != "07135"), closed=True),
    Round("Sachstandserhebung zur Sitzung in Montabaur", 9,
          ("07137", "07138", "07131", "07339"), closed=False),
)


@dataclass(frozen=True)
class Milestone:
    """meeting: number of the meeting (of the demo series) the date is counted from."""

    meeting: int
    days: int
    title: str
    done: bool


@dataclass(frozen=True)
class Project:
    slug: str
    title: str
    goal: str
    lead: str
    participants: tuple[str, ...]
    stage: str
    start: tuple[int, int]  # (meeting number, days after it)
    end: tuple[int, int]  # (meeting number, months after it)
    funding_note: str
    topics: tuple[str, ...]
    decisions: tuple[tuple[int, int], ...]  # (meeting number, decision order)
    milestones: tuple[Milestone, ...]


PROJECTS = (
    Project(
        slug="baulastenakten-digitalisieren",
        title="Baulastenakten digitalisieren",
        goal=(
            "Die Baulastenakten der beteiligten Kreise werden gescannt, nach einem "
            "gemeinsamen Metadatenschema erfasst und mit den Flurstücken verknüpft. Auskünfte "
            "an Notariate, Bauherren und Banken sollen elektronisch und innerhalb eines "
            "Arbeitstags erteilt werden."),
        lead="07131",
        participants=("07131", "07137", "07138", "07135", "07339", "07143"),
        stage=ProjectStage.RUNNING,
        start=(3, 7),
        end=(9, 9),
        funding_note=(
            "Eigenmittel der beteiligten Kreise; das Scannen wird aus dem gemeinsamen "
            "Rahmenvertrag für Scandienstleistungen abgerufen. Eine Landesförderung für die "
            "elektronische Auskunft wird geprüft."),
        topics=("baulastenverzeichnis", "e-akte"),
        decisions=((3, 1), (5, 2)),
        milestones=(
            Milestone(3, 56, "Leistungsbeschreibung für das Scannen der Baulastenakten "
                             "abgestimmt", True),
            Milestone(5, -7, "Zuschlag für den Scandienstleister erteilt", True),
            Milestone(6, 0, "Gemeinsames Metadatenschema für Baulastblätter festgelegt", True),
            Milestone(8, 14, "Pilot Ahrweiler: Baulastblätter gescannt und mit den "
                             "Flurstücken verknüpft", True),
            Milestone(10, 30, "Elektronische Auskunft an Notariate und Bauherren im Betrieb",
                      False),
        ),
    ),
    Project(
        slug="kfz-ummeldung-buergerbueros",
        title="Kfz-Ummeldung in den Bürgerbüros",
        goal=(
            "Wer umzieht, soll sein Fahrzeug gleich bei der Anmeldung der neuen Wohnung im "
            "Bürgerbüro der Stadt oder Verbandsgemeinde ummelden können. Die Bürgerbüros "
            "nehmen die Ummeldung für die Zulassungsbehörde des Kreises an; Kennzeichen und "
            "Zulassungsbescheinigung gibt es ohne zweiten Behördengang."),
        lead="07137",
        participants=("07137", "07138", "071370003", "071370068", "071375008"),
        stage=ProjectStage.PREPARATION,
        start=(7, 7),
        end=(10, 6),
        funding_note=(
            "Keine Fördermittel. Die Kreise tragen Lesegeräte, Kennzeichenvorrat und "
            "Schulungen, die Städte und Verbandsgemeinden das Personal in den Bürgerbüros."),
        topics=("kfz-ummeldung-buergerbuero", "ozg-onlinedienste"),
        decisions=((8, 1),),
        milestones=(
            Milestone(7, 21, "Rechtliche Prüfung: Bürgerbüros als Annahmestelle der "
                             "Zulassungsbehörde", True),
            Milestone(8, 28, "Aufgabenteilung zwischen Zulassungsstelle und Bürgerbüro "
                             "beschrieben", True),
            Milestone(9, -7, "Prozessmodell der Ummeldung nach den gemeinsamen "
                             "BPMN-Vorlagen", False),
            Milestone(10, 14, "Pilotbetrieb im Bürgerbüro der Stadt Andernach", False),
            Milestone(10, 120, "Auswertung und Ausweitung auf weitere Bürgerbüros", False),
        ),
    ),
    Project(
        slug="fortbildungsprogramm-digitalisierung",
        title="Gemeinsames Fortbildungsprogramm Digitalisierung",
        goal=(
            "Die Kreise bieten ihren Beschäftigten ein gemeinsames Fortbildungsprogramm an: "
            "Webseminare, Lernvideos und eine Lernplattform für digitale Grundkompetenzen, "
            "E-Akte, Informationssicherheit und mobiles Arbeiten. Jeder Kreis steuert Beiträge "
            "zu seinen Schwerpunkten bei."),
        lead="07132",
        participants=("07132", "07137", "07135", "07140", "07141", "07143", "07233"),
        stage=ProjectStage.RUNNING,
        start=(4, 0),
        end=(10, 12),
        funding_note=(
            "Die Kosten der Lernplattform teilen sich die Kreise nach Einwohnerzahl; "
            "Lernvideos produziert jeder Kreis selbst. Fortbildungsbudgets der Kreise."),
        topics=("fortbildung-digitalisierung", "webseminare-videokonferenzen",
                "mobiles-arbeiten"),
        decisions=((3, 2),),
        milestones=(
            Milestone(3, 40, "Bedarf an Lernvideos in den Kreisen abgefragt", True),
            Milestone(5, 30, "Lernplattform ausgewählt und eingerichtet", True),
            Milestone(7, 14, "Die ersten zehn Lernvideos veröffentlicht", True),
            Milestone(8, 21, "Webseminarreihe „Digital fit“ für alle Kreise geöffnet", True),
            Milestone(10, 0, "Auswertung des ersten Jahres und Themenplan", False),
        ),
    ),
)
