"""Demo articles of the category "Onlinedienste und OZG"."""

from .spec import COC, DAU, INTERNAL, MZ, NR, PUBLIC, ArticleText, Revision

CATEGORY = "onlinedienste-und-ozg"

JAGDSCHEIN = """\
## Ausgangslage

Jagdscheine und Fischereischeine gehören zu den Leistungen, die ein Landkreis häufig, aber
jeweils in überschaubarer Zahl erteilt: bei uns rund 2 400 Jagdscheine und 1 800
Fischereischeine im Jahr, viele davon Verlängerungen. Bisher kamen die Antragstellenden
persönlich in die Kreisverwaltung oder schickten einen Antrag per Post und überwiesen die
Gebühr. Die Sachbearbeitung tippte die Angaben ins Fachverfahren ab und glich die
Zahlungseingänge von Hand ab.

## Was wir umgesetzt haben

- Ein Online-Antrag über das Landesportal mit Anmeldung über das Nutzerkonto. Name,
  Anschrift und Geburtsdatum werden aus dem Konto übernommen.
- Nachweise wie die Versicherungsbestätigung werden hochgeladen.
- Die Gebühr wird direkt im Antrag über den Bezahldienst entrichtet, per Lastschrift,
  Kreditkarte oder einem gängigen Online-Bezahlverfahren.
- Der Antrag kommt als strukturierter Datensatz im Fachverfahren an, ohne erneute Eingabe.
  Die Zahlung wird automatisch zugeordnet.
- Der Jagdschein selbst wird weiterhin als Dokument ausgestellt und zugeschickt oder
  abgeholt.

## Zeitaufwand

| Schritt | Dauer |
|---|---|
| Prozessaufnahme mit der unteren Jagdbehörde | 4 Wochen |
| Formular im Landesportal | 6 Wochen |
| Anbindung des Bezahldienstes | 5 Monate |
| Schnittstelle ins Fachverfahren | 3 Monate, parallel |
| Test mit Jägerschaft und Angelvereinen | 4 Wochen |

Länger als das Formular hat die Anbindung des Bezahldienstes gedauert: Für jede Gebührenart
mussten Haushaltsstellen, Buchungsregeln und der automatische Abgleich mit der Kreiskasse
abgestimmt werden. Der Leitfaden, den wir dazu geschrieben haben, hilft hoffentlich anderen
Kreisen, schneller zu sein.

## Ergebnis

Etwa die Hälfte der Anträge kommt inzwischen online, bei Verlängerungen deutlich mehr. Die
Sachbearbeitung spart pro Online-Antrag rund zwölf Minuten, vor allem, weil Abtippen und
Zahlungsabgleich entfallen. Rückfragen wegen fehlender Unterlagen sind seltener geworden,
weil das Formular die Pflichtnachweise vor dem Absenden prüft.

## Tipps für die Nachnutzung

- Beginnen Sie mit dem Bezahldienst, nicht mit dem Formular.
- Binden Sie die Kreiskasse von Anfang an ein.
- Sprechen Sie mit Hegeringen und Angelvereinen: Bei uns haben sie den Online-Antrag in ihren
  Mitteilungen bekannt gemacht.

## Ansprechpartner

Jan Neumann, Teamleitung Online-Dienste, Bürgerservice und Verkehr, Landkreis Neuwied,
online-dienste@neuwied.example.org, Telefon +49 2631 0000-6140.
"""

EINER_FUER_ALLE = """\
## Das Prinzip

Nach dem Onlinezugangsgesetz (OZG) sollen Verwaltungsleistungen auch online angeboten werden.
Damit nicht jede Kommune jede Leistung selbst digitalisiert, entwickelt beim Prinzip „Einer
für Alle“ (EfA) ein Land einen Onlinedienst, den andere Länder und Kommunen nachnutzen. Für
einen kleinen Kreis wie Cochem-Zell ist das der einzig realistische Weg: Eigene Onlinedienste
könnten wir weder entwickeln noch dauerhaft betreiben.

Hintergründe und den Stand der Umsetzung beschreibt die Informationsseite des Bundes:
<https://www.onlinezugangsgesetz.de/>

## Was wir nachnutzen

Derzeit nutzen wir unter anderem die Onlinedienste für Wohngeld, Unterhaltsvorschuss,
Ausbildungsförderung und Führerscheinangelegenheiten nach. Bei allen gilt: Der Antrag wird im
Onlinedienst des anbietenden Landes gestellt und als Datensatz an unser Behördenpostfach
übermittelt; die Bearbeitung und die Entscheidung bleiben bei uns.

## Schritt für Schritt

| Schritt | Was zu tun ist | Wer | Dauer bei uns |
|---|---|---|---|
| 1. Auswahl | Fallzahlen prüfen, Dienst im Marktplatz suchen | OZG-Koordination | 2 Wochen |
| 2. Vereinbarung | Vereinbarung mit dem Land, Kosten klären | Rechtsamt, Kämmerei | 1–3 Monate |
| 3. Anbindung | Behördenpostfach einrichten, Zuständigkeit hinterlegen | IT, Fachamt | 2–4 Wochen |
| 4. Fachverfahren | Import des Datensatzes klären | Fachamt, Hersteller | sehr unterschiedlich |
| 5. Test | Testanträge bis ins Postfach, Rückmeldung ans Land | Fachamt | 1 Woche |
| 6. Start | Website, Pressemitteilung, Verlinkung im Landesportal | Pressestelle | 1 Tag |

## Kosten

Für die meisten Dienste fallen anteilige Betriebskosten an, die nach einem Schlüssel auf die
nachnutzenden Stellen umgelegt oder vom Land getragen werden. Unsere eigenen Kosten liegen
vor allem im Personalaufwand: rund fünf bis acht Arbeitstage je Dienst, ohne die Anbindung
ans Fachverfahren.

## Stolpersteine

- **Die Übernahme ins Fachverfahren** ist die eigentliche Arbeit. Ohne Schnittstelle wird der
  Online-Antrag ausgedruckt und abgetippt – dann ist für die Sachbearbeitung nichts gewonnen.
  Fragen Sie den Hersteller Ihres Fachverfahrens früh nach einem Import.
- **Zuständigkeiten** müssen im Landesportal richtig hinterlegt sein, sonst landen Anträge
  beim falschen Kreis.
- **Das Behördenpostfach** braucht eine Vertretungsregel. Anträge, die niemand abruft,
  fallen sonst erst auf, wenn sich jemand beschwert.

## Fazit

Nachnutzen ist schneller und günstiger als selbst entwickeln, aber kein Selbstläufer. Die AG
hat vereinbart, dass die Kreise der Koordinierungsstelle melden, welche EfA-Dienste sie
nachnutzen. So sieht jede Verwaltung, wen sie fragen kann.

## Ansprechpartner

Andreas Bauer, OZG-Koordinator, Zentrale Dienste, Landkreis Cochem-Zell,
ozg@cochem-zell.example.org, Telefon +49 2671 0000-4120.
"""

WOHNGELD = """\
## Ausgangslage

Wohngeld gehört zu den Leistungen mit den meisten Anträgen im Kreis: rund 4 800 Erst- und
Weiterleistungsanträge im Jahr, seit der letzten Wohngeldreform deutlich mehr. Die
Papieranträge waren oft unvollständig; fast jeder zweite Antrag zog eine schriftliche
Nachforderung von Unterlagen nach sich. Das verlängerte die Bearbeitungszeit um Wochen.

## Was wir umgesetzt haben

- **Online-Antrag** über das Nutzerkonto, mit verständlichen Hilfetexten und einer
  Vorabprüfung, welche Nachweise der jeweilige Haushalt einreichen muss.
- **Nachweis-Upload:** Mietvertrag, Einkommensnachweise und Bescheide anderer Stellen werden
  als Foto oder PDF hochgeladen. Das Formular erinnert an fehlende Pflichtnachweise.
- **Weiterleistungsantrag** mit vorausgefüllten Angaben aus dem letzten Antrag.
- **Digitaler Eingang:** Antrag und Nachweise landen als ein Vorgang in der E-Akte der
  Wohngeldstelle.
- **Rückfragen online:** Fehlende Unterlagen können über das Postfach des Nutzerkontos
  nachgereicht werden.

Vorher haben wir den Prozess nach unserem Leitfaden zur Prozessmodellierung aufgenommen und
zwei Prüfschritte gestrichen, die doppelt vorkamen.

## Ergebnisse nach einem Jahr

| Kennzahl | Papierantrag | Online-Antrag |
|---|---|---|
| Anteil an allen Anträgen | rund 45 % | rund 55 % |
| Anträge mit Nachforderung | 48 % | 21 % |
| durchschnittliche Bearbeitungszeit | 9 Wochen | 6 Wochen |

## Wo es noch hakt

Das Fachverfahren übernimmt die Antragsdaten noch nicht vollständig: Angaben zu
Haushaltsmitgliedern und Einkommen müssen teilweise von Hand übertragen werden. Mehrere Kreise
haben dasselbe Problem; die AG prüft deshalb eine gemeinsame Anfrage an den Hersteller.

Außerdem zeigen Fotos von Dokumenten manchmal nur einen Teil der Seite. Ein kurzer Hinweis mit
Beispielbild im Formular hat die Zahl unlesbarer Nachweise halbiert.

## Empfehlungen

- Den Prozess zuerst vereinfachen, dann digitalisieren.
- Nachweise nach Haushaltskonstellation abfragen, nicht pauschal alle.
- Die Wohngeldstelle früh einbinden: Die besten Hilfetexte stammen aus ihren häufigsten
  Rückfragen.
- Den Papierantrag nicht abschaffen. Wer Hilfe braucht, bekommt sie weiterhin in der
  Sprechstunde, auf Wunsch auch beim Ausfüllen des Online-Antrags.

## Ansprechpartnerin

Daniela Richter, Digitalbeauftragte, Stabsstelle Digitalisierung, Landkreis Mainz-Bingen,
d.richter@mainz-bingen.example.org, Telefon +49 6132 0000-5101.
"""

TESTERGEBNISSE = """\
## Worum es geht

Das Gesundheitsamt untersucht regelmäßig Menschen und Proben: Umgebungsuntersuchungen nach
einem Tuberkulosefall, Reihenuntersuchungen in Gemeinschaftseinrichtungen, Trinkwasserproben
aus Eigenwasserversorgungen. Die Testergebnisse kommen vom Labor und müssen den Betroffenen
mitgeteilt werden. Bislang hieß das: Befund ausdrucken, Brief schreiben, bei auffälligen
Befunden telefonisch nachfassen. Bei größeren Untersuchungen mit mehreren hundert Personen war
ein Team tagelang mit Briefen und Telefonaten beschäftigt, während Anrufe nach dem Muster
„Ist mein Ergebnis schon da?“ die Leitungen blockierten.

## Der neue Prozess

1. **Untersuchung:** Bei der Probenahme erhält jede Person ein Informationsblatt mit einem
   persönlichen Zugangscode. Das Einverständnis zur digitalen Mitteilung wird schriftlich
   eingeholt; wer nicht einverstanden ist, bekommt weiterhin einen Brief.
2. **Laborbefund:** Das Labor übermittelt die Ergebnisse elektronisch. Das Fachverfahren des
   Gesundheitsamts ordnet sie über die Probennummer der Person zu.
3. **Freigabe:** Eine Ärztin oder ein Arzt prüft die Befunde. Unauffällige Ergebnisse werden
   gesammelt zum Abruf freigegeben.
4. **Abruf:** Die Person ruft ihr Ergebnis mit Zugangscode und Geburtsdatum auf einer
   Abrufseite ab und erhält es als PDF. Nach 30 Tagen wird es dort gelöscht; wer es nach
   sieben Tagen nicht abgerufen hat, erhält es per Brief.
5. **Auffällige Befunde** werden nie nur digital mitgeteilt: Das Gesundheitsamt ruft an und
   vereinbart einen Termin.
6. **Dokumentation:** Befund und Mitteilung werden im Fachverfahren dokumentiert; sobald die
   E-Akte im Gesundheitsamt eingeführt ist, auch dort.

## Rollen und Systeme

| Schritt | Wer | System |
|---|---|---|
| Probenahme, Einverständnis | Hygienekontrolle | Fachverfahren, Vordruck |
| Befundeingang und Zuordnung | automatisch, Kontrolle durch Sachbearbeitung | Fachverfahren |
| medizinische Freigabe | Ärztin oder Arzt | Fachverfahren |
| Abruf | Bürgerin oder Bürger | Abrufseite mit Zugangscode |
| Mitteilung auffälliger Befunde | Ärztin oder Arzt | Telefon, Termin |
| Dokumentation | Sachbearbeitung | Fachverfahren, künftig E-Akte |

## Datenschutz

Gesundheitsdaten gehören zu den besonderen Kategorien personenbezogener Daten nach Art. 9
DSGVO. Vor dem Start haben wir deshalb eine Datenschutz-Folgenabschätzung durchgeführt. Die
wichtigsten Maßnahmen: Zugangscode und Geburtsdatum als zwei getrennte Merkmale, Sperre nach
fünf Fehlversuchen, verschlüsselte Übertragung, kurze Speicherdauer und keine Inhalte in
Benachrichtigungen per E-Mail oder SMS.

## Ergebnis

Bei der letzten Umgebungsuntersuchung mit gut 300 Personen haben über 80 Prozent ihr Ergebnis
online abgerufen. Das Team hat für die Mitteilung einen halben statt drei Arbeitstage
gebraucht, und die Nachfragen am Telefon sind stark zurückgegangen.

## Zur Nachnutzung

Das Prozessmodell liegt diesem Artikel bei und folgt den gemeinsamen BPMN-Vorlagen der AG. Es
ist bewusst so beschrieben, dass andere Gesundheitsämter es mit ihrem eigenen Fachverfahren
umsetzen können. Informationsblatt und Einverständniserklärung geben wir auf Anfrage gern
weiter.

## Ansprechpartner

Sebastian Krüger, Digitalbeauftragter, Stabsstelle Digitalisierung, Landkreis Vulkaneifel,
digital@vulkaneifel.example.org, Telefon +49 6592 0000-9101.
"""

ARTICLES = (
    ArticleText(
        slug="jagdschein-und-fischereischein-online",
        title="Jagd- und Fischereischein online beantragen und bezahlen",
        summary=(
            "Der Landkreis Neuwied bietet Jagdschein und Fischereischein vollständig online an "
            "– vom Antrag über die Zahlung bis zur Übernahme ins Fachverfahren. Was es gebraucht "
            "hat und warum die Bezahlfunktion am längsten gedauert hat."),
        body=JAGDSCHEIN,
        category=CATEGORY, administration=NR, visibility=PUBLIC, written=(1, 9),
        tags=("OZG", "Onlinedienst", "Jagdschein", "Fischereischein", "E-Payment"),
        topics=("ozg-onlinedienste",),
        meetings=(1,),
        revision=Revision(
            message="Fallzahlen aus dem zweiten Jahr ergänzt", days=420,
            edits=((
                "Etwa die Hälfte der Anträge kommt inzwischen online, bei Verlängerungen "
                "deutlich mehr.",
                "Im ersten Jahr kam etwa die Hälfte der Anträge online, im zweiten Jahr waren "
                "es rund 70 Prozent,\nbei Verlängerungen über 80 Prozent. Nach demselben Muster "
                "erproben wir inzwischen einen\nOnlinedienst der Waffenbehörde.",
            ),)),
    ),
    ArticleText(
        slug="einer-fuer-alle-onlinedienste-nachnutzen",
        title="Einer für Alle: Onlinedienste nachnutzen statt selbst entwickeln",
        summary=(
            "Der Landkreis Cochem-Zell nutzt mehrere Onlinedienste nach dem Prinzip „Einer für "
            "Alle“ nach. Eine Anleitung in sechs Schritten – von der Auswahl des Dienstes über "
            "die Vereinbarung bis zum Start – mit Kosten und Stolpersteinen."),
        body=EINER_FUER_ALLE,
        category=CATEGORY, administration=COC, visibility=PUBLIC, written=(5, 25),
        tags=("OZG", "Einer für Alle", "EfA", "Nachnutzung", "Onlinedienst", "Landesportal"),
        topics=("ozg-onlinedienste", "buergerportal"),
        meetings=(5,),
    ),
    ArticleText(
        slug="wohngeld-online-mit-nachweis-upload",
        title="Wohngeld online mit Nachweis-Upload",
        summary=(
            "Im Landkreis Mainz-Bingen wird Wohngeld vollständig online beantragt; Nachweise "
            "laden die Antragstellenden direkt hoch. Was sich für Antragstellende und "
            "Sachbearbeitung geändert hat – und wo das Fachverfahren noch bremst."),
        body=WOHNGELD,
        category=CATEGORY, administration=MZ, visibility=PUBLIC, written=(8, 12),
        tags=("Wohngeld", "OZG", "Onlineantrag", "Nachweise", "Fachverfahren"),
        topics=("ozg-onlinedienste", "buergerportal"),
        meetings=(8,),
    ),
    ArticleText(
        slug="testergebnisse-gesundheitsamt-digital",
        title="Testergebnisse des Gesundheitsamts digital mitteilen",
        summary=(
            "Das Gesundheitsamt der Vulkaneifel teilt unauffällige Testergebnisse nicht mehr "
            "per Brief, sondern über einen sicheren Abruf mit Zugangscode mit. Der Prozess ist "
            "als Modell beschrieben und steht allen Mitgliedern zur Nachnutzung bereit."),
        body=TESTERGEBNISSE,
        category=CATEGORY, administration=DAU, visibility=INTERNAL, written=(8, 30),
        tags=("Gesundheitsamt", "Testergebnisse", "Befundmitteilung", "Prozessmodell",
              "Datenschutz"),
        topics=("ozg-onlinedienste", "e-akte"),
        meetings=(8,),
    ),
)
