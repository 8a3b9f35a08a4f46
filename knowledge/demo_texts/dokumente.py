"""Demo documents: their metadata and the content of the files the loader generates."""

from .spec import (
    AW,
    DAU,
    INTERNAL,
    MYK,
    PUBLIC,
    SIM,
    Bullets,
    DocumentText,
    Heading,
    Paragraph,
    Table,
)

CHECKLISTE_E_AKTE = (
    Heading("Checkliste: Einführung der E-Akte in einer Abteilung", 1),
    Paragraph(
        "Landkreis Mayen-Koblenz, Zentrale Dienste – Organisation. Zusammengestellt aus den "
        "Erfahrungen bei der Einführung der E-Akte in der Ausländerbehörde. Bitte an die "
        "eigenen Verhältnisse anpassen."),
    Heading("1. Vorbereitung"),
    Table((10, 62, 28), (
        ("Nr.", "Aufgabe", "verantwortlich"),
        ("1.1", "Ziele und Umfang mit der Abteilungsleitung festlegen", "Projektleitung"),
        ("1.2", "Ist-Aufnahme: Aktenbestand, Eingangswege, Fachverfahren", "Organisation"),
        ("1.3", "Aktenplan vereinfachen, Pflichtmetadaten festlegen", "Abteilung"),
        ("1.4", "Personalrat, Datenschutz und Informationssicherheit beteiligen",
         "Projektleitung"),
        ("1.5", "Dienstanweisung zum ersetzenden Scannen anpassen", "Organisation"),
    )),
    Heading("2. Technik"),
    Table((10, 62, 28), (
        ("Nr.", "Aufgabe", "verantwortlich"),
        ("2.1", "Schnittstelle zum Fachverfahren beauftragen und testen", "IT, Hersteller"),
        ("2.2", "Berechtigungs- und Vertretungskonzept einrichten", "IT, Abteilung"),
        ("2.3", "Zweite Bildschirme für alle Arbeitsplätze bestellen", "IT"),
        ("2.4", "Scanprofile und Trennblätter in der Scanstelle einrichten", "Scanstelle"),
    )),
    Heading("3. Pilot und Rollout"),
    Table((10, 62, 28), (
        ("Nr.", "Aufgabe", "verantwortlich"),
        ("3.1", "Pilot mit mindestens zwei Teams, damit Vertretungen vorkommen",
         "Abteilungsleitung"),
        ("3.2", "Schulungen in Kleingruppen, Kurzanleitung am Arbeitsplatz", "Organisation"),
        ("3.3", "Tägliche Rückmelderunde während des Pilots", "Projektleitung"),
        ("3.4", "Stichtag festlegen: neue Vorgänge nur noch elektronisch",
         "Abteilungsleitung"),
        ("3.5", "Regel für Altakten festlegen (z. B. Scannen bei Bedarf)", "Abteilung"),
    )),
    Heading("4. Nach dem Start"),
    Table((10, 62, 28), (
        ("Nr.", "Aufgabe", "verantwortlich"),
        ("4.1", "Sprechstunde in den ersten vier Wochen", "Organisation"),
        ("4.2", "Kennzahlen nach drei und nach zwölf Monaten erheben", "Projektleitung"),
        ("4.3", "Vernichtung der gescannten Originale nach Frist prüfen", "Scanstelle"),
    )),
)

DIENSTVEREINBARUNG = (
    Heading("Muster-Dienstvereinbarung über mobiles Arbeiten", 1),
    Paragraph(
        "Muster auf Grundlage der Dienstvereinbarung des Rhein-Hunsrück-Kreises. Angaben in "
        "eckigen Klammern sind anzupassen. Das Muster ist keine Rechtsberatung; vor dem "
        "Abschluss bitte mit Personalrat und Rechtsamt abstimmen."),
    Paragraph(
        "Zwischen der [Verwaltung], vertreten durch [die Landrätin / den Landrat], und dem "
        "Personalrat der [Verwaltung] wird folgende Dienstvereinbarung geschlossen."),
    Heading("§ 1 Geltungsbereich"),
    Paragraph(
        "Die Dienstvereinbarung gilt für alle Beschäftigten der [Verwaltung] einschließlich "
        "der Beamtinnen und Beamten. Für Auszubildende gelten die Regelungen der "
        "Ausbildungsleitung."),
    Heading("§ 2 Begriff"),
    Paragraph(
        "Mobiles Arbeiten ist die Erledigung dienstlicher Aufgaben außerhalb der Dienststelle, "
        "insbesondere in der eigenen Wohnung, mit dienstlich bereitgestellten Geräten. Es ist "
        "keine Telearbeit im Sinne der Arbeitsstättenverordnung."),
    Heading("§ 3 Freiwilligkeit und Antrag"),
    Paragraph(
        "Mobiles Arbeiten ist freiwillig. Es wird bei der unmittelbaren Führungskraft "
        "beantragt. Die Führungskraft prüft, ob sich die Aufgaben eignen, und entscheidet "
        "innerhalb von vier Wochen. Eine Ablehnung wird schriftlich begründet; auf Wunsch der "
        "oder des Beschäftigten wird der Personalrat beteiligt."),
    Heading("§ 4 Umfang"),
    Paragraph(
        "Mobiles Arbeiten ist an bis zu [zwei] Arbeitstagen pro Woche möglich. Die Tage werden "
        "im Team abgestimmt. In begründeten Fällen, etwa bei der Pflege von Angehörigen, kann "
        "ein größerer Umfang vereinbart werden."),
    Heading("§ 5 Arbeitszeit und Erreichbarkeit"),
    Bullets((
        "Es gelten die Regelungen zur Arbeitszeit der [Verwaltung]; die Arbeitszeit wird "
        "elektronisch erfasst.",
        "Während der Kernzeit von [9 bis 12 Uhr] sind die Beschäftigten per Telefon, E-Mail "
        "und Videokonferenz erreichbar.",
        "Außerhalb der vereinbarten Arbeitszeit besteht keine Pflicht zur Erreichbarkeit.",
    )),
    Heading("§ 6 Ausstattung"),
    Paragraph(
        "Die [Verwaltung] stellt Notebook, Headset und einen gesicherten Zugang zum "
        "Verwaltungsnetz bereit. Ein zweiter Bildschirm kann ausgeliehen werden. Private "
        "Geräte dürfen für dienstliche Aufgaben nicht genutzt werden. Kosten für Strom und "
        "Internetzugang werden nicht erstattet."),
    Heading("§ 7 Datenschutz und Informationssicherheit"),
    Bullets((
        "Dienstliche Unterlagen und Bildschirminhalte sind vor der Einsicht Dritter zu "
        "schützen.",
        "Papierunterlagen mit personenbezogenen Daten verbleiben grundsätzlich in der "
        "Dienststelle.",
        "Geräte werden beim Verlassen des Arbeitsplatzes gesperrt; der Verlust eines Geräts "
        "ist unverzüglich der IT zu melden.",
    )),
    Heading("§ 8 Arbeits- und Gesundheitsschutz"),
    Paragraph(
        "Die Beschäftigten werden vor Beginn des mobilen Arbeitens zur ergonomischen "
        "Gestaltung ihres Arbeitsplatzes unterwiesen. Die Regelungen zum Dienstunfallschutz "
        "bleiben unberührt."),
    Heading("§ 9 Beendigung"),
    Paragraph(
        "Beide Seiten können das mobile Arbeiten mit einer Frist von einem Monat beenden. "
        "Aus dienstlichen Gründen kann die Anwesenheit in der Dienststelle jederzeit "
        "angeordnet werden."),
    Heading("§ 10 Auswertung"),
    Paragraph(
        "Dienststelle und Personalrat werten die Erfahrungen jährlich aus, insbesondere durch "
        "eine Befragung der Beschäftigten, und passen die Vereinbarung bei Bedarf an."),
    Heading("§ 11 Inkrafttreten"),
    Paragraph(
        "Die Dienstvereinbarung tritt am [Datum] in Kraft. Sie kann mit einer Frist von drei "
        "Monaten zum Jahresende gekündigt werden; bis zum Abschluss einer neuen Vereinbarung "
        "gilt sie weiter."),
    Paragraph(
        "[Ort], den [Datum] – für die [Verwaltung]: ____________________ – für den "
        "Personalrat: ____________________"),
)

PROZESSMODELL_TESTERGEBNISSE = (
    Heading("Prozessmodell: Mitteilung von Testergebnissen des Gesundheitsamts", 1),
    Paragraph(
        "Prozessbeschreibung nach den gemeinsamen BPMN-Vorlagen der AG Digitales Kreishaus. "
        "Version 1.0. Verantwortlich: Gesundheitsamt, Landkreis Vulkaneifel."),
    Heading("Beteiligte (Lanes)"),
    Bullets((
        "Bürgerin oder Bürger (untersuchte Person)",
        "Gesundheitsamt – Hygienekontrolle",
        "Gesundheitsamt – ärztlicher Dienst",
        "Gesundheitsamt – Sachbearbeitung",
        "Labor (extern)",
    )),
    Heading("Ereignisse"),
    Bullets((
        "Start: Untersuchung angeordnet",
        "Ende 1: Ergebnis abgerufen oder per Brief mitgeteilt",
        "Ende 2: auffälliger Befund persönlich mitgeteilt, Termin vereinbart",
        "Zeitereignis: Ergebnis sieben Tage nach Freigabe nicht abgerufen",
    )),
    Heading("Ablauf"),
    Table((8, 44, 24, 24), (
        ("Nr.", "Schritt", "Lane", "System"),
        ("1", "Untersuchung ankündigen, Informationsblatt mit Zugangscode ausgeben",
         "Hygienekontrolle", "Fachverfahren"),
        ("2", "Einverständnis zur digitalen Mitteilung einholen", "Hygienekontrolle",
         "Vordruck, Scan"),
        ("3", "Probe nehmen, Probennummer zuordnen", "Hygienekontrolle", "Fachverfahren"),
        ("4", "Probe untersuchen, Befund elektronisch übermitteln", "Labor",
         "Laborschnittstelle"),
        ("5", "Befund der Person zuordnen, Zuordnung kontrollieren", "Sachbearbeitung",
         "Fachverfahren"),
        ("6", "Gateway: Befund auffällig?", "ärztlicher Dienst", "Fachverfahren"),
        ("7a", "nein: Ergebnis zum Abruf freigeben", "ärztlicher Dienst", "Abrufseite"),
        ("7b", "ja: anrufen und Termin vereinbaren", "ärztlicher Dienst", "Telefon"),
        ("8", "Ergebnis mit Zugangscode und Geburtsdatum abrufen", "Bürgerin oder Bürger",
         "Abrufseite"),
        ("9", "nach sieben Tagen nicht abgerufen: Ergebnis per Brief senden",
         "Sachbearbeitung", "Fachverfahren"),
        ("10", "Ergebnis nach 30 Tagen von der Abrufseite löschen", "automatisch",
         "Abrufseite"),
        ("11", "Befund und Mitteilung dokumentieren", "Sachbearbeitung",
         "Fachverfahren, künftig E-Akte"),
    )),
    Heading("Medienbrüche und offene Punkte"),
    Bullets((
        "Die Einverständniserklärung wird noch auf Papier unterschrieben und gescannt.",
        "Der Brief bei Nichtabruf wird gedruckt und versandt.",
        "Die Ablage in der E-Akte folgt mit deren Einführung im Gesundheitsamt.",
    )),
    Heading("Datenschutz"),
    Bullets((
        "Datenschutz-Folgenabschätzung durchgeführt (Gesundheitsdaten nach Art. 9 DSGVO).",
        "Zwei getrennte Merkmale für den Abruf: Zugangscode und Geburtsdatum.",
        "Sperre nach fünf Fehlversuchen, verschlüsselte Übertragung.",
        "Keine Befundinhalte in Benachrichtigungen per E-Mail oder SMS.",
    )),
)

NUTZUNGSRICHTLINIE_TABLETS = (
    Heading("Richtlinie für die Nutzung dienstlicher Tablets durch Mitglieder des Kreistags",
            1),
    Paragraph("Muster des Landkreises Ahrweiler, frei nachnutzbar mit Quellenangabe."),
    Heading("1. Zweck"),
    Paragraph(
        "Die Mitglieder des Kreistags und seiner Ausschüsse erhalten für die Dauer ihres "
        "Mandats ein dienstliches Tablet, um Sitzungsunterlagen im Ratsinformationssystem zu "
        "empfangen, zu lesen und zu bearbeiten."),
    Heading("2. Überlassung"),
    Paragraph(
        "Das Tablet bleibt Eigentum des Landkreises. Es wird gegen Unterschrift ausgegeben und "
        "ist beim Ende des Mandats vollständig mit Zubehör zurückzugeben."),
    Heading("3. Nutzung"),
    Bullets((
        "Das Tablet dient der Mandatsausübung.",
        "Eine private Nutzung in geringem Umfang ist gestattet, wenn keine zusätzlichen "
        "Kosten entstehen.",
        "Apps werden ausschließlich über die Geräteverwaltung des Landkreises installiert.",
        "Das Gerät darf nicht an Dritte weitergegeben werden, auch nicht an "
        "Familienangehörige.",
    )),
    Heading("4. Sicherheit"),
    Bullets((
        "Das Gerät ist mit einer mindestens sechsstelligen PIN zu sichern.",
        "Updates werden zeitnah installiert; die Geräteverwaltung erinnert daran.",
        "Nichtöffentliche Sitzungsunterlagen werden nur in der App des "
        "Ratsinformationssystems geöffnet und nicht weitergeleitet oder gedruckt.",
    )),
    Heading("5. Verlust und Diebstahl"),
    Paragraph(
        "Ein Verlust ist unverzüglich dem Sitzungsdienst zu melden. Das Gerät wird dann aus der "
        "Ferne gesperrt und gelöscht. Bei Diebstahl ist Anzeige zu erstatten."),
    Heading("6. Kosten und Haftung"),
    Paragraph(
        "Gerät, Mobilfunkvertrag und Support trägt der Landkreis. Für Schäden haften die "
        "Mitglieder nur bei Vorsatz oder grober Fahrlässigkeit."),
    Heading("7. Unterstützung"),
    Paragraph(
        "Der Sitzungsdienst bietet vor jeder Sitzungsrunde eine Sprechstunde an; technische "
        "Fragen beantwortet die IT-Hotline."),
    Paragraph(
        "Ich habe die Richtlinie erhalten und erkenne sie an. Name, Datum, Unterschrift: "
        "______________________________"),
)

METADATENSCHEMA_BAULASTEN = (
    Heading("Metadatenschema"),
    Table((22, 40, 18, 10, 20), (
        ("Feld", "Beschreibung", "Format", "Pflicht", "Beispiel"),
        ("baulastenblatt_nr", "Nummer des Baulastenblatts im Verzeichnis", "Ganzzahl", "ja",
         "1234"),
        ("kreis", "Regionalschlüssel des Kreises", "Text, 5 Ziffern", "ja", "07131"),
        ("gemarkung", "Name der Gemarkung", "Text", "ja", "Ahrweiler"),
        ("flur", "Flur des belasteten Flurstücks", "Ganzzahl", "ja", "7"),
        ("flurstueck", "Flurstück (Zähler/Nenner), belastet", "Text", "ja", "112/3"),
        ("flurstueck_beguenstigt", "begünstigtes Flurstück, falls vorhanden", "Text", "nein",
         "112/4"),
        ("art", "Art der Baulast, siehe Auswahlliste", "Auswahl", "ja", "Abstandsfläche"),
        ("kurzbeschreibung", "Inhalt der Baulast in Stichworten", "Text, bis 500 Zeichen",
         "nein", "Abstandsfläche 3 m entlang der Nordgrenze"),
        ("eingetragen_am", "Datum der Eintragung", "Datum TT.MM.JJJJ", "ja", "14.03.1987"),
        ("geloescht_am", "Datum der Löschung", "Datum TT.MM.JJJJ", "wenn gelöscht", ""),
        ("status", "eingetragen oder gelöscht", "Auswahl", "ja", "eingetragen"),
        ("aktenzeichen_bauvorgang", "Aktenzeichen des zugehörigen Bauvorgangs", "Text",
         "nein", "BA-1987-0456"),
        ("seiten", "Zahl der gescannten Seiten", "Ganzzahl", "ja", "4"),
        ("datei", "Dateiname der PDF/A-Datei", "Text", "ja", "BL_07131_001234.pdf"),
    )),
    Heading("Arten der Baulast"),
    Table((30, 70), (
        ("Art", "Erläuterung"),
        ("Abstandsfläche", "Übernahme von Abstandsflächen auf das Nachbargrundstück"),
        ("Zufahrt", "Sicherung einer Zufahrt oder eines Zugangs über ein fremdes Grundstück"),
        ("Stellplatz", "Nachweis notwendiger Stellplätze auf einem anderen Grundstück"),
        ("Vereinigung", "Mehrere Grundstücke gelten baurechtlich als ein Grundstück"),
        ("Anbau", "Verpflichtung zum Anbau an eine gemeinsame Grenze"),
        ("Sonstige", "alle übrigen Baulasten; Inhalt in der Kurzbeschreibung angeben"),
    )),
)

DOCUMENTS = (
    DocumentText(
        title="Checkliste Einführung E-Akte",
        filename="checkliste-einfuehrung-e-akte.pdf",
        description=(
            "Checkliste in vier Phasen für die Einführung der E-Akte in einer Abteilung, mit "
            "Verantwortlichkeiten. Entstanden bei der Einführung in der Ausländerbehörde."),
        reuse_note="Frei nachnutzbar mit Quellenangabe",
        administration=MYK, visibility=PUBLIC, written=(8, 6),
        blocks=CHECKLISTE_E_AKTE,
        articles=("e-akte-in-der-auslaenderbehoerde", "zentrale-scanstelle-ersetzendes-scannen"),
    ),
    DocumentText(
        title="Muster-Dienstvereinbarung mobiles Arbeiten",
        filename="muster-dienstvereinbarung-mobiles-arbeiten.pdf",
        description=(
            "Muster einer Dienstvereinbarung über mobiles Arbeiten mit elf Paragrafen, "
            "abgeleitet aus der Vereinbarung des Rhein-Hunsrück-Kreises nach einem Pilotjahr."),
        reuse_note="Muster, frei anpassbar und nachnutzbar; keine Rechtsberatung",
        administration=SIM, visibility=PUBLIC, written=(6, 25),
        blocks=DIENSTVEREINBARUNG,
        articles=("mobiles-arbeiten-dienstvereinbarung",),
        meetings=(6,),
    ),
    DocumentText(
        title="Prozessmodell Testergebnisse Gesundheitsamt",
        filename="prozessmodell-testergebnisse-gesundheitsamt.pdf",
        description=(
            "Ablauf, Beteiligte, Medienbrüche und Datenschutzmaßnahmen der digitalen "
            "Mitteilung von Testergebnissen, nach den gemeinsamen BPMN-Vorlagen der AG."),
        reuse_note="Zur Nachnutzung durch die Mitglieder der AG",
        administration=DAU, visibility=INTERNAL, written=(8, 30),
        blocks=PROZESSMODELL_TESTERGEBNISSE,
        articles=("testergebnisse-gesundheitsamt-digital",),
    ),
    DocumentText(
        title="Nutzungsrichtlinie Tablets für Kreistagsmitglieder",
        filename="nutzungsrichtlinie-tablets-kreistag.pdf",
        description=(
            "Richtlinie zu Überlassung, Nutzung, Sicherheit und Verlust dienstlicher Tablets "
            "für die papierlose Kreistagsarbeit, wie in der Sitzung in Bad Ems vereinbart."),
        reuse_note="Frei nachnutzbar mit Quellenangabe",
        administration=AW, visibility=PUBLIC, written=(4, 20),
        blocks=NUTZUNGSRICHTLINIE_TABLETS,
        articles=("papierlose-kreistagsarbeit-mit-tablets",),
        meetings=(4,),
    ),
    DocumentText(
        title="Metadatenschema Baulastblätter",
        filename="metadatenschema-baulastblaetter.xlsx",
        description=(
            "Die Felder, die der Scandienstleister für jedes Baulastblatt erfasst, mit Format, "
            "Pflichtangabe und Beispiel, dazu die Auswahlliste der Arten von Baulasten."),
        reuse_note="CC BY 4.0, Landkreis Ahrweiler",
        administration=AW, visibility=INTERNAL, written=(6, 10),
        blocks=METADATENSCHEMA_BAULASTEN,
        articles=("baulastenakten-digitalisieren-leistungsbeschreibung",),
        projects=("baulastenakten-digitalisieren",),
    ),
)
