"""Demo articles of the category "Bürgerservice und Terminvergabe"."""

from .spec import COORDINATOR, DAU, EMS, INTERNAL, MYK, PUBLIC, ArticleText

CATEGORY = "buergerservice-und-terminvergabe"

KFZ_TERMINE = """\
## Ausgangslage

Die Kfz-Zulassungsstelle des Landkreises Mayen-Koblenz hat zwei Standorte, in Koblenz und in
Mayen. Zusammen bearbeiten sie rund 110 000 Zulassungsvorgänge im Jahr: Neuzulassungen,
Umschreibungen, Außerbetriebsetzungen und jede Kfz-Ummeldung nach einem Umzug. Früher galt:
Wartemarke ziehen und hoffen. An Montagen und vor den Ferien warteten Kundinnen und Kunden bis
zu drei Stunden, Zulassungsdienste von Autohäusern belegten ganze Vormittage.

## Was wir geändert haben

- **Nur noch mit Termin:** Alle Vorgänge von Privatkundinnen und -kunden werden über die
  Online-Terminvereinbarung gebucht. Wer das Internet nicht nutzt, bucht über das
  Bürgertelefon.
- **Terminarten nach Aufwand:** Eine Außerbetriebsetzung braucht zehn Minuten, eine
  Umschreibung mit Halterwechsel zwanzig. Bei der Buchung wird der Vorgang abgefragt und die
  passende Dauer eingeplant.
- **Erinnerung am Vortag:** Eine E-Mail erinnert an den Termin, nennt die mitzubringenden
  Unterlagen und enthält einen Link zum Absagen.
- **Gewerbliche Kunden** wie Autohäuser und Zulassungsdienste haben feste Zeitfenster und
  eine eigene Annahme.
- **Aufrufsystem:** Im Wartebereich wird die Terminnummer aufgerufen, nicht der Name.

## Kennzahlen

| Kennzahl | vorher | nach 12 Monaten |
|---|---|---|
| durchschnittliche Wartezeit vor Ort | 75 Minuten | 9 Minuten |
| nicht wahrgenommene Termine | – | 14 %, mit Erinnerung 5 % |
| Vorgänge mit unvollständigen Unterlagen | rund 20 % | rund 8 % |
| Beschwerden im Monat | rund 40 | unter 10 |

Die größte Wirkung hatte die Erinnerung per E-Mail: Seit sie verschickt wird, bleiben deutlich
weniger Termine ungenutzt, und Kundinnen und Kunden kommen seltener ohne die nötigen
Unterlagen.

## Kosten und Aufwand

Das Terminvergabesystem wird als Software-Dienst gemietet; für beide Standorte kostet es rund
7 500 Euro im Jahr, dazu kamen einmalig rund 12 000 Euro für Einrichtung, Aufrufsystem und
Monitore. Von der Entscheidung bis zum Start hat die Einführung vier Monate gedauert.

## Was wir gelernt haben

- Etwa 15 Prozent der Termine sollten für kurzfristige Buchungen am selben oder nächsten Tag
  frei bleiben.
- Wer online gebucht hat, erwartet, pünktlich aufgerufen zu werden. Verspätungen von mehr als
  zehn Minuten zeigen wir auf den Monitoren an.
- Manche Vorgänge brauchen gar keinen Termin mehr: Außerbetriebsetzung und Wiederzulassung
  gehen auch internetbasiert (i-Kfz). Darauf weisen wir bei der Buchung hin.
- Die Barrierefreiheit der Buchungsseite nach BITV 2.0 sollte vor dem Kauf geprüft werden,
  nicht danach.

## Ansprechpartnerin

Katrin Berger, Stabsstelle Digitalisierung und Netzwerkkoordination, Landkreis Mayen-Koblenz,
koordination@mayen-koblenz.example.org, Telefon +49 261 0000-1101.
"""

STANDORTE = """\
## Ausgangslage

Der Rhein-Lahn-Kreis hat Publikumsverkehr an mehreren Standorten. Bis vor einigen Jahren
hatte jede Abteilung ihre eigene Lösung für Termine: die Zulassung ein Online-Formular, die
Führerscheinstelle eine Telefonsprechzeit, die Ausländerbehörde eine Warteliste in einer
Tabelle. Wer mehrere Anliegen hatte, musste an mehreren Stellen anfragen.

## Ziel

Eine Oberfläche, über die alle Bereiche mit Publikumsverkehr gebucht werden – einheitlich
gestaltet, barrierefrei und mit denselben Regeln für Erinnerung, Absage und Aufruf.

## Terminarten planen

Der aufwendigste Teil war nicht die Technik, sondern die Frage, welche Anliegen wie lange
dauern und wer sie bearbeiten kann. Jede Abteilung hat dafür zwei Wochen lang die
tatsächliche Dauer ihrer Vorgänge notiert.

| Bereich | Beispiel für eine Terminart | Dauer | buchbar |
|---|---|---|---|
| Ausländerbehörde | Verlängerung des Aufenthaltstitels | 30 Minuten | 6 Wochen im Voraus |
| Ausländerbehörde | Abholung des Aufenthaltstitels | 10 Minuten | 2 Wochen im Voraus |
| Kfz-Zulassungsstelle | Umschreibung mit Halterwechsel | 20 Minuten | 4 Wochen im Voraus |
| Kfz-Zulassungsstelle | Außerbetriebsetzung | 10 Minuten | 4 Wochen im Voraus |
| Führerscheinstelle | Umtausch des Führerscheins | 15 Minuten | 4 Wochen im Voraus |
| Führerscheinstelle | Ersterteilung mit Beratung | 30 Minuten | 4 Wochen im Voraus |

Für die Ausländerbehörde gibt es zusätzlich Termine mit Dolmetschbedarf, die nur an
bestimmten Tagen angeboten werden.

## Umsetzung

- Das Terminvergabesystem ist mandantenfähig: Jede Abteilung pflegt ihre Öffnungszeiten,
  Schalter und Terminarten selbst.
- Die Buchung ist auf Deutsch, Englisch und in Leichter Sprache möglich, für die
  Ausländerbehörde zusätzlich auf Arabisch und Ukrainisch.
- Ein Aufrufsystem zeigt in den Wartebereichen Terminnummern statt Namen.
- Freie Termine werden täglich um 7 Uhr für die kommenden Wochen freigeschaltet, damit nicht
  alles am ersten Tag ausgebucht ist.

## Erfahrungen

Die Wartezeiten vor Ort sind in allen drei Bereichen auf unter 15 Minuten gesunken. Am meisten
profitiert hat die Ausländerbehörde: Statt einer langen Warteliste gibt es planbare Termine,
und unvollständige Unterlagen sind seltener, weil die Terminbestätigung eine Checkliste
enthält. Schwierig bleibt es, wenn die Nachfrage dauerhaft über dem Angebot liegt – dann
verteilt auch die beste Terminvergabe nur den Mangel.

Die Übersicht der Terminsysteme in den Kreisen der AG mit Produkt, Kosten und Anbindung an die
Fachverfahren führen wir weiter; Ergänzungen anderer Kreise sind willkommen.

## Ansprechpartnerin

Melanie Hartmann, Koordinierungsstelle Digitalisierung, Zentrale Dienste, Rhein-Lahn-Kreis,
digital@rhein-lahn.example.org, Telefon +49 2603 0000-8101.
"""

KFZ_UMMELDUNG = """\
## Die Idee

Wer innerhalb des Kreises umzieht, meldet die neue Wohnung im Bürgerbüro seiner Stadt oder
Verbandsgemeinde an – und muss danach für die Kfz-Ummeldung ein zweites Mal zu einer Behörde,
nämlich zur Zulassungsstelle des Kreises. Im gemeinsamen Projekt „Kfz-Ummeldung in den
Bürgerbüros“ soll beides an einem Ort erledigt werden: Das Bürgerbüro nimmt die Ummeldung für
die Zulassungsbehörde an; die Entscheidung und die Verantwortung für das Fahrzeugregister
bleiben beim Kreis.

## Rechtliche Prüfung

Die Prüfung im Projekt hat ergeben, dass die Bürgerbüros als Annahmestellen tätig werden
können, wenn Kreis und Stadt oder Verbandsgemeinde das in einer Vereinbarung regeln. Das
Bürgerbüro handelt dabei im Auftrag der Zulassungsbehörde; die Gebühren stehen dem Kreis zu,
ein Teil wird als Aufwandsentschädigung erstattet.

## Aufgabenteilung

| Aufgabe | Bürgerbüro | Zulassungsstelle des Kreises |
|---|---|---|
| Identität prüfen, Unterlagen annehmen | ja | – |
| Vorgang im Zulassungsverfahren erfassen | ja, mit eingeschränkter Rolle | Zweifelsfälle |
| Zulassungsbescheinigung Teil I ändern | ja | – |
| neues Kennzeichen auf Wunsch, Siegel | ja, aus dem Vorrat des Kreises | Verwaltung des Vorrats |
| Gebühren erheben | ja, im Namen des Kreises | Abrechnung, Erstattung |
| Sonderfälle wie Export oder Oldtimer | Verweis an die Zulassungsstelle | ja |
| Fachaufsicht, Schulung, Hotline | – | ja |

## Was der Kreis bereitstellt

- Zugang zum Zulassungsverfahren mit einer eigenen Rolle für die Bürgerbüros
- Lesegeräte für Ausweis und Zulassungsbescheinigung, einen Siegeldrucker
- einen Vorrat an Kennzeichenschildern und Plaketten mit Nachweispflicht
- zwei Schulungstage und eine Telefonhotline der Zulassungsstelle während der Öffnungszeiten

Städte und Verbandsgemeinden stellen das Personal; im Pilot sind es zwei Beschäftigte im
Bürgerbüro Andernach, die sich gegenseitig vertreten.

## Offene Fragen

- Wie viele Ummeldungen sind zu erwarten? Die Schätzung für Andernach liegt bei 60 bis 90 im
  Monat.
- Lohnt sich ein eigener Kennzeichenvorrat in jedem Bürgerbüro, oder werden Schilder
  nachgeschickt?
- Wie wird die Ummeldung mit der Online-Terminvereinbarung des Bürgerbüros verbunden, damit
  genug Zeit eingeplant ist?

## Nächste Schritte

Als Nächstes wird der Ablauf nach den gemeinsamen BPMN-Vorlagen modelliert. Danach beginnt der
Pilotbetrieb im Bürgerbüro der Stadt Andernach; nach vier Monaten wird ausgewertet und über
die Ausweitung auf weitere Bürgerbüros entschieden.

## Ansprechpartnerinnen

Katrin Berger, Koordinierungsstelle, Landkreis Mayen-Koblenz (Federführung),
koordination@mayen-koblenz.example.org. Für die Stadt Andernach: Laura Becker, Hauptamt –
Digitalisierung, digital@andernach.example.org.
"""

VIDEOBERATUNG = """\
## Ausgangslage

Die Vulkaneifel ist der einwohnerschwächste Landkreis in Rheinland-Pfalz, die Wege sind weit
und der Busverkehr ist dünn. Für ein Beratungsgespräch im Sozialamt in Daun – etwa zur
Grundsicherung, zur Hilfe zur Pflege oder zu Leistungen für Bildung und Teilhabe – waren
manche Ratsuchende einen halben Tag unterwegs. Viele Fragen lassen sich aber in einem
Gespräch klären, ohne dass jemand Unterlagen über den Tisch reichen muss.

## Das Angebot

- Beratungstermine werden über die Online-Terminvereinbarung gebucht; bei der Buchung wählen
  Ratsuchende „vor Ort“ oder „per Video“.
- Wer per Video beraten wird, erhält mit der Bestätigung einen Link. Es wird weder eine App
  noch ein Konto benötigt; ein aktueller Browser auf Smartphone, Tablet oder Computer genügt.
- Unterlagen können vorab über ein sicheres Upload-Formular übermittelt werden.
- Für Menschen ohne eigenes Gerät gibt es die Videoberatung in den Dorfbüros: Ehrenamtliche
  helfen beim Verbinden und verlassen dann auf Wunsch den Raum.

## Technik und Datenschutz

Wir nutzen eine Videokonferenzlösung, die im Rechenzentrum unseres IT-Dienstleisters betrieben
wird; die Verbindung ist verschlüsselt, Aufzeichnungen sind technisch abgeschaltet. Der
Einsatz ist in einer Datenschutz-Folgenabschätzung bewertet und im Verzeichnis der
Verarbeitungstätigkeiten dokumentiert. Zu Beginn jedes Gesprächs wird die Identität mit einer
Frage zu Angaben aus der Buchung geprüft; Ausweise werden nicht in die Kamera gehalten.

## Zahlen aus dem Pilotjahr

| Kennzahl | Wert |
|---|---|
| Beratungen per Video | rund 420 |
| Anteil an allen Beratungen im Sozialamt | etwa 22 % |
| davon aus den Dorfbüros | rund 60 |
| Gespräche mit technischen Problemen | 7 % |
| eingesparte Anfahrtswege (geschätzt) | über 20 000 km |

## Erfahrungen

- Die Gespräche sind kürzer und konzentrierter als vor Ort, weil die Unterlagen vorab
  vorliegen.
- Ein Test-Link, über den Ratsuchende vorher Kamera und Mikrofon prüfen können, hat die
  technischen Probleme halbiert.
- Beraterinnen und Berater brauchen ein Headset und einen ruhigen Raum; aus einem
  Großraumbüro funktioniert Videoberatung nicht.
- Nicht jedes Anliegen eignet sich: Bei Krisen oder schwierigen Familiensituationen bieten wir
  das persönliche Gespräch oder einen Hausbesuch an.

## Ansprechpartner

Sebastian Krüger, Digitalbeauftragter, Stabsstelle Digitalisierung, Landkreis Vulkaneifel,
digital@vulkaneifel.example.org, Telefon +49 6592 0000-9101.
"""

ARTICLES = (
    ArticleText(
        slug="online-terminvereinbarung-kfz-zulassungsstelle",
        title="Online-Terminvereinbarung in der Kfz-Zulassungsstelle",
        summary=(
            "An beiden Standorten der Kfz-Zulassungsstelle des Landkreises Mayen-Koblenz "
            "werden alle Termine online vergeben. Kennzahlen vor und nach der Umstellung, die "
            "Wirkung der Erinnerung per E-Mail, Kosten und Tipps zur Terminplanung."),
        body=KFZ_TERMINE,
        category=CATEGORY, administration=MYK, visibility=PUBLIC, written=(2, 14),
        tags=("Terminvereinbarung", "Kfz-Zulassung", "Zulassungsstelle", "Wartezeit",
              "Bürgerservice"),
        topics=("online-terminvereinbarung",),
        meetings=(2,),
    ),
    ArticleText(
        slug="terminvergabe-fuer-alle-standorte",
        title="Eine Terminvergabe für Ausländerbehörde, Zulassung und Führerscheinstelle",
        summary=(
            "Im Rhein-Lahn-Kreis buchen Bürgerinnen und Bürger Termine für Ausländerbehörde, "
            "Kfz-Zulassungsstelle und Führerscheinstelle über eine gemeinsame Oberfläche. Wie "
            "wir Terminarten, Dauer und Buchungsfristen geplant haben."),
        body=STANDORTE,
        category=CATEGORY, administration=EMS, visibility=PUBLIC, written=(2, 50),
        tags=("Terminvereinbarung", "Terminvergabe", "Ausländerbehörde", "Führerscheinstelle",
              "Kfz-Zulassung"),
        topics=("online-terminvereinbarung",),
        meetings=(2,),
    ),
    ArticleText(
        slug="kfz-ummeldung-im-buergerbuero-aufgabenteilung",
        title="Kfz-Ummeldung im Bürgerbüro: wer macht was?",
        summary=(
            "Im gemeinsamen Projekt sollen die Bürgerbüros von Städten und Verbandsgemeinden "
            "Kfz-Ummeldungen für die Zulassungsbehörde des Kreises annehmen. Die vereinbarte "
            "Aufgabenteilung, offene Fragen und der Plan für den Pilot in Andernach."),
        body=KFZ_UMMELDUNG,
        category=CATEGORY, administration=MYK, visibility=INTERNAL, written=(8, 29),
        author=COORDINATOR,
        tags=("Kfz-Ummeldung", "Bürgerbüro", "Zulassungsstelle", "Umzug",
              "gemeinsames Projekt"),
        topics=("kfz-ummeldung-buergerbuero", "ozg-onlinedienste"),
        projects=("kfz-ummeldung-buergerbueros",),
        meetings=(8,),
    ),
    ArticleText(
        slug="videoberatung-im-sozialamt",
        title="Videoberatung im Sozialamt: Beratung ohne lange Anfahrt",
        summary=(
            "Im Landkreis Vulkaneifel buchen Ratsuchende Beratungstermine im Sozialamt online "
            "und nehmen sie per Video wahr, auf Wunsch auch im Dorfbüro. Technik, Datenschutz "
            "und Zahlen aus dem Pilotjahr – wie in der Sitzung in Daun vereinbart."),
        body=VIDEOBERATUNG,
        category=CATEGORY, administration=DAU, visibility=PUBLIC, written=(7, 38),
        tags=("Videoberatung", "Sozialamt", "Terminvereinbarung", "Videokonferenz",
              "Dorfbüro", "ländlicher Raum"),
        topics=("webseminare-videokonferenzen", "online-terminvereinbarung", "smart-region"),
        meetings=(7,),
    ),
)
