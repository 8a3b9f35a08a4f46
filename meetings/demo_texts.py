"""Texts of the demo meetings: working groups, agendas, minutes, decisions and action items.

Everything here was written for the demo. The names of the districts and their seats are
real; what the minutes say about them is invented and only sketches plausible meetings of
such a network. Persons are the demo logins (see members.demo) or no one.

Administrations are referred to by their natural key (regional key; slug for the IT service
provider), people by the email address of their demo login. Meetings are numbered in the
order of their series; the loader turns the numbers into dates relative to the day it runs.
"""

from dataclasses import dataclass

from .enums import AttendanceMode, Cadence, DecisionResult, MeetingFormat, RegistrationStatus

COORDINATOR = "koordination@example.org"
EDITOR_MYK = "redaktion.myk@example.org"
EDITOR_NEUWIED = "redaktion.neuwied@example.org"
READER_AHRWEILER = "lesen.ahrweiler@example.org"

KREISHAUS = "ag-digitales-kreishaus"
BUERGERPORTAL = "ag-buergerportal"

IN_PERSON, ONLINE = AttendanceMode.IN_PERSON, AttendanceMode.ONLINE
REGISTERED, DECLINED = RegistrationStatus.REGISTERED, RegistrationStatus.DECLINED


@dataclass(frozen=True)
class Item:
    """An agenda item; `notes` is what the minutes say about it."""

    title: str
    minutes: int = 15
    description: str = ""
    presenter: str = ""
    notes: str = ""
    approves_previous: bool = False  # approves the minutes of the previous meeting


@dataclass(frozen=True)
class Decision:
    item: int  # order number of the agenda item
    wording: str
    result: str = DecisionResult.UNANIMOUS


@dataclass(frozen=True)
class Task:
    """An action item; the responsible is an administration key or a login's email."""

    title: str
    responsible: str
    due_days: int  # due this many days after the meeting
    done_days: int | None = None  # ticked off this many days after the meeting; None: open
    description: str = ""


@dataclass(frozen=True)
class Attendance:
    email: str
    mode: str = IN_PERSON
    status: str = REGISTERED
    attended: bool | None = True


@dataclass(frozen=True)
class MeetingText:
    """One meeting of a series. months: offset from the next meeting (0), < 0 is past."""

    months: int
    format: str
    agenda: tuple[Item, ...]
    host: str | None = None
    title: str = ""  # blank: "Quartalssitzung in <seat of the host>"
    summary: str = ""
    decisions: tuple[Decision, ...] = ()
    tasks: tuple[Task, ...] = ()
    registrations: tuple[Attendance, ...] = ()


# slug -> name, purpose, cadence, coordinating administration, link for online
# participation (hybrid and online meetings), member keys
GROUPS = {
    KREISHAUS: {
        "name": "AG Digitales Kreishaus",
        "purpose": (
            "Die zehn Kreisverwaltungen im nördlichen Rheinland-Pfalz berichten einander "
            "vierteljährlich, wie weit sie mit der Digitalisierung sind, verabreden gemeinsame "
            "Vorhaben und geben Vorlagen und Erfahrungen weiter. Die Sitzungen finden reihum "
            "bei einem der Kreise statt; die Koordinierungsstelle in Mayen-Koblenz bereitet "
            "sie vor."),
        "cadence": Cadence.QUARTERLY,
        "coordinating": "07137",
        "online_link": "https://video.example.org/ag-digitales-kreishaus",
        "members": ("07137", "07131", "07132", "07135", "07339", "07138", "07140", "07141",
                    "07233", "07143"),
    },
    BUERGERPORTAL: {
        "name": "AG Bürgerportal",
        "purpose": (
            "Der Landkreis Mayen-Koblenz und Städte und Verbandsgemeinden im Kreisgebiet bauen "
            "ein gemeinsames Bürgerportal auf: ein Einstieg für alle Onlinedienste im Kreis, "
            "gleich welche Verwaltung zuständig ist. Die AG trifft sich etwa halbjährlich, bei "
            "Bedarf öfter."),
        "cadence": Cadence.HALF_YEARLY,
        "coordinating": "07137",
        "online_link": "https://video.example.org/ag-buergerportal",
        "members": ("07137", "071370003", "071370068", "071370203", "071375007",
                    "071375008", "071375009"),
    },
}

WELCOME = "Begrüßung und Genehmigung des Protokolls"
MISC = "Verschiedenes"
COORDINATION = "Katrin Berger, Koordinierungsstelle"


def _welcome(notes: str) -> Item:
    return Item(WELCOME, 10, presenter=COORDINATION, notes=notes, approves_previous=True)


def _all_four(hybrid: bool = False, **changes: Attendance | None) -> tuple[Attendance, ...]:
    """The four staff logins as registered and present, with per-person changes."""
    default = {
        "koordination": Attendance(COORDINATOR),
        "myk": Attendance(EDITOR_MYK, ONLINE if hybrid else IN_PERSON),
        "neuwied": Attendance(EDITOR_NEUWIED),
        "ahrweiler": Attendance(READER_AHRWEILER),
    }
    default.update(changes)
    return tuple(value for value in default.values() if value is not None)


KREISHAUS_MEETINGS = (
    # 1 — about two years ago, Neuwied
    MeetingText(
        months=-24, host="07138", format=MeetingFormat.IN_PERSON,
        summary=(
            "Der Landkreis Neuwied zeigte, wie Jagd- und Fischereischein vollständig online "
            "beantragt und bezahlt werden. Die AG vereinbarte, den Stand der Digitalisierung "
            "künftig vor jeder Sitzung schriftlich zu erheben."),
        agenda=(
            Item("Begrüßung und Tagesordnung", 10, presenter=COORDINATION, notes=(
                "Frau Berger begrüßt die Vertreterinnen und Vertreter der Kreise und dankt dem "
                "Landkreis Neuwied für die Gastfreundschaft. Die Tagesordnung wird ohne "
                "Änderungen angenommen.")),
            Item("Bericht aus den Kreisen: Stand E-Akte", 45,
                 description="Kurzbericht jedes Kreises, höchstens fünf Minuten.",
                 notes=(
                     "Vier Kreise arbeiten in mindestens einer Abteilung ausschließlich mit der "
                     "E-Akte, drei stehen in der Pilotphase, die übrigen bereiten die "
                     "Beschaffung vor. Als größte Hürden werden fehlende Schnittstellen zu "
                     "Fachverfahren und der Aufwand für den Altbestand genannt.")),
            Item("OZG-Umsetzung: Onlinedienste im Kreis Neuwied", 30,
                 description="Jagd- und Fischereischein online – vom Antrag bis zur Zahlung.",
                 presenter="Sabine Klein, Landkreis Neuwied", notes=(
                     "Frau Klein führt den Ablauf vor: Anmeldung mit dem Nutzerkonto, Zahlung "
                     "über den Bezahldienst, Übernahme der Daten ins Fachverfahren ohne erneute "
                     "Eingabe. Inzwischen kommt etwa die Hälfte der Anträge online. Länger als "
                     "das Formular hat die Anbindung des Bezahldienstes gedauert.")),
            Item("Gemeinsame Übersicht zum Stand der Digitalisierung", 20,
                 presenter=COORDINATION, notes=(
                     "Die Koordinierungsstelle schlägt vor, die Berichte aus den Kreisen durch "
                     "einen einheitlichen Fragebogen vor jeder Sitzung zu ergänzen. So bleibt "
                     "in der Sitzung mehr Zeit für Fragen, und Entwicklungen werden über die "
                     "Zeit vergleichbar.")),
            Item(MISC, 10, notes=(
                "Der Landkreis Ahrweiler lädt zur nächsten Sitzung nach Bad Neuenahr-Ahrweiler "
                "ein.")),
        ),
        decisions=(
            Decision(4, "Der Stand der Digitalisierung wird vor jeder Sitzung mit einem "
                        "gemeinsamen Fragebogen erhoben. Die Koordinierungsstelle wertet die "
                        "Antworten aus und stellt sie in der Sitzung vor."),
        ),
        tasks=(
            Task("Fragebogen für die Sachstandserhebung entwerfen", "07137", 42, 35),
            Task("Ablaufbeschreibung „Jagdschein online“ an die Kreise senden",
                 EDITOR_NEUWIED, 14, 9),
        ),
        registrations=_all_four(ahrweiler=None),
    ),
    # 2 — Ahrweiler
    MeetingText(
        months=-21, host="07131", format=MeetingFormat.IN_PERSON,
        summary=(
            "Schwerpunkte waren die krisenfeste Verwaltung im Kreis Ahrweiler und die "
            "Online-Terminvereinbarung in den Zulassungsstellen. Über eine gemeinsame "
            "Ausschreibung von Scandienstleistungen wird nach einer vergaberechtlichen "
            "Prüfung entschieden."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Neuwied wird ohne Änderungen genehmigt."),
            Item("Bericht aus den Kreisen: Stand E-Akte", 40, notes=(
                "Erstmals liegen die Antworten aus dem gemeinsamen Fragebogen vor; acht von "
                "zehn Kreisen haben teilgenommen. Die Übersicht zeigt große Unterschiede bei "
                "der Zahl der angebundenen Fachverfahren.")),
            Item("Krisenfeste Verwaltung: mobile Arbeitsplätze und Notfallhandbuch", 40,
                 presenter="Tobias Schmitz, Landkreis Ahrweiler", notes=(
                     "Herr Schmitz berichtet, wie Notebooks, ein abgestimmtes Notfallhandbuch "
                     "und ortsunabhängig verfügbare Akten den Dienstbetrieb absichern. Er "
                     "empfiehlt, den Wiederanlauf der wichtigsten Fachverfahren mindestens "
                     "einmal im Jahr zu üben.")),
            Item("Online-Terminvereinbarung in der Kfz-Zulassung", 30,
                 presenter="Landkreis Mayen-Koblenz", notes=(
                     "In Mayen-Koblenz werden an beiden Zulassungsstandorten alle Termine "
                     "online vergeben. Seit Kundinnen und Kunden am Vortag per E-Mail erinnert "
                     "werden, bleiben deutlich weniger Termine ungenutzt. Die Kreise setzen "
                     "unterschiedliche Terminsysteme ein; ein Wechsel ist nirgends geplant.")),
            Item("Gemeinsame Beschaffung von Scandienstleistungen", 20, presenter=COORDINATION,
                 notes=(
                     "Eine gemeinsame Ausschreibung für das Scannen von Altakten könnte "
                     "günstigere Preise bringen. Offen ist, ob die Kreise als "
                     "Einkaufsgemeinschaft ausschreiben dürfen.")),
            Item(MISC, 10, notes="Die nächste Sitzung findet in Altenkirchen statt, mit "
                                 "Möglichkeit zur Online-Teilnahme."),
        ),
        decisions=(
            Decision(4, "Die Kreise tragen ihre Erfahrungen mit Terminsystemen (Produkt, "
                        "Kosten, Anbindung an Fachverfahren) in einer gemeinsamen Übersicht "
                        "zusammen."),
            Decision(5, "Die Entscheidung über eine gemeinsame Ausschreibung von "
                        "Scandienstleistungen wird vertagt, bis die vergaberechtliche Prüfung "
                        "vorliegt.", DecisionResult.POSTPONED),
        ),
        tasks=(
            Task("Gemeinsame Ausschreibung von Scandienstleistungen vergaberechtlich prüfen",
                 "07137", 70, 61),
            Task("Notfallhandbuch als Vorlage bereitstellen", READER_AHRWEILER, 30, 22),
            Task("Übersicht der Terminsysteme anlegen und befüllen", "07141", 60, 48),
        ),
        registrations=_all_four(),
    ),
    # 3 — Altenkirchen, hybrid
    MeetingText(
        months=-18, host="07132", format=MeetingFormat.HYBRID,
        summary=(
            "Altenkirchen stellte sein Fortbildungsprogramm „Digital fit“ vor. Die AG "
            "beschloss mit Mehrheit die gemeinsame Ausschreibung von Scandienstleistungen "
            "unter Federführung des Landkreises Mayen-Koblenz."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Bad Neuenahr-Ahrweiler wird mit einer "
                     "Korrektur bei den Teilnehmenden genehmigt."),
            Item("Bericht aus den Kreisen: Stand OZG-Onlinedienste", 40, notes=(
                "Zusammen bieten die Kreise weit über hundert Leistungen online an; "
                "durchgängig bis ins Fachverfahren digital ist weniger als ein Drittel davon. "
                "Häufigster Medienbruch ist der Ausdruck des Online-Antrags in der "
                "Fachabteilung.")),
            Item("Digital fit: Fortbildung für alle Beschäftigten", 30,
                 presenter="Landkreis Altenkirchen", notes=(
                     "Das Programm setzt auf Webseminare in der Mittagspause und kurze "
                     "Lernvideos im Intranet. Die Teilnahme ist freiwillig, die Nachfrage "
                     "übersteigt das Angebot. Mehrere Kreise würden Lernvideos lieber "
                     "gemeinsam produzieren als jeder für sich.")),
            Item("Gemeinsame Beschaffung von Scandienstleistungen", 25, presenter=COORDINATION,
                 notes=(
                     "Nach der Prüfung ist eine gemeinsame Ausschreibung zulässig, wenn ein "
                     "Kreis als Vergabestelle für die übrigen auftritt. Zwei Kreise haben "
                     "laufende Verträge und beteiligen sich vorerst nicht.")),
            Item(MISC, 10, notes="Der Rhein-Lahn-Kreis lädt zur nächsten Sitzung nach Bad Ems "
                                 "ein."),
        ),
        decisions=(
            Decision(4, "Der Landkreis Mayen-Koblenz schreibt Scandienstleistungen für "
                        "Altakten im Namen der teilnehmenden Kreise aus. Die Teilnahme ist "
                        "freiwillig.", DecisionResult.MAJORITY),
            Decision(3, "Die Kreise prüfen eine gemeinsame Lernplattform; der Landkreis "
                        "Altenkirchen übernimmt die Federführung."),
        ),
        tasks=(
            Task("Leistungsbeschreibung für die gemeinsame Ausschreibung abstimmen", "07137",
                 56, 50),
            Task("Bedarf an Lernvideos in den Kreisen abfragen", "07132", 45, 40),
        ),
        registrations=_all_four(hybrid=True, ahrweiler=Attendance(READER_AHRWEILER, ONLINE)),
    ),
    # 4 — Rhein-Lahn-Kreis
    MeetingText(
        months=-15, host="07141", format=MeetingFormat.IN_PERSON,
        summary=(
            "Der Rhein-Lahn-Kreis berichtete über den zentralen Support für die IT seiner "
            "Schulen, der Landkreis Ahrweiler über papierlose Kreistagsarbeit mit Tablets."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Altenkirchen wird genehmigt."),
            Item("Bericht aus den Kreisen: Stand E-Akte", 40, notes=(
                "Zwei weitere Kreise haben die E-Akte in ersten Abteilungen eingeführt. Die "
                "gemeinsame Ausschreibung für das Scannen von Altakten ist veröffentlicht.")),
            Item("Digitale Schulen: Support für die Schul-IT", 35,
                 presenter="Rhein-Lahn-Kreis", notes=(
                     "Ein zentrales Team betreut Netze und Endgeräte aller Kreisschulen; "
                     "Störungen werden über ein Ticketsystem gemeldet. Entscheidend war, die "
                     "Zuständigkeiten zwischen Schule, Schulträger und Dienstleister schriftlich "
                     "festzuhalten.")),
            Item("Papierlose Gremienarbeit", 30, presenter="Landkreis Ahrweiler", notes=(
                "Kreistag und Ausschüsse arbeiten mit Tablets und dem Ratsinformationssystem. "
                "Die Druck- und Versandkosten sind erheblich gesunken; wichtig waren Schulungen "
                "für die Mitglieder und eine klare Nutzungsrichtlinie.")),
            Item(MISC, 10, notes="Der Landkreis Cochem-Zell übernimmt die nächste Sitzung."),
        ),
        decisions=(
            Decision(4, "Die Kreise stellen ihre Regelungen zur Ausstattung der "
                        "Kreistagsmitglieder mit Tablets in der Wissensdatenbank bereit."),
        ),
        tasks=(
            Task("Nutzungsrichtlinie für Tablets im Kreistag teilen", READER_AHRWEILER, 28, 20),
            Task("Muster-Leistungsbeschreibung für den Support der Schul-IT teilen", "07141",
                 45),
        ),
        registrations=_all_four(
            neuwied=Attendance(EDITOR_NEUWIED, status=DECLINED, attended=None),
            ahrweiler=None),
    ),
    # 5 — Cochem-Zell
    MeetingText(
        months=-12, host="07135", format=MeetingFormat.IN_PERSON,
        summary=(
            "Cochem-Zell berichtete über die Nachnutzung von Onlinediensten nach dem Prinzip "
            "„Einer für Alle“ und über einen Chatbot auf der Kreiswebsite. Die gemeinsame "
            "Ausschreibung für das Scannen von Altakten ist abgeschlossen."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Bad Ems wird genehmigt."),
            Item("Bericht aus den Kreisen: Stand OZG-Onlinedienste", 40, notes=(
                "Die Zahl der Leistungen, die ohne Ausdruck bis ins Fachverfahren laufen, ist "
                "seit der Erhebung vor einem halben Jahr um ein Viertel gestiegen.")),
            Item("Einer für Alle: Onlinedienste nachnutzen", 30,
                 presenter="Landkreis Cochem-Zell", notes=(
                     "Für die Nachnutzung genügen eine Vereinbarung mit dem anbietenden Land "
                     "und die Anbindung an das eigene Postfach. Aufwendig bleibt die "
                     "Übernahme der Daten ins Fachverfahren, für die es oft keine "
                     "Schnittstelle gibt.")),
            Item("Chatbot auf der Kreiswebsite – ein Werkstattbericht", 20,
                 presenter="Landkreis Cochem-Zell", notes=(
                     "Der Chatbot beantwortet häufige Fragen zu Zulassung und Abfall und "
                     "verweist sonst an die zuständige Stelle. Die Antworten werden von den "
                     "Fachabteilungen gepflegt.")),
            Item("Scandienstleistungen: Ergebnis der Ausschreibung", 15,
                 presenter=COORDINATION, notes=(
                     "Der Zuschlag ist erteilt; sechs Kreise rufen Leistungen aus dem Vertrag "
                     "ab. Die Preise liegen unter denen der bisherigen Einzelverträge.")),
            Item(MISC, 10, notes="Keine weiteren Wortmeldungen."),
        ),
        decisions=(
            Decision(3, "Die Kreise melden der Koordinierungsstelle, welche "
                        "Einer-für-Alle-Dienste sie nachnutzen, damit sichtbar wird, wer "
                        "bereits Erfahrung hat."),
            Decision(5, "Die AG nimmt das Ergebnis der gemeinsamen Ausschreibung zur "
                        "Kenntnis.", DecisionResult.NOTED),
        ),
        tasks=(
            Task("Liste der nachgenutzten Einer-für-Alle-Dienste anlegen", "07137", 42, 30),
            Task("Chatbot nach sechs Monaten Betrieb auswerten und berichten", "07135", 180),
        ),
        registrations=_all_four(),
    ),
    # 6 — Rhein-Hunsrück-Kreis, hybrid
    MeetingText(
        months=-9, host="07140", format=MeetingFormat.HYBRID,
        summary=(
            "Themen waren ein Jahr Dienstvereinbarung zum mobilen Arbeiten, die digitale "
            "Personalakte und eine gemeinsame Informationssicherheitsbeauftragte für kleinere "
            "Verwaltungen."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Cochem wird genehmigt."),
            Item("Bericht aus den Kreisen: Stand E-Akte", 40, notes=(
                "Alle Kreise arbeiten inzwischen in mindestens einer Abteilung mit der E-Akte. "
                "Drei Kreise binden als Nächstes ihre Ausländerbehörde an.")),
            Item("Mobiles Arbeiten: ein Jahr Dienstvereinbarung", 30,
                 presenter="Rhein-Hunsrück-Kreis", notes=(
                     "Die meisten Beschäftigten arbeiten an ein bis zwei Tagen pro Woche "
                     "mobil. Besprechungsräume mit Videotechnik und klare Regeln zur "
                     "Erreichbarkeit haben sich bewährt.")),
            Item("Digitale Personalakte: Altbestand scannen oder nicht?", 25,
                 presenter="Rhein-Hunsrück-Kreis", notes=(
                     "Der Kreis scannt den Altbestand schrittweise bei Bedarf. Andere Kreise "
                     "erwägen, nur neue Vorgänge digital zu führen. Eine gemeinsame "
                     "Empfehlung braucht belastbare Zahlen zu den Kosten.")),
            Item("Informationssicherheit: gemeinsame Beauftragte für kleinere Verwaltungen", 25,
                 presenter="IT-Zweckverband Mittelrhein", notes=(
                     "Der Zweckverband könnte eine Informationssicherheitsbeauftragte für "
                     "mehrere Verwaltungen stellen. Kleinere Kreise zeigen großes Interesse, "
                     "größere haben eigene Beauftragte.")),
            Item(MISC, 10, notes="Die nächste Sitzung findet in Daun statt."),
        ),
        decisions=(
            Decision(5, "Die AG bittet den IT-Zweckverband Mittelrhein um ein Angebot für eine "
                        "gemeinsame Informationssicherheitsbeauftragte.",
                     DecisionResult.MAJORITY),
            Decision(4, "Eine gemeinsame Empfehlung zum Altbestand der Personalakten wird "
                        "vertagt, bis Kostenschätzungen aus mehreren Kreisen vorliegen.",
                     DecisionResult.POSTPONED),
        ),
        tasks=(
            Task("Angebot für eine gemeinsame Informationssicherheitsbeauftragte anfordern",
                 "07137", 30, 12),
            Task("Dienstvereinbarung zum mobilen Arbeiten als Muster bereitstellen", "07140",
                 30, 25),
            Task("Kosten für das Scannen der Personalakten schätzen", EDITOR_NEUWIED, 60, 52),
        ),
        registrations=_all_four(
            hybrid=True, neuwied=Attendance(EDITOR_NEUWIED, ONLINE),
            ahrweiler=Attendance(READER_AHRWEILER, ONLINE)),
    ),
    # 7 — Vulkaneifel
    MeetingText(
        months=-6, host="07233", format=MeetingFormat.IN_PERSON,
        summary=(
            "Die Vulkaneifel stellte Videoberatung im Sozialamt und ihre Dorfbüros vor. Drei "
            "Kreise nehmen das Angebot des IT-Zweckverbands für eine gemeinsame "
            "Informationssicherheitsbeauftragte an."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Simmern wird genehmigt."),
            Item("Bericht aus den Kreisen: Stand OZG-Onlinedienste", 40, notes=(
                "Die Auswertung der Sachstandserhebung zeigt Fortschritte vor allem bei "
                "Leistungen des Straßenverkehrs und der Sozialverwaltung.")),
            Item("Videoberatung im Sozialamt", 30, presenter="Landkreis Vulkaneifel", notes=(
                "Termine werden online gebucht und per Link wahrgenommen; Unterlagen können "
                "vorab hochgeladen werden. Gerade für Menschen ohne Auto in entlegenen Orten "
                "spart das lange Wege.")),
            Item("Dorfbüros: Hilfe beim Online-Antrag vor Ort", 20,
                 presenter="Landkreis Vulkaneifel", notes=(
                     "Ehrenamtliche helfen in mehreren Orten beim Ausfüllen von "
                     "Online-Anträgen. Der Kreis schult sie zweimal im Jahr.")),
            Item("Angebot zur gemeinsamen Informationssicherheit", 25,
                 presenter="IT-Zweckverband Mittelrhein", notes=(
                     "Das Angebot umfasst eine Beauftragte mit festen Tagen je Verwaltung, "
                     "gemeinsame Schulungen und ein abgestimmtes Sicherheitskonzept.")),
            Item(MISC, 10, notes="Der Landkreis Mainz-Bingen lädt zur nächsten Sitzung nach "
                                 "Ingelheim ein."),
        ),
        decisions=(
            Decision(5, "Die Landkreise Cochem-Zell und Vulkaneifel und der "
                        "Rhein-Hunsrück-Kreis nehmen das Angebot des IT-Zweckverbands für ein "
                        "Pilotjahr an; die übrigen Kreise entscheiden nach der Auswertung.",
                     DecisionResult.MAJORITY),
            Decision(3, "Die Erfahrungen mit der Videoberatung werden als Artikel in der "
                        "Wissensdatenbank festgehalten."),
        ),
        tasks=(
            Task("Artikel zur Videoberatung für die Wissensdatenbank schreiben", "07233",
                 42, 38),
            Task("Leitfaden zur Anbindung des Bezahldienstes an Onlinedienste erstellen",
                 EDITOR_NEUWIED, 56),
            Task("Themen und Gastgeber für das kommende Jahr vorschlagen", COORDINATOR, 196,
                 description="Als Grundlage für die Jahresplanung in der Sitzung in Koblenz."),
        ),
        registrations=_all_four(ahrweiler=None),
    ),
    # 8 — Mainz-Bingen, hybrid (the last meeting before the next one)
    MeetingText(
        months=-3, host="07339", format=MeetingFormat.HYBRID,
        summary=(
            "Mainz-Bingen zeigte, wie Prozesse vor der Digitalisierung aufgenommen und "
            "vereinfacht werden, und wie Wohngeld mit Nachweis-Upload online beantragt wird. "
            "Die BPMN-Vorlagen des Kreises werden gemeinsamer Standard."),
        agenda=(
            _welcome("Das Protokoll der Sitzung in Daun wird ohne Änderungen genehmigt."),
            Item("Bericht aus den Kreisen: Stand E-Akte", 40, notes=(
                "Die Kreise melden zusammen mehr als sechzig Abteilungen, die ausschließlich "
                "elektronisch arbeiten. Schwierig bleibt die Aktenführung bei Fachverfahren "
                "ohne Schnittstelle.")),
            Item("Prozesse vor Technik: Modellierung vor der Digitalisierung", 35,
                 presenter="Landkreis Mainz-Bingen", notes=(
                     "Jede Leistung wird vor der Digitalisierung mit den Beschäftigten "
                     "aufgenommen und vereinfacht; erst dann wird ein Formular gebaut. "
                     "Modelliert wird nach einem schlanken Leitfaden mit wenigen "
                     "BPMN-Elementen.")),
            Item("Wohngeld online mit Nachweis-Upload", 25, presenter="Landkreis Mainz-Bingen",
                 notes=(
                     "Antragstellende laden ihre Nachweise direkt hoch; Rückfragen sind "
                     "seltener geworden. Das Fachverfahren übernimmt die Daten aber noch nicht "
                     "vollständig.")),
            Item("Sachstandserhebung: Auswertung und Vergleich", 20, presenter=COORDINATION,
                 notes=(
                     "Erstmals lassen sich zwei Erhebungen vergleichen. Den größten Sprung "
                     "gab es bei der Online-Terminvereinbarung.")),
            Item(MISC, 10, notes="Der Westerwaldkreis lädt zur nächsten Sitzung nach "
                                 "Montabaur ein."),
        ),
        decisions=(
            Decision(3, "Für Prozessmodelle nutzen die Kreise die BPMN-Vorlagen des Landkreises "
                        "Mainz-Bingen als gemeinsamen Standard."),
            Decision(4, "Über eine gemeinsame Anfrage an den Hersteller des "
                        "Wohngeld-Fachverfahrens wird in der nächsten Sitzung entschieden.",
                     DecisionResult.POSTPONED),
        ),
        tasks=(
            Task("Prozessmodell der internetbasierten Wiederzulassung erstellen",
                 EDITOR_NEUWIED, 35,
                 description="Nach den BPMN-Vorlagen des Landkreises Mainz-Bingen."),
            Task("Erfahrungsbericht zur Notfallübung für die nächste Sitzung vorbereiten",
                 READER_AHRWEILER, 77),
            Task("Anforderungen an das Wohngeld-Fachverfahren sammeln", "07138", 70),
        ),
        registrations=_all_four(hybrid=True, ahrweiler=Attendance(READER_AHRWEILER, ONLINE)),
    ),
    # 9 — the next meeting, Westerwaldkreis
    MeetingText(
        months=0, host="07143", format=MeetingFormat.HYBRID,
        agenda=(
            Item(WELCOME, 10, presenter=COORDINATION, approves_previous=True),
            Item("Bericht aus den Kreisen: Stand E-Akte", 45,
                 description="Grundlage ist die aktuelle Sachstandserhebung."),
            Item("Digitales Finanzwesen: E-Rechnung und Freigabe-Workflow", 40,
                 description="Wie Eingangsrechnungen im Westerwaldkreis ohne Papier vom "
                             "Eingang bis zur Zahlung laufen.",
                 presenter="Westerwaldkreis"),
            Item("Softwareroboter in der Verwaltung – erste Erfahrungen", 30,
                 description="Ein Pilot übernimmt wiederkehrende Buchungen. Was hat sich "
                             "bewährt, was nicht?",
                 presenter="Westerwaldkreis"),
            Item("Wohngeld-Fachverfahren: gemeinsame Anfrage an den Hersteller", 20,
                 description="Vertagt aus der letzten Sitzung.", presenter=COORDINATION),
            Item(MISC, 10),
        ),
        registrations=(
            Attendance(COORDINATOR, attended=None),
            Attendance(EDITOR_MYK, attended=None),
            Attendance(EDITOR_NEUWIED, ONLINE, attended=None),
        ),
    ),
    # 10 — planned, Mayen-Koblenz
    MeetingText(
        months=3, host="07137", format=MeetingFormat.IN_PERSON,
        agenda=(
            Item(WELCOME, 10, presenter=COORDINATION, approves_previous=True),
            Item("Bericht aus den Kreisen: Stand OZG-Onlinedienste", 45),
            Item("Jahresplanung der AG: Themen und Gastgeber", 30, presenter=COORDINATION),
            Item(MISC, 10),
        ),
    ),
)


BUERGERPORTAL_MEETINGS = (
    MeetingText(
        months=-12, host="07137", format=MeetingFormat.IN_PERSON,
        title="Auftakt der AG Bürgerportal",
        summary=(
            "Kreis, Städte und Verbandsgemeinden vereinbarten ein gemeinsames Bürgerportal "
            "und sammeln als Erstes ihre Leistungen mit den höchsten Fallzahlen."),
        agenda=(
            Item("Begrüßung und Ziele der AG", 15, presenter=COORDINATION, notes=(
                "Ziel ist ein gemeinsamer Einstieg für alle Onlinedienste im Kreisgebiet. "
                "Bürgerinnen und Bürger sollen nicht wissen müssen, welche Verwaltung "
                "zuständig ist.")),
            Item("Welche Leistungen zuerst? Fallzahlen der Verwaltungen", 40, notes=(
                "Bürgerbüros, Zulassung und Standesämter haben die meisten Vorgänge. Die "
                "Verbandsgemeinden wünschen sich zuerst Meldebescheinigungen und "
                "Anwohnerparkausweise online.")),
            Item("Nutzerkonto und Anmeldung: was das Land bereitstellt", 30, notes=(
                "Das Portal soll das Nutzerkonto des Landes verwenden; eigene Konten wird es "
                "nicht geben.")),
            Item(MISC, 10),
        ),
        decisions=(
            Decision(1, "Kreis, Städte und Verbandsgemeinden bauen ein gemeinsames "
                        "Bürgerportal mit einheitlicher Startseite auf; jede Verwaltung bleibt "
                        "für ihre Leistungen verantwortlich."),
        ),
        tasks=(
            Task("Die zehn Leistungen mit den meisten Vorgängen je Verwaltung melden", "07137",
                 42, 40),
            Task("Vorlage für Leistungsbeschreibungen entwerfen", EDITOR_MYK, 56, 49),
        ),
        registrations=(Attendance(COORDINATOR), Attendance(EDITOR_MYK)),
    ),
    MeetingText(
        months=-6, format=MeetingFormat.ONLINE, title="Leistungsliste und Startseite",
        summary=(
            "Die Leistungsliste ist vollständig. Die Startseite ordnet Leistungen nach "
            "Lebenslagen; ein Styleguide wird abgestimmt."),
        agenda=(
            Item(WELCOME, 10, presenter=COORDINATION, approves_previous=True, notes=(
                "Das Protokoll der Auftaktsitzung wird genehmigt.")),
            Item("Leistungsliste: Ergebnis der Abfrage", 30, notes=(
                "Alle Verwaltungen haben gemeldet; zusammen sind es gut vierzig verschiedene "
                "Leistungen, von denen zwölf in allen Verwaltungen vorkommen.")),
            Item("Gestaltung der Startseite: Entwürfe", 40, presenter="Jonas Weber, Landkreis "
                                                                      "Mayen-Koblenz", notes=(
                "Zwei Entwürfe werden verglichen: Sortierung nach Lebenslagen oder nach "
                "Verwaltungen. Testpersonen fanden Leistungen über Lebenslagen schneller.")),
            Item(MISC, 10, notes="Nächstes Treffen in etwa einem halben Jahr, dann online."),
        ),
        decisions=(
            Decision(3, "Die Startseite ordnet Leistungen nach Lebenslagen, nicht nach "
                        "Zuständigkeit.", DecisionResult.MAJORITY),
        ),
        tasks=(
            Task("Styleguide für das Bürgerportal abstimmen", EDITOR_MYK, 120),
            Task("Leistungsbeschreibungen der Verbandsgemeinde ergänzen", "071375008", 150),
        ),
        registrations=(Attendance(COORDINATOR, ONLINE), Attendance(EDITOR_MYK, ONLINE)),
    ),
    MeetingText(
        months=0, format=MeetingFormat.ONLINE, title="Bürgerportal: Stand der Umsetzung",
        agenda=(
            Item(WELCOME, 10, presenter=COORDINATION, approves_previous=True),
            Item("Startseite: Stand der Umsetzung", 30, presenter=COORDINATION),
            Item("Anbindung der Terminvergabe der Bürgerbüros", 30,
                 description="Welche Terminsysteme die Städte und Verbandsgemeinden nutzen "
                             "und wie sie im Portal erscheinen."),
            Item(MISC, 10, notes="Keine weiteren Themen."),
        ),
        registrations=(Attendance(COORDINATOR, ONLINE, attended=None),),
    ),
)

SERIES_TEXTS = {KREISHAUS: KREISHAUS_MEETINGS, BUERGERPORTAL: BUERGERPORTAL_MEETINGS}
