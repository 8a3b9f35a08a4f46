"""Texts of the demo network: Steckbrief questions and answers, contact persons.

Everything here was written for the demo. The answers sketch a plausible state of
digitalization; they do not describe what the named administrations really do. The contact
persons are invented: their names are common German names, their email addresses lie under
example.org and their phone numbers in the fictional block "0000", so nobody real is reached.

Administrations are referred to by their natural key: the regional key for districts and
Gemeindeverbände, the slug for the IT service provider.
"""

from .enums import ContactFunction as F


class Internal(str):
    """A Steckbrief answer that only logged-in member staff may read."""


# Question order numbers, used as the natural key of the questions.
BEDEUTUNG, SCHWERPUNKTE, PROJEKTE, SMART, ERWARTUNGEN, HILFE = 1, 2, 3, 4, 5, 6

# (order, question, hint for the person answering)
QUESTIONS = [
    (BEDEUTUNG, "Welche Bedeutung hat die Digitalisierung in Ihrer Verwaltung?",
     "Stellenwert, Verankerung in Strategie und Organisation, wer das Thema vorantreibt."),
    (SCHWERPUNKTE, "Welche Schwerpunkte setzen Sie bei der Digitalisierung?",
     "Zum Beispiel E-Akte, Online-Dienste, Prozesse, Personal, Infrastruktur."),
    (PROJEKTE, "Welche Projekte laufen derzeit?",
     "Laufende Vorhaben mit ihrem Stand."),
    (SMART, "Gibt es Smart-City- oder Smart-Region-Projekte über die Verwaltung hinaus?",
     "Vorhaben mit Gemeinden, Wirtschaft, Bildung oder Ehrenamt in der Region."),
    (ERWARTUNGEN, "Was erwarten Sie vom Netzwerk?",
     "Was soll sich für Ihre Verwaltung durch die Mitarbeit ändern?"),
    (HILFE, "Wo können Sie anderen helfen?",
     "Erfahrungen, Vorlagen und Lösungen, die Sie gern teilen."),
]

IT_PROVIDER_SLUG = "it-zweckverband-mittelrhein"

# natural key -> {question order: answer}; answers wrapped in Internal() are not public.
ANSWERS = {
    # Landkreis Mayen-Koblenz (coordinating district)
    "07137": {
        BEDEUTUNG: (
            "Digitalisierung ist bei uns eine Führungsaufgabe. Seit 2019 bündelt eine "
            "Stabsstelle Digitalisierung die Vorhaben der Kreisverwaltung, und jede Abteilung "
            "hat eine Digitallotsin oder einen Digitallotsen benannt. Wir messen uns daran, ob "
            "Bürgerinnen und Bürger, Unternehmen und unsere Gemeinden Wege sparen – nicht an "
            "der Zahl neuer Programme."),
        SCHWERPUNKTE: (
            "Erstens die E-Akte in allen Abteilungen, zweitens Online-Dienste für die Leistungen "
            "mit den höchsten Fallzahlen (Kfz-Zulassung, Führerschein, Wohngeld, "
            "Ausländerbehörde), drittens die Qualifizierung der Beschäftigten. Grundlage ist ein "
            "Dokumentenmanagementsystem, das wir schrittweise auch den Verbandsgemeinden "
            "anbieten."),
        PROJEKTE: (
            "Die E-Akte in der Ausländerbehörde läuft im Echtbetrieb; die Eingangspost wird in "
            "einer zentralen Scanstelle erfasst und ersetzend gescannt. Für die Kfz-Zulassung "
            "an beiden Standorten buchen Kundinnen und Kunden ihre Termine online. In "
            "Vorbereitung sind der digitale Bauantrag und die Anbindung weiterer Fachverfahren "
            "an das Nutzerkonto."),
        SMART: (
            "Mit zwei Verbandsgemeinden erproben wir ein LoRaWAN-Funknetz: Sensoren melden die "
            "Pegel kleiner Bäche und den Füllstand von Altglascontainern. Die Messwerte sollen "
            "als offene Daten bereitstehen."),
        ERWARTUNGEN: (
            "Als koordinierender Kreis wünschen wir uns verbindliche Absprachen: gemeinsame "
            "Anforderungen an Fachverfahren, abgestimmte Ausschreibungen und offen geteilte "
            "Vorlagen – damit nicht jeder Kreis dieselbe Dienstanweisung zum dritten Mal "
            "schreibt."),
        HILFE: (
            "Aufbau einer zentralen Scanstelle (Verfahrensdokumentation, Dienstanweisung zum "
            "ersetzenden Scannen), Einführung der E-Akte in einer Ausländerbehörde, Moderation "
            "von Workshops und Netzwerktreffen."),
    },
    # Landkreis Ahrweiler
    "07131": {
        BEDEUTUNG: (
            "Digitalisierung und Krisenfestigkeit gehören für uns zusammen. Die Verwaltung muss "
            "auch arbeiten können, wenn ein Gebäude oder eine Leitung ausfällt – deshalb "
            "investieren wir in mobile Arbeitsplätze, Notfallpläne und Akten, die nicht an einen "
            "Ort gebunden sind."),
        SCHWERPUNKTE: (
            "Informationssicherheit nach IT-Grundschutz, die Digitalisierung der Bauaufsicht "
            "und papierlose Gremienarbeit. Daneben weiten wir die Online-Terminvergabe auf alle "
            "Bereiche mit Publikumsverkehr aus."),
        PROJEKTE: (
            "Das Baulastenverzeichnis wird digital: Die Baulastblätter sind gescannt und mit den "
            "Flurstücken verknüpft, Auskünfte an Notariate und Bauherren gehen künftig "
            "elektronisch hinaus. Kreistag und Ausschüsse arbeiten mit Tablets und dem "
            "Ratsinformationssystem; Sitzungsunterlagen werden nicht mehr gedruckt."),
        SMART: (
            "Wir prüfen mit den Gemeinden eine gemeinsame Informations-App, die Warnmeldungen, "
            "Pegelstände und Nachrichten aus den Rathäusern bündelt. Für die "
            "Wirtschaftsförderung entsteht ein digitales Gewerbeflächenportal."),
        ERWARTUNGEN: Internal(
            "Ehrlicher Austausch, auch über Projekte, die nicht funktioniert haben. Konkret "
            "suchen wir Partner für ein gemeinsames Ausweich-Rechenzentrum und "
            "Erfahrungsberichte zu Scan-Dienstleistern."),
        HILFE: (
            "Digitalisierung von Bauakten und Baulasten (Leistungsbeschreibung für "
            "Scan-Dienstleister, Metadatenschema), papierlose Kreistagsarbeit mit Tablets, "
            "Aufbau eines Informationssicherheits-Managementsystems."),
    },
    # Landkreis Altenkirchen (Westerwald)
    "07132": {
        BEDEUTUNG: (
            "In einem ländlichen Kreis mit weiten Wegen ist Digitalisierung Daseinsvorsorge: "
            "Wer am Rand des Kreisgebiets wohnt, soll für einen Antrag nicht mehr in die "
            "Kreisstadt fahren müssen."),
        SCHWERPUNKTE: (
            "Online-Dienste im Jugend- und Sozialbereich, mobiles Arbeiten und die digitalen "
            "Grundkompetenzen aller Beschäftigten. Beim Breitbandausbau unterstützen wir die "
            "Gemeinden mit Beratung zu Förderprogrammen."),
        PROJEKTE: (
            "Die Wirtschaftliche Jugendhilfe führt die E-Akte ein, Unterhaltsvorschuss kann "
            "online beantragt werden. Für alle Beschäftigten läuft das Fortbildungsprogramm "
            "„Digital fit“ mit Webseminaren in der Mittagspause und kurzen Lernvideos im "
            "Intranet."),
        SMART: (
            "Mit den Verbandsgemeinden planen wir Dorfbüros mit Coworking-Plätzen in "
            "leerstehenden Gebäuden; der Förderantrag ist gestellt."),
        ERWARTUNGEN: Internal(
            "Wir möchten von größeren Kreisen lernen, wie sie Projekte priorisieren, und suchen "
            "Mitstreiter für eine gemeinsame Lernplattform, damit nicht jeder Kreis eigene "
            "Schulungsvideos dreht."),
        HILFE: (
            "Konzept und Materialien für Webseminare in der Mittagspause, Erfahrungen mit der "
            "Einführung mobilen Arbeitens (Dienstvereinbarung, Ausstattung, Datenschutz)."),
    },
    # Landkreis Cochem-Zell
    "07135": {
        BEDEUTUNG: (
            "Als kleiner Kreis mit einer überschaubaren IT-Abteilung müssen wir Prioritäten "
            "setzen und auf gemeinsame Lösungen bauen. Digitalisierung ist Teil der "
            "Kreisentwicklung: Sie soll die Region für Familien und Fachkräfte attraktiv "
            "halten."),
        SCHWERPUNKTE: (
            "Nachnutzen statt selbst entwickeln: Wir übernehmen Online-Dienste nach dem Prinzip "
            "„Einer für Alle“ und nutzen die Angebote des Landes. Intern stehen der digitale "
            "Posteingang und die elektronische Rechnung im Vordergrund."),
        PROJEKTE: (
            "Der zentrale digitale Posteingang ist eingerichtet, E-Rechnungen gelangen ohne "
            "Medienbruch ins Finanzverfahren. Auf der Website testen wir einen Chatbot, der "
            "häufige Fragen zu Kfz-Zulassung und Abfall beantwortet."),
        SMART: (
            "Mit der Tourismusförderung entsteht ein digitales Gästeinformationssystem mit "
            "aktuellen Angaben zu Parkplätzen und Schiffsanlegern an der Mosel. Einige Gemeinden "
            "erproben digitale Dorfplätze als Nachrichten- und Vereinsplattform."),
        ERWARTUNGEN: (
            "Gemeinsame Beschaffung und geteilte Fachleute: Eine Informationssicherheits- oder "
            "Datenschutzstelle für mehrere kleine Verwaltungen wäre für uns ein echter Gewinn."),
        HILFE: (
            "Nachnutzung von EfA-Online-Diensten (Vereinbarungen, Anbindung, Erfahrungen im "
            "Betrieb) und ein Chatbot für die Website."),
    },
    # Landkreis Mainz-Bingen
    "07339": {
        BEDEUTUNG: (
            "Unsere Verwaltung wächst mit dem Kreis, und offene Stellen lassen sich immer "
            "schwerer besetzen. Digitale Abläufe sind für uns deshalb auch eine Antwort auf den "
            "Fachkräftemangel. Ein Lenkungskreis der Verwaltungsspitze entscheidet über die "
            "Prioritäten."),
        SCHWERPUNKTE: (
            "Prozesse vor Technik: Jede Leistung wird vor der Digitalisierung aufgenommen und "
            "vereinfacht. Schwerpunkte sind das Dokumentenmanagement, Online-Anträge im "
            "Sozialbereich und ein einheitlicher Zugang über das Nutzerkonto."),
        PROJEKTE: (
            "Wohngeld kann vollständig online beantragt werden; Nachweise laden die "
            "Antragstellenden direkt hoch. Das Dokumentenmanagementsystem wird abteilungsweise "
            "eingeführt, derzeit in der Führerscheinstelle und im Sozialamt. Kreistag und "
            "Ausschüsse tagen papierlos."),
        SMART: (
            "Mit mehreren Gemeinden stellen wir Mobilitätsdaten (Ladesäulen, Mitfahrbänke, "
            "Busverbindungen) und Geodaten als offene Daten bereit."),
        ERWARTUNGEN: (
            "Ein Forum, in dem wir Prozessmodelle austauschen, und gemeinsame Positionen "
            "gegenüber Land und Herstellern von Fachverfahren."),
        HILFE: (
            "Prozessmodellierung (BPMN-Vorlagen, Modellierungsleitfaden), Online-Wohngeld mit "
            "Nachweis-Upload, Einführung eines Dokumentenmanagementsystems in großen "
            "Abteilungen."),
    },
    # Landkreis Neuwied
    "07138": {
        BEDEUTUNG: (
            "Digitalisierung soll den Alltag spürbar einfacher machen – für die Menschen im "
            "Kreis und für unsere Beschäftigten. Im Verwaltungsvorstand steht sie regelmäßig "
            "auf der Tagesordnung; eine Koordinierungsstelle hält die Fäden zusammen."),
        SCHWERPUNKTE: (
            "Online-Dienste, die bis ins Fachverfahren durchgängig digital sind, elektronisches "
            "Bezahlen und ein digitaler Posteingang. Außerdem modernisieren wir die "
            "Arbeitsplätze: Notebooks statt Standrechner, Videokonferenztechnik in allen "
            "Besprechungsräumen."),
        PROJEKTE: (
            "Jagdschein und Fischereischein lassen sich online beantragen und bezahlen. Die "
            "Zulassungsstelle bietet die internetbasierte Außerbetriebsetzung und "
            "Wiederzulassung an. Der Austausch der Arbeitsplatzrechner gegen Notebooks ist zu "
            "zwei Dritteln abgeschlossen."),
        SMART: (
            "Die Kreisvolkshochschule bietet Smartphone-Sprechstunden für Seniorinnen und "
            "Senioren an, in denen auch die Online-Dienste der Verwaltung erklärt werden. Mit "
            "Schulen und Betrieben planen wir eine regionale Bildungsplattform."),
        ERWARTUNGEN: (
            "Schneller zu Lösungen kommen, die anderswo schon funktionieren – und "
            "Ansprechpersonen, die man einfach anrufen kann."),
        HILFE: (
            "Anbindung von E-Payment an Online-Dienste, Online-Dienste der Zulassungsstelle, "
            "Rollout mobiler Arbeitsplätze."),
    },
    # Rhein-Hunsrück-Kreis
    "07140": {
        BEDEUTUNG: (
            "Wir verstehen uns seit Langem als Klimaschutz- und Energieregion. Digitalisierung "
            "ist für uns der nächste Schritt derselben Idee: Ressourcen sparen, Wege verkürzen, "
            "die Region stärken."),
        SCHWERPUNKTE: (
            "Mobiles Arbeiten für alle geeigneten Arbeitsplätze, E-Akte und digitale "
            "Personalakte, Online-Dienste über das Landesportal."),
        PROJEKTE: (
            "Nach einem Pilotjahr ist mobiles Arbeiten in einer Dienstvereinbarung geregelt; "
            "die meisten Beschäftigten nutzen es an ein bis zwei Tagen pro Woche. Die digitale "
            "Personalakte wird eingeführt, der Altbestand wird nach und nach gescannt."),
        SMART: (
            "Ein Energiedaten-Portal zeigt Erzeugung und Verbrauch erneuerbarer Energie in den "
            "Gemeinden. Mit den Verbandsgemeinden planen wir Sensorik für Straßenbeleuchtung "
            "und Gebäudeenergie."),
        ERWARTUNGEN: Internal(
            "Verlässliche Zusammenarbeit bei gemeinsamen Ausschreibungen. Außerdem möchten wir "
            "Erfahrungen mit der digitalen Personalakte austauschen, bevor wir den Altbestand "
            "extern scannen lassen."),
        HILFE: (
            "Dienstvereinbarung mobiles Arbeiten, Energiedatenmanagement, Pilotierung neuer "
            "Arbeitsformen."),
    },
    # Rhein-Lahn-Kreis
    "07141": {
        BEDEUTUNG: (
            "Digitalisierung betrifft bei uns nicht nur die Kreisverwaltung, sondern auch die "
            "Schulen in Trägerschaft des Kreises. Der Kreistag lässt sich regelmäßig über den "
            "Stand berichten."),
        SCHWERPUNKTE: (
            "Digitale Schulen (Netze, Endgeräte, Support), Online-Terminvergabe in allen "
            "Bereichen mit Publikumsverkehr und die E-Akte in der Kreisverwaltung."),
        PROJEKTE: (
            "Der Medienentwicklungsplan für die Kreisschulen wird fortgeschrieben, ein zentraler "
            "Support für die Schul-IT ist aufgebaut. Online-Termine gibt es für Zulassung, "
            "Führerscheinstelle und Ausländerbehörde."),
        SMART: (
            "Gemeinsam mit Schulen und Betrieben veranstalten wir digitale "
            "Berufsorientierungstage. Einige Gemeinden testen Bürger-Apps mit Mängelmelder und "
            "Veranstaltungskalender."),
        ERWARTUNGEN: (
            "Austausch zur Schul-IT, gemeinsame Ausschreibungen von Endgeräten und Unterstützung "
            "bei der Auswahl eines E-Akte-Systems."),
        HILFE: (
            "Medienentwicklungsplanung, Aufbau eines Supports für Schul-IT, Online-Terminvergabe "
            "über mehrere Standorte."),
    },
    # Landkreis Vulkaneifel
    "07233": {
        BEDEUTUNG: (
            "Wir sind der einwohnerschwächste Landkreis in Rheinland-Pfalz, die Wege in der Eifel "
            "sind lang. Leistungen müssen zu den Menschen kommen – Digitalisierung ist dafür "
            "unser wichtigstes Werkzeug."),
        SCHWERPUNKTE: (
            "Bürgerservice ohne Anfahrt: Online-Dienste, Videoberatung und ein mobiler "
            "Bürgerservice. Intern: ein digital arbeitendes Gesundheitsamt und gemeinsame "
            "IT-Dienste mit den Verbandsgemeinden."),
        PROJEKTE: (
            "Das Gesundheitsamt arbeitet mit einer neuen Fachsoftware und nimmt Meldungen "
            "elektronisch entgegen. Im Sozialamt läuft ein Pilot zur Videoberatung: Termine "
            "werden online gebucht und per Link wahrgenommen."),
        SMART: (
            "In mehreren Orten gibt es Dorfbüros, in denen Ehrenamtliche beim Stellen von "
            "Online-Anträgen helfen. Ein Coworking-Angebot in der Kreisstadt ist in Planung."),
        ERWARTUNGEN: Internal(
            "Praktische Hilfe: Vorlagen, gemeinsam beschaffte Lösungen und Fachleute anderer "
            "Kreise, die man zu einzelnen Fragen ansprechen kann."),
        HILFE: (
            "Videoberatung in der Sozialverwaltung, Dorfbüros mit ehrenamtlicher Unterstützung."),
    },
    # Westerwaldkreis
    "07143": {
        BEDEUTUNG: (
            "Mit 192 Ortsgemeinden ist die Zusammenarbeit mit den Verbandsgemeinden für uns "
            "zentral. Digitalisierung heißt deshalb auch: gemeinsame Standards, damit Daten "
            "nicht an Verwaltungsgrenzen hängen bleiben."),
        SCHWERPUNKTE: (
            "Digitales Finanzwesen (E-Rechnung, Freigabe-Workflow), Personal- und "
            "Organisationsentwicklung sowie Online-Dienste für Unternehmen."),
        PROJEKTE: (
            "Alle Eingangsrechnungen laufen über einen digitalen Freigabe-Workflow. Ein Pilot "
            "mit Softwarerobotern übernimmt wiederkehrende Buchungen. Die Online-Gewerbeanzeige "
            "ist mit den Verbandsgemeinden abgestimmt und überall gleich aufgebaut."),
        SMART: (
            "Mit der Wirtschaftsförderung betreiben wir eine Plattform für Ausbildungsplätze und "
            "Praktika; mehrere Verbandsgemeinden beteiligen sich an einem Projekt für "
            "bedarfsgesteuerte Straßenbeleuchtung."),
        ERWARTUNGEN: (
            "Klare Arbeitsteilung: Jeder Kreis treibt ein Thema voran und teilt die Ergebnisse. "
            "Wir bringen gern das Finanzwesen ein."),
        HILFE: (
            "E-Rechnung und digitaler Freigabe-Workflow, erste Erfahrungen mit "
            "Softwarerobotern (RPA), Abstimmung von Online-Diensten mit vielen "
            "Verbandsgemeinden."),
    },
    # Stadt Andernach
    "071370003": {
        BEDEUTUNG: (
            "Als größte Stadt im Kreis haben wir viel Publikumsverkehr im Bürgerbüro. "
            "Digitalisierung soll Wartezeiten verkürzen und die Mitarbeitenden entlasten."),
        PROJEKTE: (
            "Online-Terminvergabe im Bürgerbüro, Meldebescheinigung und Anwohnerparkausweis "
            "online, Ratsinformationssystem mit App für die Mitglieder des Stadtrats."),
        HILFE: "Online-Terminvergabe im Bürgerbüro mit Aufrufsystem im Wartebereich.",
    },
    # Stadt Mayen
    "071370068": {
        BEDEUTUNG: (
            "Digitalisierung ist ein Schwerpunkt unserer Verwaltungsmodernisierung; eine kleine "
            "Projektgruppe aus Hauptamt und IT steuert die Vorhaben."),
        PROJEKTE: (
            "Einführung eines Dokumentenmanagementsystems im Hauptamt und digitale Bauakten "
            "für die städtischen Gebäude."),
    },
    # Stadt Bendorf
    "071370203": {
        PROJEKTE: "Digitaler Posteingang, E-Rechnung und WLAN in allen städtischen Gebäuden.",
        ERWARTUNGEN: (
            "Anschluss an die Lösungen des Kreises und Austausch mit Städten ähnlicher Größe."),
    },
    # Verbandsgemeinde Vallendar
    "071375007": {
        BEDEUTUNG: (
            "Für eine kleine Verbandsgemeinde ist Digitalisierung nur gemeinsam zu schaffen – "
            "mit dem Kreis und mit den Nachbarn."),
        PROJEKTE: (
            "Umstieg auf das Dokumentenmanagementsystem des Kreises, Online-Dienste des "
            "Landesportals im Bürgerbüro, digitale Friedhofsverwaltung."),
        HILFE: (
            "Erfahrungen mit der Übernahme des Kreis-DMS in eine Verbandsgemeinde."),
    },
    # Verbandsgemeinde Weißenthurm
    "071375008": {
        PROJEKTE: (
            "E-Akte im Standesamt und im Bürgerbüro; Planung eines gemeinsamen "
            "Rechenzentrumsbetriebs mit dem IT-Zweckverband."),
        ERWARTUNGEN: Internal(
            "Konkrete Kooperationsangebote für Rechenzentrum und Informationssicherheit – das "
            "kann eine Verbandsgemeinde allein nicht leisten."),
    },
    # Verbandsgemeinde Rhein-Mosel
    "071375009": {
        PROJEKTE: (
            "Papierloser Sitzungsdienst für den Verbandsgemeinderat und die 18 "
            "Ortsgemeinderäte."),
        SMART: (
            "Wir beteiligen uns am LoRaWAN-Pilot des Kreises: Pegelsensoren an Bächen und "
            "Füllstandssensoren an Altglascontainern."),
    },
    # IT-Zweckverband Mittelrhein (fictional)
    IT_PROVIDER_SLUG: {
        SCHWERPUNKTE: (
            "Betrieb von Fachverfahren, Rechenzentrum und Netzen für Kreise, Städte und "
            "Verbandsgemeinden der Region; Informationssicherheit als gemeinsame Dienstleistung."),
        PROJEKTE: (
            "Aufbau eines zweiten, räumlich getrennten Rechenzentrumsstandorts, ein "
            "mandantenfähiges Dokumentenmanagementsystem für Verbandsgemeinden und eine "
            "gemeinsame Informationssicherheitsbeauftragte für kleinere Mitglieder."),
        HILFE: (
            "Beratung zu Betrieb und Ausschreibung von Fachverfahren, Informationssicherheit "
            "nach IT-Grundschutz, Schulungen für IT-Beauftragte."),
    },
}


def _contact(name, function, department, email, phone, expertise, *, public=True, other=""):
    return {
        "name": name, "function": function, "function_other": other,
        "department": department, "email": email, "phone": phone,
        "expertise": expertise, "is_public": public,
    }


# natural key -> contact persons in display order. All invented (see the module docstring).
CONTACTS = {
    "07137": [
        _contact("Katrin Berger", F.KOORDINIERUNGSSTELLE,
                 "Stabsstelle Digitalisierung und Netzwerkkoordination",
                 "koordination@mayen-koblenz.example.org", "+49 261 0000-1101",
                 "Netzwerkkoordination, Sitzungsplanung, OZG-Umsetzung"),
        _contact("Jonas Weber", F.OTHER, "Zentrale Dienste – Organisation",
                 "e-akte@mayen-koblenz.example.org", "+49 261 0000-1142",
                 "E-Akte, Dokumentenmanagement, ersetzendes Scannen, Scanstelle",
                 other="Projektleitung E-Akte"),
        _contact("Markus Hoffmann", F.IT_LEITUNG, "Zentrale Dienste – Informationstechnik",
                 "it-leitung@mayen-koblenz.example.org", "+49 261 0000-1180",
                 "Rechenzentrum, Netze, Arbeitsplatz-IT", public=False),
    ],
    "07131": [
        _contact("Tobias Schmitz", F.DIGITALBEAUFTRAGTE, "Stabsstelle Verwaltungsmodernisierung",
                 "digital@ahrweiler.example.org", "+49 2641 0000-2201",
                 "Digitalstrategie, papierlose Gremienarbeit, Fördermittel"),
        _contact("Stefan Wagner", F.OTHER, "Bauaufsicht",
                 "bauakten@ahrweiler.example.org", "+49 2641 0000-2310",
                 "Baulastenverzeichnis, Bauakten scannen, digitaler Bauantrag",
                 other="Sachgebietsleitung Baulasten und Bauakten"),
        _contact("Julia Krämer", F.INFORMATIONSSICHERHEIT, "Zentrale Dienste",
                 "informationssicherheit@ahrweiler.example.org", "+49 2641 0000-2245",
                 "ISMS, IT-Grundschutz, Notfallmanagement", public=False),
    ],
    "07132": [
        _contact("Christina Müller", F.DIGITALBEAUFTRAGTE, "Stabsstelle Digitalisierung",
                 "digital@altenkirchen.example.org", "+49 2681 0000-3101",
                 "Online-Dienste Jugend und Soziales, Fortbildung, Webseminare"),
        _contact("Thomas Schäfer", F.IT_LEITUNG, "Zentrale Dienste – IT",
                 "it@altenkirchen.example.org", "+49 2681 0000-3150",
                 "Mobiles Arbeiten, Arbeitsplatz-IT, Breitband", public=False),
    ],
    "07135": [
        _contact("Lena Fischer", F.KOORDINIERUNGSSTELLE, "Büro für Kreisentwicklung",
                 "digital@cochem-zell.example.org", "+49 2671 0000-4101",
                 "Digitaler Posteingang, E-Rechnung, Chatbot"),
        _contact("Andreas Bauer", F.OTHER, "Zentrale Dienste",
                 "ozg@cochem-zell.example.org", "+49 2671 0000-4120",
                 "OZG, EfA-Nachnutzung, Landesportal", other="OZG-Koordinator"),
    ],
    "07339": [
        _contact("Daniela Richter", F.DIGITALBEAUFTRAGTE, "Stabsstelle Digitalisierung",
                 "d.richter@mainz-bingen.example.org", "+49 6132 0000-5101",
                 "Digitalstrategie, Nutzerkonto, Online-Wohngeld"),
        _contact("Michael Wolf", F.ORGANISATION, "Organisation und Prozessmanagement",
                 "prozesse@mainz-bingen.example.org", "+49 6132 0000-5130",
                 "Prozessmodellierung, BPMN, Dokumentenmanagement"),
        _contact("Nicole Schröder", F.DATENSCHUTZ, "Zentrale Dienste",
                 "datenschutz@mainz-bingen.example.org", "+49 6132 0000-5160",
                 "Datenschutz, Auftragsverarbeitung, Videokonferenzen", public=False),
    ],
    "07138": [
        _contact("Sabine Klein", F.DIGITALBEAUFTRAGTE, "Koordinierungsstelle Digitalisierung",
                 "digital@neuwied.example.org", "+49 2631 0000-6101",
                 "Online-Dienste, E-Payment, digitaler Posteingang"),
        _contact("Jan Neumann", F.OTHER, "Bürgerservice und Verkehr",
                 "online-dienste@neuwied.example.org", "+49 2631 0000-6140",
                 "Zulassungsstelle online, Jagd- und Fischereischein, E-Payment",
                 other="Teamleitung Online-Dienste"),
        _contact("Petra Schwarz", F.IT_LEITUNG, "Informationstechnik",
                 "it-leitung@neuwied.example.org", "+49 2631 0000-6180",
                 "Notebook-Rollout, Videokonferenztechnik, Netze", public=False),
    ],
    "07140": [
        _contact("Martin Zimmermann", F.DIGITALBEAUFTRAGTE, "Stabsstelle Digitalisierung",
                 "digital@rhein-hunsrueck.example.org", "+49 6761 0000-7101",
                 "Mobiles Arbeiten, digitale Personalakte, Energiedaten"),
        _contact("Sandra Braun", F.BUEROLEITUNG, "Büro der Verwaltungsleitung",
                 "bueroleitung@rhein-hunsrueck.example.org", "+49 6761 0000-7110",
                 "Sitzungsdienst, Dienstvereinbarungen", public=False),
    ],
    "07141": [
        _contact("Melanie Hartmann", F.KOORDINIERUNGSSTELLE, "Zentrale Dienste",
                 "digital@rhein-lahn.example.org", "+49 2603 0000-8101",
                 "Online-Terminvergabe, E-Akte, Projektkoordination"),
        _contact("Frank Lange", F.OTHER, "Schulen und Bildung",
                 "schul-it@rhein-lahn.example.org", "+49 2603 0000-8150",
                 "Medienentwicklungsplan, Schul-IT, Endgeräte",
                 other="Medienentwicklungsplanung Schulen"),
    ],
    "07233": [
        _contact("Sebastian Krüger", F.DIGITALBEAUFTRAGTE, "Stabsstelle Digitalisierung",
                 "digital@vulkaneifel.example.org", "+49 6592 0000-9101",
                 "Videoberatung, Dorfbüros, Online-Dienste"),
        _contact("Anja Werner", F.PRESSESTELLE, "Presse- und Öffentlichkeitsarbeit",
                 "presse@vulkaneifel.example.org", "+49 6592 0000-9120",
                 "Website, soziale Medien, barrierefreie Kommunikation"),
    ],
    "07143": [
        _contact("Christian Schmitt", F.DIGITALBEAUFTRAGTE, "Zentralabteilung",
                 "digital@westerwaldkreis.example.org", "+49 2602 0000-1201",
                 "Zusammenarbeit mit Verbandsgemeinden, Online-Dienste für Unternehmen"),
        _contact("Daniel Koch", F.OTHER, "Finanzen",
                 "e-rechnung@westerwaldkreis.example.org", "+49 2602 0000-1240",
                 "E-Rechnung, Freigabe-Workflow, Softwareroboter (RPA)",
                 other="Projektleitung E-Rechnung"),
        _contact("Birgit Meyer", F.ORGANISATION, "Personal und Organisation",
                 "organisation@westerwaldkreis.example.org", "+49 2602 0000-1260",
                 "Organisationsentwicklung, Fortbildung", public=False),
    ],
    "071370003": [
        _contact("Laura Becker", F.DIGITALBEAUFTRAGTE, "Hauptamt – Digitalisierung",
                 "digital@andernach.example.org", "+49 2632 0000-1301",
                 "Bürgerbüro, Online-Terminvergabe, Ratsinformationssystem"),
    ],
    "071370068": [
        _contact("Philipp Schulz", F.BUEROLEITUNG, "Hauptamt",
                 "hauptamt@mayen.example.org", "+49 2651 0000-1401",
                 "Dokumentenmanagement, digitale Bauakten"),
    ],
    "071370203": [
        _contact("Katharina Vogel", F.DIGITALBEAUFTRAGTE, "Zentrale Verwaltung",
                 "digital@bendorf.example.org", "+49 2622 0000-1501",
                 "Digitaler Posteingang, E-Rechnung, WLAN"),
    ],
    "071375007": [
        _contact("Matthias Roth", F.OTHER, "Bürgerbüro",
                 "digital@vg-vallendar.example.org", "+49 261 0000-1601",
                 "DMS-Einführung, Landesportal, Friedhofsverwaltung", other="Digitallotse"),
    ],
    "071375008": [
        _contact("Stefanie Peters", F.IT_LEITUNG, "Zentrale Dienste",
                 "it@vg-weissenthurm.example.org", "+49 2637 0000-1701",
                 "E-Akte im Standesamt, Rechenzentrum", public=False),
    ],
    "071375009": [
        _contact("Dominik Jung", F.DIGITALBEAUFTRAGTE, "Zentrale Dienste",
                 "digital@vg-rhein-mosel.example.org", "+49 2607 0000-1801",
                 "Papierloser Sitzungsdienst, LoRaWAN"),
    ],
    IT_PROVIDER_SLUG: [
        _contact("Ralf Huber", F.OTHER, "Geschäftsleitung",
                 "kontakt@itz-mittelrhein.example.org", "+49 261 0000-1901",
                 "Kooperationen, Rechenzentrum, Ausschreibungen", other="Geschäftsführung"),
        _contact("Susanne Graf", F.INFORMATIONSSICHERHEIT, "Informationssicherheit",
                 "isb@itz-mittelrhein.example.org", "+49 261 0000-1920",
                 "IT-Grundschutz, Informationssicherheit für Verbandsgemeinden"),
    ],
}
