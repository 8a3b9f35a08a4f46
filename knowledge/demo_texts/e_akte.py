"""Demo articles of the category "E-Akte und Dokumentenmanagement"."""

from .spec import AW, INTERNAL, MYK, PUBLIC, SIM, WW, ArticleText, Revision

CATEGORY = "e-akte-und-dokumentenmanagement"

E_AKTE_AUSLAENDERBEHOERDE = """\
## Ausgangslage

Die Ausländerbehörde ist mit rund 45 Beschäftigten eine der aktenreichsten Abteilungen der
Kreisverwaltung: etwa 26 000 laufende Ausländerakten, viele davon mehrbändig, dazu täglich
150 bis 200 Eingänge per Post, E-Mail und Fax. Akten wanderten zwischen Sachbearbeitung,
Teamleitung, Kasse und Archiv hin und her; fragte eine andere Behörde an, musste die Akte erst
gesucht werden. Mobiles Arbeiten war in diesem Bereich praktisch nicht möglich.

Ziel war deshalb nicht nur „weniger Papier“, sondern: Jede Akte ist jederzeit für alle
Berechtigten verfügbar, Eingänge liegen am selben Tag beim richtigen Vorgang, und der
Austausch mit anderen Behörden läuft ohne Ausdruck.

## Vorgehen

Die E-Akte läuft auf dem Dokumentenmanagementsystem des Kreises, das vorher schon in der
Zentralen Vergabestelle im Einsatz war. Entscheidend waren drei Bausteine:

1. **Aktenplan und Metadaten:** Gemeinsam mit der Abteilung haben wir den Aktenplan
   vereinfacht. Eine Ausländerakte ist nun genau ein elektronischer Vorgang mit fünf
   Pflichtmetadaten (Aktenzeichen, Name, Geburtsdatum, Staatsangehörigkeit, Aufenthaltstitel).
2. **Posteingang über die zentrale Scanstelle:** Papierpost wird ersetzend gescannt, nach der
   Dienstanweisung geprüft und dem Vorgang zugeordnet. Das Original wird drei Monate
   aufbewahrt und dann vernichtet.
3. **Schnittstelle zum Fachverfahren:** Das Ausländerfachverfahren legt Bescheide und
   Schreiben direkt in der E-Akte ab. Ohne diese Schnittstelle hätten die Beschäftigten jedes
   Dokument doppelt ablegen müssen – sie war für uns die Bedingung für den Start.

Den Altbestand haben wir nicht vollständig gescannt. Digitalisiert werden nur Akten, die
wieder in Bearbeitung gehen („Scannen bei Bedarf“); die übrigen bleiben im Archiv, bis die
Aufbewahrungsfrist endet.

## Zeitplan

| Phase | Dauer | Inhalt |
|---|---|---|
| Vorbereitung | 3 Monate | Ist-Aufnahme, Aktenplan, Dienstanweisung, Personalrat |
| Technik | 2 Monate | Schnittstelle zum Fachverfahren, Scanprofile, Berechtigungen |
| Pilot | 2 Monate | ein Team mit 8 Beschäftigten, tägliche Rückmelderunde |
| Rollout | 3 Monate | alle Teams, Schulungen in Kleingruppen, Sprechstunde |
| Echtbetrieb | seitdem | Papier nur noch bei nicht gescannten Altakten |

## Aufwand und Kosten

- Projektleitung mit rund einer halben Stelle über zehn Monate, dazu die Zeit der Key-User
  in der Abteilung.
- Schnittstelle zum Fachverfahren: einmalig rund 18 000 Euro, Pflege rund 3 000 Euro im Jahr.
- Zwei zusätzliche Scanarbeitsplätze in der zentralen Scanstelle; zweite Bildschirme für alle
  Arbeitsplätze der Abteilung.
- Scannen bei Bedarf: im Schnitt 40 Akten pro Woche, abgerechnet über den gemeinsamen
  Rahmenvertrag der AG für Scandienstleistungen.

## Stolpersteine

- **Zweite Bildschirme zuerst.** Wer in der E-Akte liest und gleichzeitig im Fachverfahren
  arbeitet, braucht zwei Bildschirme. Wir haben sie zu spät bestellt.
- **Berechtigungen früh klären.** Wer darf welche Akten sehen, wer vertritt wen? Das
  Rollenkonzept haben wir zweimal umgebaut.
- **Die Vernichtung der Originale** braucht eine klare Regel. Ohne sie bewahrt jedes Team
  „zur Sicherheit“ doch alles auf.

## Was wir heute anders machen würden

Wir würden den Personalrat noch früher einbinden und den Pilot mit zwei Teams statt einem
beginnen, damit Vertretungsfälle schon im Pilot vorkommen.

## Ansprechpartner

Jonas Weber, Projektleitung E-Akte, Zentrale Dienste – Organisation, Landkreis Mayen-Koblenz,
e-akte@mayen-koblenz.example.org, Telefon +49 261 0000-1142. Die Checkliste zur Einführung der
E-Akte liegt diesem Artikel bei.
"""

E_AKTE_KENNZAHLEN = """\
## Erste Kennzahlen nach drei Monaten Echtbetrieb

Seit die E-Akte in allen Teams eingeführt ist, haben wir die wichtigsten Kennzahlen mit der
Zeit vor der Umstellung verglichen:

| Kennzahl | vorher | nach 3 Monaten |
|---|---|---|
| Zeit, bis ein Eingang beim Vorgang liegt | 2–4 Arbeitstage | am selben Tag |
| Aktenanforderungen aus dem Archiv pro Woche | rund 120 | unter 30 |
| Arbeitsplätze mit mobilem Arbeiten | keine | 38 |

Der Landkreis Neuwied und der Westerwaldkreis nutzen unsere Checkliste für ihre eigene
Einführung.

## Was wir heute anders machen würden"""

SCANSTELLE = """\
## Warum zentral?

Als die ersten Abteilungen mit der E-Akte begannen, hat jede zunächst selbst gescannt – mit
Arbeitsplatzscannern, unterschiedlichen Einstellungen und ohne einheitliche Qualitätskontrolle.
Für ersetzendes Scannen, bei dem das Papieroriginal später vernichtet wird, reicht das nicht.
Wir haben den Posteingang deshalb in einer zentralen Scanstelle gebündelt, die inzwischen für
fünf Abteilungen arbeitet, darunter die Ausländerbehörde.

## Organisation

- Die Poststelle öffnet alle Eingänge; was an eine angeschlossene Abteilung geht, wandert
  direkt in die Scanstelle.
- Ausgenommen sind Eingänge mit dem Vermerk „persönlich“, Urkunden im Original, Pässe und
  Zahlungsmittel. Sie gehen weiter auf Papier an die Abteilung.
- Gescannt wird mit Trennblättern und Barcodes; die Texterkennung macht die Dokumente
  durchsuchbar.
- Jedes zwanzigste Dokument prüft eine zweite Person gegen das Original (Stichprobe),
  Urkunden und Bescheide ausnahmslos.
- Die Originale werden nach Eingangsdatum in Kartons gelagert und nach drei Monaten
  datenschutzgerecht vernichtet, sofern die Abteilung nichts anderes verfügt.

## Rechtlicher Rahmen

Grundlage ist eine Dienstanweisung zum ersetzenden Scannen mit einer Verfahrensdokumentation,
die sich an der Technischen Richtlinie TR-RESISCAN des Bundesamts für Sicherheit in der
Informationstechnik orientiert (<https://www.bsi.bund.de/>). Für jede Dokumentart ist
festgelegt, ob das Original nach dem Scannen vernichtet werden darf. Die
Schutzbedarfsfeststellung haben wir mit der Informationssicherheit und dem Datenschutz
abgestimmt.

## Kennzahlen und Kosten

| Position | Wert |
|---|---|
| Seiten pro Arbeitstag (Durchschnitt) | rund 6 500 |
| Personal | 4,5 Vollzeitstellen, davon 0,5 für die Qualitätssicherung |
| Hochleistungsscanner | 2 Geräte, Leasing rund 9 600 Euro im Jahr |
| Eingang bis 13 Uhr | am selben Arbeitstag im Vorgang |
| Kosten pro Seite (Personal und Technik) | rund 6 Cent |

## Stolpersteine

- **Heftklammern und Haftnotizen** kosten mehr Zeit als das Scannen selbst. Wir haben
  Abteilungen und häufige Absender gebeten, auf Klammern zu verzichten – mit mäßigem Erfolg.
- **Eilige Post** braucht einen eigenen Weg. Fristsachen werden markiert und innerhalb einer
  Stunde zugestellt.
- **Farbe oder nicht?** Anfangs haben wir alles farbig gescannt. Heute nur noch, wenn Farbe
  Bedeutung trägt (Stempel, Pläne, Fotos); das spart Speicherplatz und Zeit.

## Angebot für Verbandsgemeinden

Die Scanstelle kann gegen Kostenerstattung auch die Post von Verbandsgemeinden verarbeiten,
die das mandantenfähige Dokumentenmanagementsystem des Kreises nutzen. Die Verbandsgemeinde
Vallendar ist als erste angeschlossen.

## Ansprechpartner

Jonas Weber, Zentrale Dienste – Organisation, Landkreis Mayen-Koblenz,
e-akte@mayen-koblenz.example.org, Telefon +49 261 0000-1142. Die Dienstanweisung zum
ersetzenden Scannen geben wir Mitgliedern auf Anfrage gern weiter.
"""

BAULASTEN = """\
## Worum es geht

Baulasten sind öffentlich-rechtliche Verpflichtungen von Grundstückseigentümern, etwa eine
Abstandsfläche oder eine Zufahrt zugunsten des Nachbargrundstücks. Sie stehen im
Baulastenverzeichnis der unteren Bauaufsichtsbehörde. Wer ein Grundstück kauft, beleiht oder
bebauen will, fragt danach: Notariate, Banken, Architekturbüros und Bauherren vor dem
Bauantrag. Bei uns lagen die Baulastblätter mit ihren Anlagen in rund 14 000 Papierakten;
eine Auskunft dauerte im Schnitt vier Arbeitstage.

Sechs Kreise der AG haben sich deshalb zum gemeinsamen Projekt „Baulastenakten
digitalisieren“ zusammengeschlossen. Das Scannen wird aus dem gemeinsamen Rahmenvertrag für
Scandienstleistungen abgerufen; der Landkreis Ahrweiler hat die Federführung.

## Was in die Leistungsbeschreibung gehört

- **Mengengerüst:** Zahl der Akten, Seiten je Akte (Stichprobe!), Anteil großformatiger
  Pläne bis DIN A0.
- **Vorbereitung:** Entklammern, Glätten, Trennblätter – durch den Dienstleister, nicht
  durch eigenes Personal.
- **Scanparameter:** 300 dpi, Farbe bei Plänen und Lageplänen, PDF/A mit Texterkennung.
- **Transport und Sicherheit:** verschlossene Behälter, Übergabeprotokolle, Verarbeitung in
  Deutschland, Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO.
- **Rückgabe:** Akten in der ursprünglichen Ordnung; die Originale bleiben erhalten.
- **Eilzugriff:** Wird eine ausgelagerte Akte für eine Auskunft gebraucht, scannt der
  Dienstleister sie innerhalb von 24 Stunden vorab.

## Gemeinsames Metadatenschema

Damit Auskünfte später kreisübergreifend gleich aussehen und das Geoinformationssystem die
Blätter den Flurstücken zuordnen kann, erfasst der Dienstleister für jedes Baulastblatt
dieselben Felder:

| Feld | Beispiel | Pflicht |
|---|---|---|
| Baulastenblatt-Nummer | 1234 | ja |
| Gemarkung | Ahrweiler | ja |
| Flur und Flurstück (belastet) | Flur 7, Nr. 112/3 | ja |
| Flurstück (begünstigt) | Flur 7, Nr. 112/4 | wenn vorhanden |
| Art der Baulast | Abstandsfläche | ja |
| Datum der Eintragung | 14.03.1987 | ja |
| Status | eingetragen oder gelöscht | ja |

Die vollständige Beschreibung aller Felder liegt diesem Artikel als Tabelle bei.

## Aufwand und Kosten

Für unseren Bestand rechnen wir mit rund 410 000 Seiten. Nach dem Rahmenvertrag kostet die
Seite einschließlich Vorbereitung und Metadatenerfassung zwischen 11 und 16 Cent, je nach
Format. Die Verknüpfung mit den Flurstücken übernimmt das Geoinformationssystem des Kreises
über eine Importschnittstelle; dafür haben wir einmalig rund 6 000 Euro ausgegeben.

## Was wir gelernt haben

- Eine Stichprobe von 50 Akten vor der Ausschreibung hat sich gelohnt: Der Anteil der Pläne
  lag doppelt so hoch wie geschätzt.
- Gelöschte Baulasten gehören ebenfalls ins Verzeichnis, sonst sind Auskünfte unvollständig.
- Die Bauaufsicht muss während des Scannens auskunftsfähig bleiben; der Eilzugriff war dafür
  unverzichtbar.

## Ansprechpartner

Stefan Wagner, Sachgebietsleitung Baulasten und Bauakten, Landkreis Ahrweiler,
bauakten@ahrweiler.example.org, Telefon +49 2641 0000-2310.
"""

BAULASTEN_PILOT = """\
## Ergebnis des Pilots

Inzwischen sind alle Baulastblätter des Landkreises Ahrweiler gescannt und mit den
Flurstücken verknüpft. Eine Auskunft dauert nicht mehr vier Arbeitstage, sondern meist
weniger als einen. Als Nächstes folgt die elektronische Auskunft an Notariate und Bauherren;
die übrigen fünf Kreise beginnen nacheinander mit dem Scannen.

## Was wir gelernt haben"""

PERSONALAKTE = """\
## Ausgangslage

Die Personalakten des Rhein-Hunsrück-Kreises – rund 1 100 aktive Akten und etwa 2 300 Akten
ausgeschiedener Beschäftigter – wurden bis vor Kurzem ausschließlich auf Papier geführt. Seit
die digitale Personalakte eingeführt ist, entstehen alle neuen Vorgänge elektronisch:
Anträge auf Teilzeit, Beurteilungen, Fortbildungsnachweise, Bescheinigungen. Offen war die
Frage, was mit dem Altbestand geschieht.

In der Sitzung der AG in Simmern zeigte sich, dass mehrere Kreise vor derselben Entscheidung
stehen. Eine gemeinsame Empfehlung wurde vertagt, bis belastbare Zahlen vorliegen. Dieser
Artikel fasst die Zahlen zusammen, die seitdem in Simmern und Neuwied erhoben wurden.

## Drei Varianten

1. **Vollständig scannen:** Der gesamte Bestand wird auf einmal durch einen Dienstleister
   digitalisiert.
2. **Scannen bei Bedarf:** Eine Akte wird gescannt, wenn sie für einen Vorgang gebraucht
   wird. Bis dahin bestehen Papierakte und E-Akte nebeneinander.
3. **Nur neue Vorgänge:** Der Altbestand bleibt auf Papier, bis die Aufbewahrungsfristen
   enden.

## Kostenschätzung

Grundlage sind Stichproben von je 30 Akten; eine aktive Personalakte hat im Mittel rund
180 Seiten.

| Variante | einmalige Kosten | laufender Aufwand | Zugriff |
|---|---|---|---|
| vollständig scannen | rund 45 000 Euro | gering | sofort vollständig |
| Scannen bei Bedarf | rund 8 000 Euro im ersten Jahr | 2–3 Stunden pro Woche | nach dem Scan |
| nur neue Vorgänge | keine | zwei Ablagen pflegen | geteilt |

## Unsere Entscheidung

Der Rhein-Hunsrück-Kreis hat sich für das Scannen bei Bedarf entschieden. Ausschlaggebend
war, dass ein Großteil der Akten ausgeschiedener Beschäftigter bis zum Ende der
Aufbewahrungsfrist nie wieder angefasst wird. Akten aktiver Beschäftigter werden außerdem
beim nächsten größeren Anlass gescannt, etwa bei einer Höhergruppierung.

Der Landkreis Neuwied neigt nach seiner Schätzung zum vollständigen Scannen, weil dort sonst
das mobile Arbeiten in der Personalabteilung nicht möglich wäre.

## Worauf zu achten ist

- **Der Personalrat** ist bei der Einführung zu beteiligen; Zugriffsrechte auf Personalakten
  sind ein sensibles Thema. Wir haben sie in einer Dienstvereinbarung festgehalten.
- **Teilakten** wie Beihilfe, Besoldung oder Disziplinarvorgänge brauchen getrennte
  Berechtigungen.
- **Einsichtnahme:** Beschäftigte haben das Recht, ihre Personalakte einzusehen. Wir bieten
  dafür einen Termin am Bildschirm mit einer Kollegin aus der Personalabteilung an.
- **Aufbewahrungsfristen** gehören ins System, damit Akten ausgeschiedener Beschäftigter
  automatisch zur Löschung vorgeschlagen werden.

## Ansprechpartner

Martin Zimmermann, Stabsstelle Digitalisierung, Rhein-Hunsrück-Kreis,
digital@rhein-hunsrueck.example.org, Telefon +49 6761 0000-7101.
"""

E_RECHNUNG = """\
## Ausgangslage

Die Kreisverwaltung erhält im Jahr rund 38 000 Eingangsrechnungen. Früher wurden sie in der
Poststelle gestempelt, per Hauspost an die Fachabteilungen verteilt, dort sachlich geprüft,
abgezeichnet und an die Kreiskasse weitergegeben. Eine Rechnung war im Schnitt elf
Arbeitstage unterwegs; Skonto ging regelmäßig verloren, und fragte ein Lieferant nach, wusste
niemand, wo seine Rechnung gerade lag.

Öffentliche Auftraggeber müssen elektronische Rechnungen annehmen und verarbeiten können.
Wir haben diese Pflicht zum Anlass genommen, den gesamten Weg einer Rechnung zu
digitalisieren – auch den der Rechnungen, die weiterhin auf Papier kommen.

## Der Ablauf heute

1. **Eingang:** Elektronische Rechnungen im Format XRechnung kommen über das
   Rechnungseingangsportal, PDF-Rechnungen über ein zentrales Postfach; Papierrechnungen
   werden in der Poststelle gescannt.
2. **Erfassung:** Das Dokumentenmanagementsystem liest Rechnungsnummer, Betrag, Lieferant
   und Bestellbezug aus. Bei XRechnungen entfällt die Texterkennung, weil die Daten bereits
   strukturiert vorliegen.
3. **Sachliche Prüfung:** Der Workflow leitet die Rechnung an die bestellende Stelle; dort
   wird sie am Bildschirm geprüft und kontiert.
4. **Freigabe:** Je nach Betrag zeichnet die Sachgebiets- oder Abteilungsleitung elektronisch
   ab (Vier-Augen-Prinzip).
5. **Buchung und Zahlung:** Die freigegebene Rechnung geht ins Finanzverfahren und wird dort
   zur Zahlung angewiesen; die Rechnung selbst bleibt in der E-Akte.

## Kennzahlen

| Kennzahl | vorher | heute |
|---|---|---|
| Durchlaufzeit vom Eingang bis zur Zahlung | 11 Arbeitstage | 4 Arbeitstage |
| Anteil strukturierter E-Rechnungen | unter 5 % | rund 35 % |
| verlorenes Skonto im Jahr | rund 22 000 Euro | unter 3 000 Euro |
| Rechnungen, nach denen gesucht werden muss | mehrere pro Woche | keine |

## Softwareroboter als nächster Schritt

Wiederkehrende Rechnungen, etwa für Energie oder Mieten, prüft seit einigen Monaten ein
Softwareroboter vor: Er gleicht Betrag und Zeitraum mit dem Vertrag ab und legt eine Rechnung
der Abteilung nur vor, wenn etwas abweicht. Der Pilot ist vielversprechend, braucht aber eine
sorgfältige Pflege der Regeln. Darüber berichten wir in der nächsten Sitzung der AG in
Montabaur.

## Stolpersteine

- **Vertretungen** müssen im Workflow gepflegt sein, sonst bleiben Rechnungen während des
  Urlaubs liegen. Nach drei Tagen erinnert das System automatisch.
- **Lieferanten** schicken PDF-Dateien gern an persönliche Postfächer. Das zentrale
  Rechnungspostfach muss deshalb auf jeder Bestellung stehen.
- **Betragsgrenzen** für die Freigabe müssen zur Dienstanweisung für die Kreiskasse passen;
  darauf hat uns das Rechnungsprüfungsamt früh und zu Recht hingewiesen.

## Ansprechpartner

Daniel Koch, Projektleitung E-Rechnung, Finanzen, Westerwaldkreis,
e-rechnung@westerwaldkreis.example.org, Telefon +49 2602 0000-1240.
"""

ARTICLES = (
    ArticleText(
        slug="e-akte-in-der-auslaenderbehoerde",
        title="E-Akte in der Ausländerbehörde: So haben wir sie eingeführt",
        summary=(
            "Die Ausländerbehörde des Landkreises Mayen-Koblenz arbeitet ausschließlich mit der "
            "E-Akte. Der Bericht beschreibt Ausgangslage, Zeitplan, Aufwand für den Altbestand, "
            "Stolpersteine und was wir heute anders machen würden."),
        body=E_AKTE_AUSLAENDERBEHOERDE,
        category=CATEGORY, administration=MYK, visibility=PUBLIC, written=(8, 5),
        tags=("E-Akte", "Ausländerbehörde", "ersetzendes Scannen", "Dokumentenmanagement",
              "Altakten"),
        topics=("e-akte", "dokumentenmanagement"),
        meetings=(6, 8),
        revision=Revision(
            message="Erste Kennzahlen nach drei Monaten Echtbetrieb ergänzt", days=40,
            edits=(("## Was wir heute anders machen würden", E_AKTE_KENNZAHLEN),)),
    ),
    ArticleText(
        slug="zentrale-scanstelle-ersetzendes-scannen",
        title="Zentrale Scanstelle: ersetzendes Scannen der Eingangspost",
        summary=(
            "Wie der Landkreis Mayen-Koblenz seine Papierpost in einer zentralen Scanstelle "
            "erfasst: Organisation, Verfahrensdokumentation nach TR-RESISCAN, Personalbedarf, "
            "Kosten pro Seite und ein Angebot für Verbandsgemeinden."),
        body=SCANSTELLE,
        category=CATEGORY, administration=MYK, visibility=INTERNAL, written=(8, 15),
        tags=("Scanstelle", "ersetzendes Scannen", "TR-RESISCAN", "Posteingang", "E-Akte"),
        topics=("e-akte", "dokumentenmanagement"),
    ),
    ArticleText(
        slug="baulastenakten-digitalisieren-leistungsbeschreibung",
        title="Baulastenakten digitalisieren: Leistungsbeschreibung und Metadatenschema",
        summary=(
            "Im gemeinsamen Projekt der AG werden die Baulastenakten von sechs Kreisen "
            "gescannt und mit den Flurstücken verknüpft. Was in die Leistungsbeschreibung "
            "gehört, welches Metadatenschema wir vereinbart haben und was es kostet."),
        body=BAULASTEN,
        category=CATEGORY, administration=AW, visibility=PUBLIC, written=(6, 10),
        tags=("Baulasten", "Baulastenverzeichnis", "Bauaufsicht", "Scandienstleistung",
              "Metadaten", "Bauantrag"),
        topics=("baulastenverzeichnis", "e-akte"),
        projects=("baulastenakten-digitalisieren",),
        meetings=(3, 5),
        revision=Revision(
            message="Ergebnis des Pilots in Ahrweiler ergänzt", days=200,
            edits=(("## Was wir gelernt haben", BAULASTEN_PILOT),)),
    ),
    ArticleText(
        slug="digitale-personalakte-altbestand",
        title="Digitale Personalakte: Altbestand scannen oder nicht?",
        summary=(
            "Der Rhein-Hunsrück-Kreis führt die digitale Personalakte ein und scannt den "
            "Altbestand nur bei Bedarf. Eine Kostenschätzung aus zwei Kreisen vergleicht drei "
            "Varianten und hilft bei der eigenen Entscheidung."),
        body=PERSONALAKTE,
        category=CATEGORY, administration=SIM, visibility=INTERNAL, written=(6, 55),
        tags=("Personalakte", "E-Akte", "Altbestand", "Scannen", "Personalrat"),
        topics=("e-akte",),
        meetings=(6,),
    ),
    ArticleText(
        slug="e-rechnung-und-freigabe-workflow",
        title="E-Rechnung und digitaler Freigabe-Workflow",
        summary=(
            "Im Westerwaldkreis laufen alle Eingangsrechnungen ohne Papier vom Eingang bis zur "
            "Zahlung. Der Bericht zeigt den Ablauf, die Rolle der XRechnung, Kennzahlen vor und "
            "nach der Umstellung und erste Erfahrungen mit einem Softwareroboter."),
        body=E_RECHNUNG,
        category=CATEGORY, administration=WW, visibility=PUBLIC, written=(8, 20),
        tags=("E-Rechnung", "XRechnung", "Freigabe-Workflow", "Finanzwesen",
              "Softwareroboter"),
        topics=("dokumentenmanagement", "e-akte"),
        meetings=(9,),
    ),
)
