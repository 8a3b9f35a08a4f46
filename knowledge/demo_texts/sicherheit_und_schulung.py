"""Demo articles of the categories "IT-Sicherheit und Datenschutz" and "Schulung und
Wissenstransfer"."""

from .spec import AK, AW, INTERNAL, ITZ, MYK, MZ, PUBLIC, ArticleText

SICHERHEIT = "it-sicherheit-und-datenschutz"
SCHULUNG = "schulung-und-wissenstransfer"

NOTFALLHANDBUCH = """\
## Warum ein Notfallhandbuch?

Die Kreisverwaltung Ahrweiler weiß aus eigener Erfahrung, wie schnell Gebäude, Leitungen und
Akten unerreichbar werden können. Gerade dann muss eine Verwaltung aber arbeiten: Leistungen
auszahlen, Genehmigungen erteilen, die Bevölkerung informieren. Das Notfallhandbuch
beschreibt, wer im Notfall was entscheidet, welche Dienste zuerst wieder laufen müssen und wie
das geht.

Als Rahmen dient der BSI-Standard 200-4 zum Business Continuity Management, in einer für eine
Kreisverwaltung verschlankten Form.

## Aufbau des Handbuchs

1. **Alarmierung und Notfallstab:** Wer ruft den Notfall aus, wer gehört zum Stab, wie
   erreichen wir uns ohne die eigene Telefonanlage?
2. **Kritische Geschäftsprozesse:** Welche Leistungen dürfen wie lange ausfallen?
3. **Wiederanlaufpläne:** Für jedes kritische Fachverfahren ein Plan auf zwei Seiten mit
   Abhängigkeiten, Ansprechpartnern beim Hersteller und der Reihenfolge der Schritte.
4. **Ausweicharbeitsplätze:** Notebooks, Räume in anderen Dienstgebäuden, mobiles Arbeiten.
5. **Kommunikation:** Vorlagen für Website, soziale Medien und Presse, auch ohne Zugriff auf
   das Redaktionssystem.
6. **Papier als Rückfallebene:** Vordrucke für die wichtigsten Leistungen, damit Anträge auch
   ohne IT angenommen werden können.

## Prioritäten der Fachverfahren

| Priorität | maximal tolerierbare Ausfallzeit | Beispiele |
|---|---|---|
| 1 | 24 Stunden | Zahlungsverkehr, Sozialleistungen, Gefahrenabwehr, Telefonie |
| 2 | 3 Tage | Kfz-Zulassung, Ausländerbehörde, E-Akte |
| 3 | 2 Wochen | Bauaufsicht, Personalverwaltung |
| 4 | länger | Archiv, Statistik |

## Die jährliche Übung

Einmal im Jahr üben wir den Wiederanlauf eines Verfahrens der Priorität 1 oder 2 tatsächlich
und nicht nur am Tisch: Die Daten werden aus der Sicherung in eine Testumgebung
zurückgespielt, die Fachabteilung prüft, ob alles vollständig ist, und wir messen die Zeit.
Bei der letzten Übung dauerte der Wiederanlauf eines Sozialverfahrens neun statt der geplanten
sechs Stunden – vor allem, weil eine Lizenzdatei fehlte, die nirgends dokumentiert war.

## Was wir gelernt haben

- Ein Handbuch, das nur auf dem Server liegt, hilft im Notfall nicht. Jedes Mitglied des
  Notfallstabs hat eine gedruckte Fassung und eine verschlüsselte auf einem dienstlichen
  Mobilgerät.
- Die Wiederanlaufpläne schreiben Fachabteilungen und IT gemeinsam, sonst fehlt die Hälfte.
- Übungen decken Lücken auf, die kein Audit findet. Planen Sie die Zeit für Nacharbeiten
  gleich mit ein.

## Vorlage und Ansprechpartnerin

Eine Vorlage für das Notfallhandbuch geben wir Mitgliedern gern weiter. Ansprechpartnerin:
Julia Krämer, Informationssicherheit, Zentrale Dienste, Landkreis Ahrweiler,
informationssicherheit@ahrweiler.example.org, Telefon +49 2641 0000-2245.
"""

ISB = """\
## Ausgangslage

Jede Verwaltung braucht eine Informationssicherheitsbeauftragte oder einen
Informationssicherheitsbeauftragten, der das Sicherheitsmanagement steuert, Risiken bewertet
und die Verwaltungsleitung berät. In kleineren Kreisen und Verbandsgemeinden ist diese Aufgabe
oft nebenbei der IT-Leitung zugeordnet, die sich dann selbst kontrollieren soll, oder sie
bleibt unbesetzt, weil sich auf eine halbe Stelle niemand bewirbt.

In der Sitzung in Simmern hat der IT-Zweckverband Mittelrhein angeboten, eine Beauftragte für
mehrere Verwaltungen zu stellen. Die Landkreise Cochem-Zell und Vulkaneifel und der
Rhein-Hunsrück-Kreis nutzen das Angebot seit der Sitzung in Daun für ein Pilotjahr.

## Leistungsumfang

- förmliche Bestellung zur Informationssicherheitsbeauftragten jeder teilnehmenden Verwaltung
- zwei feste Präsenztage im Monat je Verwaltung, dazu Erreichbarkeit per Telefon und Video
- Aufbau und Fortschreibung des Sicherheitskonzepts nach dem IT-Grundschutz des BSI
- jährlicher Bericht an die Verwaltungsleitung
- Mitwirkung bei Sicherheitsvorfällen, Abstimmung mit Datenschutz und IT
- gemeinsame Sensibilisierungsschulungen für die Beschäftigten aller Beteiligten

## Aufgabenteilung

| Aufgabe | Beauftragte des Zweckverbands | Verwaltung |
|---|---|---|
| Sicherheitsleitlinie | entwerfen | beschließen und in Kraft setzen |
| Strukturanalyse und Schutzbedarf | anleiten, prüfen | Informationen liefern |
| Sicherheitsmaßnahmen | beraten, nachhalten | umsetzen (IT, Fachabteilungen) |
| Sicherheitsvorfälle | bewerten, beraten | melden, Sofortmaßnahmen |
| Schulungen | durchführen | Teilnahme ermöglichen |

## Kosten

Der Zweckverband rechnet pauschal ab: rund 24 000 Euro im Jahr je Verwaltung für zwei
Präsenztage im Monat, einschließlich der gemeinsamen Schulungen. Eine eigene halbe Stelle wäre
nach Schätzung der Kreise teurer geworden – wenn sie sich überhaupt hätte besetzen lassen.

## Erste Erfahrungen

- Die Unabhängigkeit von der eigenen IT-Leitung wird geschätzt; Konflikte lassen sich offener
  ansprechen.
- Die Beauftragte bringt Lösungen aus einer Verwaltung in die anderen mit. Die Strukturanalyse
  war im zweiten und dritten Kreis deutlich schneller fertig als im ersten.
- Ohne feste Ansprechperson in jeder Verwaltung geht es nicht. Bewährt hat sich eine
  Koordinatorin oder ein Koordinator in den Zentralen Diensten mit wenigen Stunden pro Woche.
- Präsenztage müssen langfristig geplant werden; spontane Termine sind kaum möglich.

Nach dem Pilotjahr wertet die AG die Erfahrungen aus; die übrigen Kreise entscheiden danach,
ob sie sich beteiligen. Hintergründe zum IT-Grundschutz bietet das Bundesamt für Sicherheit
in der Informationstechnik unter <https://www.bsi.bund.de/>.

## Ansprechpartnerin

Susanne Graf, Informationssicherheit, IT-Zweckverband Mittelrhein,
isb@itz-mittelrhein.example.org, Telefon +49 261 0000-1920.
"""

VIDEOKONFERENZEN = """\
## Wozu diese Checkliste?

Videokonferenzen gehören in der Kreisverwaltung Mainz-Bingen zum Alltag: interne
Besprechungen, Abstimmungen mit den Gemeinden, Webseminare für Bürgerinnen und Bürger,
Beratungsgespräche. Der Datenschutz wird dabei oft erst gefragt, wenn etwas schiefgegangen
ist. Die folgende Checkliste hilft, die wichtigsten Punkte vorher zu klären. Sie ersetzt nicht
die Beratung durch die Datenschutzbeauftragte oder den Datenschutzbeauftragten im eigenen
Haus.

## Checkliste

| Nr. | Prüfpunkt | erledigt |
|---|---|---|
| 1 | Dienst mit Betrieb in der EU oder nachgewiesenem Schutzniveau ausgewählt | ☐ |
| 2 | Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO geschlossen | ☐ |
| 3 | Verarbeitungstätigkeit im Verzeichnis nach Art. 30 DSGVO eingetragen | ☐ |
| 4 | Datenschutzhinweise veröffentlicht und in Einladungen verlinkt | ☐ |
| 5 | Warteraum und Zugangscode für externe Teilnehmende aktiviert | ☐ |
| 6 | Aufzeichnung standardmäßig ausgeschaltet | ☐ |
| 7 | Bildschirmfreigabe nur durch die Moderation, Fenster statt ganzer Bildschirm | ☐ |
| 8 | Chatverläufe werden nicht dauerhaft gespeichert | ☐ |
| 9 | Personalrat beteiligt, weil eine Leistungs- oder Verhaltenskontrolle möglich ist | ☐ |
| 10 | bei Beratungen mit Gesundheits- oder Sozialdaten: Folgenabschätzung geprüft | ☐ |

## Aufzeichnungen von Webseminaren

Webseminare zeichnen wir nur auf, wenn ausschließlich die Vortragenden zu sehen und zu hören
sind. Teilnehmende werden zu Beginn gebeten, Fragen im Chat zu stellen; der Chat ist nicht
Teil der Aufzeichnung. Die Vortragenden willigen vorher schriftlich ein.

## Häufige Fehler

- Einladungslinks zu internen Besprechungen werden öffentlich geteilt, etwa auf der Website.
- Beschäftigte nehmen aus einem Großraumbüro an vertraulichen Besprechungen teil.
- Die Bildschirmfreigabe zeigt das Postfach mit eingehenden Nachrichten.
- Für Fachgespräche wird ein privates Konto genutzt, weil es „schneller geht“.

## Barrierefreiheit

Öffentliche Webseminare sollen für alle zugänglich sein; die Anforderungen der BITV 2.0 sind
ein guter Maßstab: Folien vorab bereitstellen, Untertitel oder eine Mitschrift anbieten, die
Bedienung der Oberfläche mit der Tastatur prüfen.

## Ansprechpartnerin

Nicole Schröder, Datenschutz, Zentrale Dienste, Landkreis Mainz-Bingen,
datenschutz@mainz-bingen.example.org, Telefon +49 6132 0000-5160.
"""

WEBSEMINARE = """\
## Die Idee

Fortbildung zur Digitalisierung scheitert selten am Interesse, sondern an der Zeit: Ein ganzer
Schulungstag ist für viele Beschäftigte schwer zu organisieren. „Digital fit“ setzt deshalb auf
kurze Formate – 30 Minuten Webseminar in der Mittagspause, dazu kurze Lernvideos im Intranet.
Die Teilnahme ist freiwillig und zählt als Arbeitszeit. Inzwischen ist „Digital fit“ Teil des
gemeinsamen Fortbildungsprogramms, an dem sich sieben Kreise der AG beteiligen.

## Themen

| Reihe | Beispiele | Dauer |
|---|---|---|
| Grundlagen | Dateiablage und Suche, sichere Passwörter, Videokonferenzen leiten | 30 Minuten |
| E-Akte | Vorgänge anlegen, Dokumente mitzeichnen, Vertretung einrichten | 30 Minuten |
| Onlinedienste | Was Bürgerinnen und Bürger sehen: ein Antrag von außen | 30 Minuten |
| Arbeiten im Team | mobiles Arbeiten, hybride Besprechungen, Teamkalender | 30 Minuten |
| Informationssicherheit | Phishing erkennen, Verhalten bei Sicherheitsvorfällen | 45 Minuten |

## So führen wir ein Webseminar durch

1. **Zwei Rollen:** Eine Person trägt vor, eine zweite moderiert. Sie lässt Teilnehmende
   herein, beobachtet den Chat, sammelt Fragen und hilft bei Technikproblemen.
2. **Technikprobe 15 Minuten vorher:** Ton, Bildschirmfreigabe, Folien, Umfragen. Die
   Vortragenden nutzen ein Headset, nie das eingebaute Mikrofon des Notebooks.
3. **Aufbau:** fünf Minuten Einstieg mit einer Frage an die Teilnehmenden, höchstens
   15 Minuten Vortrag mit Vorführung, zehn Minuten für Fragen.
4. **Vorführen statt erklären:** Wir zeigen die Anwendung live statt in Screenshots. Ein
   Testkonto mit Beispieldaten verhindert, dass echte Daten zu sehen sind.
5. **Nach dem Seminar:** Folien und ein Handout mit den drei wichtigsten Schritten gehen an
   alle Angemeldeten. Gute Seminare werden als Lernvideo nachproduziert.

## Zahlen

Im ersten Jahr haben wir 38 Webseminare mit zusammen rund 1 900 Teilnahmen angeboten; die
durchschnittliche Bewertung lag bei 4,5 von 5 Punkten. Am gefragtesten waren Seminare zur
E-Akte und zu hybriden Besprechungen. Seit die Reihe für die anderen Kreise geöffnet ist, sind
die Seminare oft ausgebucht; wir haben die Teilnehmerzahl deshalb auf 100 begrenzt.

## Was wir gelernt haben

- Die Mittagspause ist der beste Zeitpunkt; Webseminare am Nachmittag waren halb so gut
  besucht.
- Fragen im Chat sind niedrigschwelliger als Wortmeldungen. Die Moderation liest sie vor.
- Eine kurze Umfrage zu Beginn zeigt, welches Vorwissen da ist, und weckt die Aufmerksamkeit.
- Vortragende aus den Fachabteilungen kommen besser an als externe Referentinnen und
  Referenten. Wir bieten ihnen vorher ein Probeseminar an.

## Ansprechpartnerin

Christina Müller, Digitalbeauftragte, Stabsstelle Digitalisierung, Landkreis Altenkirchen,
digital@altenkirchen.example.org, Telefon +49 2681 0000-3101.
"""

BPMN = """\
## Warum Prozesse zuerst?

Wer einen umständlichen Papierprozess eins zu eins digitalisiert, hat hinterher einen
umständlichen digitalen Prozess. In Mainz-Bingen gilt deshalb: Jede Leistung wird vor der
Digitalisierung als Prozess aufgenommen, gemeinsam mit den Beschäftigten, die sie täglich
bearbeiten. Erst wenn der Ablauf vereinfacht ist, wird ein Formular gebaut oder ein Workflow
eingerichtet.

## Der Workshop

Ein Prozess wird in zwei Workshops von je drei Stunden aufgenommen:

1. **Ist-Aufnahme:** Mit Haftnotizen an der Wand wird der heutige Ablauf gelegt, vom Eingang
   bis zur Ablage. Gezählt werden Schritte, Medienbrüche, Wartezeiten und Schleifen.
2. **Soll-Prozess:** Welche Schritte sind rechtlich notwendig? Welche Prüfungen machen wir
   doppelt? Welche Daten kennen wir schon? Der vereinfachte Ablauf wird anschließend in BPMN
   modelliert und von der Abteilung freigegeben.

Für einen mittelgroßen Prozess rechnen wir mit rund sechs Arbeitstagen für die
Prozessmanagerin oder den Prozessmanager, einschließlich Vor- und Nachbereitung.

## Die wenigen Elemente, die wir verwenden

BPMN 2.0 kennt sehr viele Symbole. Unser Leitfaden beschränkt sich auf die Elemente, die auch
Beschäftigte ohne Erfahrung in der Modellierung sicher lesen können:

| Element | wofür | Beispiel |
|---|---|---|
| Pool und Lanes | Wer handelt? | Antragsteller, Fachamt, Kreiskasse |
| Aufgabe | Was wird getan? | Antrag prüfen |
| exklusives Gateway | Entscheidung mit genau einem Weg | Unterlagen vollständig? |
| Start- und Endereignis | Womit beginnt und endet der Prozess? | Antrag eingegangen |
| Zeitereignis | Warten auf eine Frist | 14 Tage abwarten |
| Nachrichtenfluss | Austausch mit Externen | Bescheid versenden |
| Datenobjekt | Welche Dokumente entstehen? | Bescheid |

## Konventionen

- Aufgaben werden mit Substantiv und Verb benannt („Antrag prüfen“, nicht „Prüfung“).
- Ein Modell passt auf eine Bildschirmseite; Details wandern in Teilprozesse.
- Medienbrüche werden im Modell rot markiert, damit sie im Soll-Prozess auffallen.
- Jedes Modell nennt die Verantwortlichen, den Stand und die Version.

## Was es gebracht hat

In den bisher 34 aufgenommenen Prozessen haben wir im Schnitt ein Viertel der Schritte
gestrichen oder zusammengelegt. Beim Wohngeld zum Beispiel entfielen zwei doppelte
Prüfschritte, bevor der Online-Antrag gebaut wurde. Das Prozessmodell dient danach als
Grundlage für Ausschreibung, Formulargestaltung und die Einarbeitung neuer Beschäftigter.

## Gemeinsamer Standard der AG

Seit der Sitzung in Ingelheim nutzen die Kreise der AG die BPMN-Vorlagen des Landkreises
Mainz-Bingen als gemeinsamen Standard. So lassen sich Prozessmodelle austauschen und
vergleichen. Als Nächstes wird nach diesem Standard die Kfz-Ummeldung im Bürgerbüro
modelliert.

## Ansprechpartner

Michael Wolf, Organisation und Prozessmanagement, Landkreis Mainz-Bingen,
prozesse@mainz-bingen.example.org, Telefon +49 6132 0000-5130.
"""

DIGITALLOTSEN = """\
## Die Idee

Eine Stabsstelle Digitalisierung kann Projekte steuern, aber sie kann nicht in jeder Abteilung
gleichzeitig sein. Im Landkreis Mayen-Koblenz hat deshalb jede Abteilung eine Digitallotsin
oder einen Digitallotsen benannt: Beschäftigte aus der Fachpraxis, die neue Anwendungen früh
kennenlernen, Kolleginnen und Kollegen unterstützen und Rückmeldungen aus dem Arbeitsalltag an
die Stabsstelle geben.

## Aufgaben

- erste Ansprechperson in der Abteilung bei Fragen zu E-Akte, Videokonferenzen,
  Onlinediensten und Fachverfahren
- Mitarbeit in Pilotgruppen neuer Vorhaben, etwa beim Rollout der E-Akte
- Weitergabe von Neuerungen in den Teambesprechungen
- Sammeln von Verbesserungsvorschlägen und wiederkehrenden Problemen
- ausdrücklich kein IT-Support: Störungen gehen weiter an die IT-Hotline

## Rahmenbedingungen

| Punkt | Regelung |
|---|---|
| Auswahl | freiwillig, auf Vorschlag der Abteilungsleitung |
| Zeitbudget | bis zu 10 % der Arbeitszeit, im Aufgabenkreis festgehalten |
| Qualifizierung | Grundkurs an drei halben Tagen, danach monatliches Lotsentreffen |
| Information | früher Zugang zu neuen Anwendungen und Testumgebungen |
| Anerkennung | Vorstellung im Intranet, Zertifikat, Berücksichtigung in der Beurteilung |

## Das Lotsennetzwerk

Die 22 Lotsinnen und Lotsen treffen sich einmal im Monat für eine Stunde, meist per Video. Die
Stabsstelle berichtet über anstehende Änderungen, die Lotsen bringen Fragen aus ihren
Abteilungen mit. Viele Probleme lösen sich dort, weil eine andere Abteilung sie schon gelöst
hat. Einmal im Jahr gibt es ein ganztägiges Treffen in Präsenz.

## Ergebnisse

Seit es die Lotsen gibt, sind die einfachen Anfragen an die IT-Hotline spürbar
zurückgegangen, und Rollouts verlaufen ruhiger, weil in jeder Abteilung jemand die neue
Anwendung schon kennt. Die Lotsen haben außerdem mehrere Lernvideos für das gemeinsame
Fortbildungsprogramm der AG gedreht.

## Stolpersteine

- Ohne festes Zeitbudget wird die Lotsenrolle zur Zusatzaufgabe, die im Tagesgeschäft
  untergeht.
- Die Lotsen brauchen Rückendeckung ihrer Führungskraft, auch wenn sie Kritik an neuen
  Anwendungen weitergeben.
- Wechselt eine Lotsin die Stelle, muss die Nachfolge schnell geregelt werden. In großen
  Abteilungen benennen wir deshalb zwei Personen.

## Ansprechpartnerin

Katrin Berger, Stabsstelle Digitalisierung und Netzwerkkoordination, Landkreis Mayen-Koblenz,
koordination@mayen-koblenz.example.org, Telefon +49 261 0000-1101.
"""

ARTICLES = (
    ArticleText(
        slug="notfallhandbuch-und-wiederanlaufuebung",
        title="Krisenfeste Verwaltung: Notfallhandbuch und jährliche Wiederanlaufübung",
        summary=(
            "Wie der Landkreis Ahrweiler den Dienstbetrieb bei Ausfall von Gebäuden, Netzen "
            "oder Fachverfahren absichert: Aufbau des Notfallhandbuchs, Prioritäten der "
            "Fachverfahren und der Ablauf der jährlichen Übung."),
        body=NOTFALLHANDBUCH,
        category=SICHERHEIT, administration=AW, visibility=INTERNAL, written=(2, 22),
        tags=("Notfallmanagement", "Notfallhandbuch", "Informationssicherheit",
              "Wiederanlauf", "BSI-Standard 200-4"),
        topics=("mobiles-arbeiten",),
        meetings=(2, 8),
    ),
    ArticleText(
        slug="gemeinsame-informationssicherheitsbeauftragte",
        title="Gemeinsame Informationssicherheitsbeauftragte für kleinere Verwaltungen",
        summary=(
            "Der IT-Zweckverband Mittelrhein stellt drei Kreisen in einem Pilotjahr eine "
            "gemeinsame Informationssicherheitsbeauftragte. Leistungsumfang, Aufgabenteilung, "
            "Kosten und erste Erfahrungen."),
        body=ISB,
        category=SICHERHEIT, administration=ITZ, visibility=INTERNAL, written=(8, 33),
        tags=("Informationssicherheit", "Informationssicherheitsbeauftragte",
              "IT-Grundschutz", "ISMS", "Kooperation"),
        meetings=(6, 7),
    ),
    ArticleText(
        slug="videokonferenzen-datenschutz-checkliste",
        title="Videokonferenzen und Webseminare datenschutzkonform einsetzen",
        summary=(
            "Eine Checkliste des Landkreises Mainz-Bingen für Videokonferenzen und "
            "Webseminare: Auswahl des Dienstes, Auftragsverarbeitung, sichere Einstellungen, "
            "Aufzeichnungen, häufige Fehler und Barrierefreiheit."),
        body=VIDEOKONFERENZEN,
        category=SICHERHEIT, administration=MZ, visibility=INTERNAL, written=(4, 30),
        tags=("Datenschutz", "DSGVO", "Videokonferenz", "Webseminar", "Checkliste"),
        topics=("webseminare-videokonferenzen",),
    ),
    ArticleText(
        slug="webseminare-in-der-mittagspause",
        title="Webseminare in der Mittagspause: unser Leitfaden aus „Digital fit“",
        summary=(
            "Mit „Digital fit“ bietet der Landkreis Altenkirchen kurze Webseminare in der "
            "Mittagspause an, inzwischen für sieben Kreise im gemeinsamen "
            "Fortbildungsprogramm. Wie wir Webseminare planen, moderieren und durchführen."),
        body=WEBSEMINARE,
        category=SCHULUNG, administration=AK, visibility=PUBLIC, written=(8, 25),
        tags=("Webseminar", "Fortbildung", "Digital fit", "Moderation", "Lernvideos"),
        topics=("webseminare-videokonferenzen", "fortbildung-digitalisierung"),
        projects=("fortbildungsprogramm-digitalisierung",),
        meetings=(3,),
    ),
    ArticleText(
        slug="prozessmodellierung-mit-bpmn",
        title="Prozesse vor Technik: Leitfaden zur Prozessmodellierung mit BPMN",
        summary=(
            "Bevor der Landkreis Mainz-Bingen eine Leistung digitalisiert, wird der Prozess mit "
            "den Beschäftigten aufgenommen und vereinfacht. Der schlanke Leitfaden mit wenigen "
            "BPMN-Elementen ist gemeinsamer Standard der AG."),
        body=BPMN,
        category=SCHULUNG, administration=MZ, visibility=PUBLIC, written=(8, 8),
        tags=("Prozessmodellierung", "BPMN", "Prozessmanagement", "Workshop"),
        topics=("ozg-onlinedienste", "dokumentenmanagement"),
        meetings=(8,),
    ),
    ArticleText(
        slug="digitallotsen-in-jeder-abteilung",
        title="Digitallotsinnen und Digitallotsen in jeder Abteilung",
        summary=(
            "Im Landkreis Mayen-Koblenz hat jede Abteilung eine Digitallotsin oder einen "
            "Digitallotsen. Aufgaben, Zeitbudget, Qualifizierung und wie das Netzwerk der "
            "Lotsen Wissen in die Fläche trägt."),
        body=DIGITALLOTSEN,
        category=SCHULUNG, administration=MYK, visibility=PUBLIC, written=(8, 35),
        tags=("Digitallotsen", "Fortbildung", "Wissenstransfer", "Multiplikatoren"),
        topics=("fortbildung-digitalisierung",),
        projects=("fortbildungsprogramm-digitalisierung",),
    ),
)
