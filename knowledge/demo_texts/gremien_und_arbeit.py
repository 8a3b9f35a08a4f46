"""Demo articles of the categories "Gremien und Sitzungsdienst" and "Arbeitsorganisation und
mobiles Arbeiten"."""

from .spec import (
    AW,
    COORDINATOR,
    INTERNAL,
    NR,
    PUBLIC,
    SIM,
    VG_RHEIN_MOSEL,
    ArticleText,
    Revision,
)

GREMIEN = "gremien-und-sitzungsdienst"
ARBEIT = "arbeitsorganisation-und-mobiles-arbeiten"

KREISTAG = """\
## Ausgangslage

Der Kreistag des Landkreises Ahrweiler hat über 40 Mitglieder, dazu kommen die Ausschüsse mit
ihren stellvertretenden Mitgliedern. Vor jeder Sitzungsrunde druckte der Sitzungsdienst
Einladungen, Vorlagen und Anlagen, kuvertierte sie und ließ sie durch Boten verteilen – bei
einem Haushaltsentwurf mehrere hundert Seiten pro Person. Änderungen nach dem Versand
bedeuteten Tischvorlagen und Nachsendungen.

## Lösung

- **Ratsinformationssystem:** Einladungen, Tagesordnungen, Vorlagen und Niederschriften
  stehen im Ratsinformationssystem bereit; den öffentlichen Teil sieht jede und jeder auf der
  Website des Kreises.
- **Tablets mit App:** Jedes Mitglied erhält ein dienstliches Tablet mit der App des
  Ratsinformationssystems. Unterlagen werden automatisch synchronisiert und können offline
  gelesen und kommentiert werden. Notizen bleiben privat.
- **Elektronische Einladung:** Die Hauptsatzung wurde so geändert, dass zu Sitzungen
  elektronisch eingeladen werden kann. Wer ausdrücklich Papier möchte, bekommt es weiterhin.
- **Nutzungsrichtlinie:** Sie regelt, wofür das Tablet genutzt werden darf, wie die Geräte
  gesichert sind und was bei Verlust zu tun ist. Die Richtlinie liegt diesem Artikel bei.

## Kosten und Einsparungen

| Position | Betrag pro Jahr |
|---|---|
| Tablets mit Hülle und Stift, anteilig bei vier Jahren Nutzung | rund 9 500 Euro |
| Mobilfunkverträge | rund 6 000 Euro |
| Geräteverwaltung und Support durch die IT | rund 0,2 Stellen |
| eingesparter Druck, Papier und Toner | rund 14 000 Euro |
| eingesparte Botengänge und Porto | rund 8 000 Euro |

Unter dem Strich trägt sich die Umstellung finanziell; der größere Gewinn ist aber Zeit. Der
Sitzungsdienst spart pro Sitzungsrunde rund drei Arbeitstage, und Nachträge erreichen alle
Mitglieder sofort.

## Was wichtig war

- **Schulungen in kleinen Gruppen**, getrennt nach Vorkenntnissen, und eine Sprechstunde vor
  den ersten Sitzungen. Eine einzige große Schulung hätte nicht gereicht.
- **Fraktionen einbinden:** Die Fraktionsgeschäftsstellen arbeiten mit denselben Unterlagen;
  sie haben früh einen Zugang bekommen.
- **WLAN im Sitzungssaal** mit ausreichender Kapazität – vorher testen, wenn alle gleichzeitig
  große Anlagen öffnen.
- **Ein Ersatzgerät** und geladene Powerbanks liegen in jeder Sitzung bereit.

## Ansprechpartner

Tobias Schmitz, Digitalbeauftragter, Stabsstelle Verwaltungsmodernisierung, Landkreis
Ahrweiler, digital@ahrweiler.example.org, Telefon +49 2641 0000-2201.
"""

KREISTAG_NEUE_MITGLIEDER = """\
## Neue Mitglieder

Mitglieder, die während der Wahlperiode nachrücken, erhalten ihr Tablet in einem Einzeltermin
mit dem Sitzungsdienst, bei dem auch die Nutzungsrichtlinie erläutert wird. Von allen
Mitgliedern haben sich bisher nur zwei für Sitzungsunterlagen auf Papier entschieden.

## Ansprechpartner"""

ORTSGEMEINDEN = """\
## Ausgangslage

Die Verbandsgemeindeverwaltung Rhein-Mosel führt den Sitzungsdienst nicht nur für den
Verbandsgemeinderat und seine Ausschüsse, sondern auch für 18 Ortsgemeinden. Das sind rund
250 Sitzungen im Jahr, die meisten abends in Gemeindehäusern, vorbereitet von
ehrenamtlichen Ortsbürgermeisterinnen und Ortsbürgermeistern. Einladungen und Vorlagen wurden
gedruckt und über die Ortsbürgermeister verteilt; Niederschriften schrieb die Verwaltung nach
der Sitzung von handschriftlichen Notizen ab.

## Vorgehen in Etappen

Wir haben nicht alle Gremien auf einmal umgestellt, sondern in drei Etappen:

| Etappe | Gremien | Dauer | Besonderheit |
|---|---|---|---|
| 1 | Verbandsgemeinderat und Ausschüsse | 4 Monate | Tablets für alle Mitglieder |
| 2 | vier größere Ortsgemeinden | 3 Monate | eigene Geräte erlaubt |
| 3 | die übrigen 14 Ortsgemeinden | 6 Monate | Schulung vor Ort an Ratsabenden |

## Eigene Geräte oder Tablets?

Für die Ortsgemeinderäte haben wir keine Tablets beschafft. Die Mitglieder nutzen das
Ratsinformationssystem mit ihrem eigenen Smartphone, Tablet oder Computer im Browser oder in
der App. Voraussetzung ist eine Erklärung zur Nutzung privater Geräte: Vertrauliche Unterlagen
werden nur in der App geöffnet, die sie verschlüsselt speichert, und weder heruntergeladen
noch weitergeleitet. Wer kein geeignetes Gerät hat, erhält die Unterlagen weiterhin auf
Papier – das betrifft derzeit etwa jedes siebte Ratsmitglied.

## Was sich für den Sitzungsdienst geändert hat

- Vorlagen werden einmal im Ratsinformationssystem erstellt und für mehrere Gremien
  verwendet, etwa wenn ein Thema erst im Ausschuss und dann im Rat beraten wird.
- Die Ortsbürgermeisterinnen und Ortsbürgermeister geben Tagesordnungen im System frei, statt
  sie per E-Mail abzustimmen.
- Niederschriften entstehen während der Sitzung direkt im System und sind wenige Tage später
  für alle Mitglieder abrufbar.
- Die öffentlichen Bekanntmachungen der Sitzungstermine werden aus dem System erzeugt.

## Aufwand und Kosten

Das Ratsinformationssystem wird beim IT-Zweckverband Mittelrhein betrieben. Die Lizenzkosten
für alle 19 Räte mit ihren Ausschüssen liegen bei rund 11 000 Euro im Jahr, die Tablets für den
Verbandsgemeinderat kosteten einmalig rund 14 000 Euro. Der Schulungsaufwand war größer als
gedacht: Insgesamt haben wir 26 Schulungsabende angeboten.

## Was wir gelernt haben

- Die Ortsbürgermeisterinnen und Ortsbürgermeister sind der Schlüssel. Wo sie überzeugt
  waren, folgte der Rat schnell.
- Ein kurzes Erklärvideo zur Anmeldung hat mehr gebracht als ein ausführliches Handbuch.
- Für Sitzungen in Gemeindehäusern ohne WLAN müssen die Unterlagen vorher offline geladen
  werden; daran erinnert eine Nachricht am Sitzungstag.

## Ansprechpartner

Dominik Jung, Digitalbeauftragter, Zentrale Dienste, Verbandsgemeinde Rhein-Mosel,
digital@vg-rhein-mosel.example.org, Telefon +49 2607 0000-1801.
"""

MOBILES_ARBEITEN = """\
## Ausgangslage

Wie viele Verwaltungen hat der Rhein-Hunsrück-Kreis das Arbeiten im Homeoffice zunächst als
Notlösung eingeführt. Danach wollten Beschäftigte wie Führungskräfte es nicht mehr missen, aber
es fehlten klare Regeln: Wer darf, wie oft, mit welcher Ausstattung, und wie bleibt das Team
erreichbar? Nach einem Pilotjahr in vier Abteilungen haben Verwaltungsleitung und Personalrat
eine Dienstvereinbarung zum mobilen Arbeiten abgeschlossen.

## Die wichtigsten Regelungen

- **Freiwilligkeit:** Mobiles Arbeiten ist ein Angebot, keine Pflicht. Niemand muss seinen
  Arbeitsplatz in der Dienststelle aufgeben.
- **Umfang:** bis zu zwei Tage pro Woche, abgestimmt im Team; Ausnahmen sind möglich, etwa
  bei der Pflege von Angehörigen.
- **Eignung:** Die Führungskraft prüft, ob sich die Aufgaben eignen. Eine Ablehnung wird
  begründet; der Personalrat kann hinzugezogen werden.
- **Erreichbarkeit:** Es gilt eine Kernzeit von 9 bis 12 Uhr. Außerhalb der vereinbarten
  Arbeitszeit besteht keine Pflicht zur Erreichbarkeit.
- **Ausstattung:** Der Kreis stellt Notebook, Headset und den Zugang über eine gesicherte
  Verbindung. Ein zweiter Bildschirm kann ausgeliehen werden. Private Geräte sind nicht
  erlaubt.
- **Datenschutz und Informationssicherheit:** Papierunterlagen mit personenbezogenen Daten
  bleiben grundsätzlich in der Dienststelle; Bildschirme dürfen für Dritte nicht einsehbar
  sein.
- **Arbeitsschutz:** Mobiles Arbeiten ist keine Telearbeit im Sinne der
  Arbeitsstättenverordnung; alle Beschäftigten erhalten aber eine Unterweisung zur Gestaltung
  ihres Arbeitsplatzes.

## Erfahrungen nach einem Jahr

| Frage der Befragung (412 Antworten) | Ergebnis |
|---|---|
| Nutzen Sie das mobile Arbeiten? | 71 % ja, meist an ein bis zwei Tagen |
| Hat sich die Zusammenarbeit im Team verändert? | 64 % nein, 21 % besser, 15 % schlechter |
| Sind Sie mit der Ausstattung zufrieden? | 82 % zufrieden oder sehr zufrieden |
| Soll die Regelung bleiben? | 93 % ja |

Die Führungskräfte berichten, dass Absprachen verbindlicher geworden sind. Schwierig bleibt es
in Teams mit viel Publikumsverkehr: Dort muss der Dienstplan das mobile Arbeiten ausdrücklich
vorsehen, sonst entsteht Unmut bei denen, die vor Ort bleiben.

## Was sich bewährt hat

- Besprechungsräume mit Videotechnik, damit hybride Besprechungen für alle gleich gut
  funktionieren.
- Ein Teamkalender, in den alle eintragen, wo sie arbeiten.
- Ein fester Präsenztag pro Team, an dem keine Videokonferenzen angesetzt werden.
- Die jährliche Auswertung mit dem Personalrat, die in der Dienstvereinbarung verankert ist.

## Muster und Ansprechpartner

Die Muster-Dienstvereinbarung liegt diesem Artikel bei und darf angepasst und nachgenutzt
werden. Ansprechpartner: Martin Zimmermann, Stabsstelle Digitalisierung, Rhein-Hunsrück-Kreis,
digital@rhein-hunsrueck.example.org, Telefon +49 6761 0000-7101.
"""

MOBILES_ARBEITEN_ZEIT = """\
  ihres Arbeitsplatzes.
- **Arbeitszeit:** Die Arbeitszeit wird auch beim mobilen Arbeiten elektronisch erfasst; gebucht
  wird im Browser über das Zeiterfassungsportal."""

NOTEBOOKS = """\
## Ausgangslage

Als die Kreisverwaltung Neuwied das mobile Arbeiten ausweiten wollte, standen auf den meisten
Schreibtischen noch Standrechner. Für das Homeoffice gab es einen Pool von 120 Leihgeräten –
zu wenig, und jede Ausleihe bedeutete Aufwand für die IT. Gleichzeitig stand ohnehin der
turnusmäßige Austausch von rund 850 Arbeitsplatzrechnern an. Wir haben beides verbunden: Jeder
Arbeitsplatz bekommt bei der Erneuerung ein Notebook mit Dockingstation.

## Der Standardarbeitsplatz

- Notebook mit Dockingstation, zwei Bildschirmen, Tastatur und Maus am Schreibtisch
- Headset für Telefon und Videokonferenzen; telefoniert wird über den Rechner, sodass die
  Durchwahl überall erreichbar ist
- verschlüsselte Festplatte, Anmeldung mit zweitem Faktor, Zugang zum Verwaltungsnetz über
  eine gesicherte Verbindung
- Softwareverteilung und Updates auch außerhalb des Hauses

## Zeitplan

| Abschnitt | Zeitraum | Geräte | Stand |
|---|---|---|---|
| Konzept, Ausschreibung, Personalrat | Monate 1–5 | – | abgeschlossen |
| Pilot in der IT und in zwei Abteilungen | Monat 6 | 60 | abgeschlossen |
| Welle 1: Zentrale Dienste, Soziales | Monate 7–9 | 310 | abgeschlossen |
| Welle 2: Bürgerservice und Verkehr, Jugend | Monate 10–12 | 200 | abgeschlossen |
| Welle 3: Bauen, Umwelt, Gesundheit | Monate 13–15 | 280 | läuft |

## Kosten

| Position | Betrag |
|---|---|
| Notebook mit Dockingstation, je Arbeitsplatz | rund 1 350 Euro |
| zweiter Bildschirm und Headset, je Arbeitsplatz | rund 260 Euro |
| externe Unterstützung beim Rollout | rund 85 000 Euro |
| Mehrkosten gegenüber Standrechnern insgesamt | rund 190 000 Euro |

Ein großer Teil der Mehrkosten wird wieder eingespart, weil der Leihgerätepool und seine
Verwaltung wegfallen.

## Erfahrungen

- **Einzeltermine statt Sammeltermine:** 20 Minuten Übergabe am Arbeitsplatz, einschließlich
  Anmeldung und Test von Headset und Videokonferenz. Sammeltermine haben im Pilot nicht
  funktioniert.
- **Fachverfahren zuerst testen:** Einige ältere Fachverfahren liefen nur im Netz des Hauses;
  für zwei mussten wir eine Terminalserver-Lösung einrichten.
- **Daten ins Netz:** Vor dem Tausch haben wir alle lokal gespeicherten Daten in persönliche
  Ablagen im Netz verschoben.
- **Besprechungsräume gehören dazu:** Wenn die Hälfte der Teilnehmenden aus dem Homeoffice
  zugeschaltet ist, braucht auch der Raum gute Kamera- und Tontechnik. Die Ausstattung der
  Räume ist deshalb Teil des Projekts geworden.

## Ansprechpartnerin

Petra Schwarz, IT-Leitung, Informationstechnik, Landkreis Neuwied,
it-leitung@neuwied.example.org, Telefon +49 2631 0000-6180.
"""

ARTICLES = (
    ArticleText(
        slug="papierlose-kreistagsarbeit-mit-tablets",
        title="Papierlose Kreistagsarbeit mit Tablets und Ratsinformationssystem",
        summary=(
            "Kreistag und Ausschüsse des Landkreises Ahrweiler arbeiten ohne gedruckte "
            "Sitzungsunterlagen. Wie Ausstattung, Schulung und Nutzungsrichtlinie geregelt "
            "sind, was die Umstellung gekostet hat und was sie spart."),
        body=KREISTAG,
        category=GREMIEN, administration=AW, visibility=PUBLIC, written=(4, 18),
        tags=("papierlose Ratsarbeit", "Ratsinformationssystem", "Sitzungsdienst", "Kreistag",
              "Tablets"),
        topics=("papierlose-ratsarbeit",),
        meetings=(4,),
        revision=Revision(
            message="Einweisung nachrückender Mitglieder ergänzt", days=300,
            edits=(("## Ansprechpartner", KREISTAG_NEUE_MITGLIEDER),), by=COORDINATOR),
    ),
    ArticleText(
        slug="papierloser-sitzungsdienst-ortsgemeinden",
        title="Papierloser Sitzungsdienst für Verbandsgemeinderat und 18 Ortsgemeinderäte",
        summary=(
            "Die Verbandsgemeinde Rhein-Mosel führt den Sitzungsdienst für ihren "
            "Verbandsgemeinderat und 18 Ortsgemeinderäte digital. Rollout in drei Etappen, "
            "ehrenamtliche Ortsbürgermeister und die Frage, ob jedes Ratsmitglied ein Tablet "
            "braucht."),
        body=ORTSGEMEINDEN,
        category=GREMIEN, administration=VG_RHEIN_MOSEL, visibility=PUBLIC, written=(7, 50),
        tags=("Sitzungsdienst", "Ratsinformationssystem", "papierlose Ratsarbeit",
              "Ortsgemeinde", "Ehrenamt"),
        topics=("papierlose-ratsarbeit",),
    ),
    ArticleText(
        slug="mobiles-arbeiten-dienstvereinbarung",
        title="Mobiles Arbeiten: Erfahrungen nach einem Jahr Dienstvereinbarung",
        summary=(
            "Nach einem Pilotjahr hat der Rhein-Hunsrück-Kreis das mobile Arbeiten in einer "
            "Dienstvereinbarung geregelt. Was darin steht, wie Ausstattung und Erreichbarkeit "
            "gelöst sind und was eine Befragung nach einem Jahr zeigt. Mit Muster."),
        body=MOBILES_ARBEITEN,
        category=ARBEIT, administration=SIM, visibility=PUBLIC, written=(6, 25),
        tags=("mobiles Arbeiten", "Homeoffice", "Dienstvereinbarung", "Personalrat",
              "Arbeitsorganisation"),
        topics=("mobiles-arbeiten", "webseminare-videokonferenzen"),
        meetings=(6,),
        revision=Revision(
            message="Regelung zur Arbeitszeiterfassung ergänzt", days=120,
            edits=(("  ihres Arbeitsplatzes.", MOBILES_ARBEITEN_ZEIT),)),
    ),
    ArticleText(
        slug="notebook-rollout-homeoffice",
        title="Homeoffice-fähige Arbeitsplätze: Notebook-Rollout in der Kreisverwaltung",
        summary=(
            "Der Landkreis Neuwied tauscht alle Arbeitsplatzrechner gegen Notebooks mit "
            "Dockingstation. Standardarbeitsplatz, Zeitplan in Wellen, Kosten und die "
            "Erfahrungen aus den ersten zwei Dritteln des Rollouts."),
        body=NOTEBOOKS,
        category=ARBEIT, administration=NR, visibility=INTERNAL, written=(7, 20),
        tags=("Homeoffice", "mobiles Arbeiten", "Notebook", "Rollout", "Arbeitsplatz-IT"),
        topics=("mobiles-arbeiten", "webseminare-videokonferenzen"),
    ),
)
