"""Texts of the demo Rundfragen (written for the demo; products named as examples of what
administrations use, the answers are invented).

Administrations are named by their natural key in members.demo: the regional key, or the
IT service provider's slug. An answer maps question number → value; None is "Keine Angabe
möglich", ("Sonstiges", text) the other answer of a choice question.
"""

from members import demo_texts as members_texts

ITZ = members_texts.IT_PROVIDER_SLUG
OTHER = "Sonstiges"

# --- 1. DMS (closed, asked by Neuwied, results for all members, summary published) --------

DMS = {
    "title": "Welches DMS nutzen Sie, und sind Sie zufrieden?",
    "asker": "07138",
    "author": "redaktion.neuwied@example.org",
    "topics": ["dokumentenmanagement"],
    "created_days_ago": 62,
    "deadline_days_ago": 41,
    "context": (
        "Unser Vertrag für das Dokumentenmanagement läuft Ende 2027 aus, und wir bereiten die "
        "Ausschreibung vor. Bevor wir einen Markterkundungstermin ansetzen, möchten wir wissen, "
        "welche Systeme im Netzwerk laufen und wie zufrieden Sie damit sind.\n\n"
        "Die Ergebnisse stellen wir in der nächsten Sitzung der AG Digitales Kreishaus vor."),
    "summary": (
        "Vierzehn von siebzehn Mitgliedern haben geantwortet. Im Netzwerk sind vor allem "
        "**zwei Systeme** verbreitet; die meisten Verwaltungen sind eher zufrieden. Häufigster "
        "Rat: den Aktenplan vor der Einführung aufräumen und die Beschäftigten früh schulen.\n\n"
        "Wer ein System wechseln oder neu einführen will, kann sich an die Koordinierungsstelle "
        "wenden; sie stellt den Kontakt zu Verwaltungen mit demselben Produkt her."),
    "summary_public": True,
    "results_visibility": "members",
    "audience": "all",
    "questions": [
        ("single", "Welches Dokumentenmanagementsystem (DMS) setzen Sie ein?",
         ["d.velop d.3ecm", "enaio", "Regisafe", "VIS-Suite", "noch keines"], True),
        ("single", "Wie zufrieden sind Sie insgesamt mit Ihrem DMS?",
         ["sehr zufrieden", "eher zufrieden", "eher unzufrieden", "sehr unzufrieden"], False),
        ("number", "Wie viele Beschäftigte arbeiten heute mit dem DMS?", [], False),
        ("date", "Seit wann ist das DMS im Produktivbetrieb?", [], False),
        ("text", "Was raten Sie einer Verwaltung, die jetzt ein DMS einführt?", [], False),
    ],
    # key: {question number: value}; drafts are listed in "drafts"
    "answers": {
        "07137": {1: "enaio", 2: "eher zufrieden", 3: 640, 4: "2018-04-01",
                  5: "Den Aktenplan vor der Migration aufräumen, nicht danach."},
        "07138": {1: "d.velop d.3ecm", 2: "eher unzufrieden", 3: 410, 4: "2015-09-01",
                  5: "Schnittstellen zu den Fachverfahren von Anfang an mit ausschreiben."},
        "07131": {1: "enaio", 2: "sehr zufrieden", 3: 380, 4: "2019-01-15",
                  5: "Eine Ansprechperson je Amt benennen, die Fragen sammelt."},
        "07132": {1: "d.velop d.3ecm", 2: "eher zufrieden", 3: 290, 4: "2017-06-01",
                  5: "Scanstelle zentral aufbauen und früh mit dem Posteingang beginnen."},
        "07135": {1: "Regisafe", 2: "eher zufrieden", 3: 150, 4: "2020-02-01", 5: None},
        "07339": {1: "enaio", 2: "eher zufrieden", 3: 520, 4: "2016-11-01",
                  5: "Schulungen in kleinen Gruppen am eigenen Arbeitsplatz."},
        "07140": {1: (OTHER, "Eigenentwicklung auf SharePoint-Basis"), 2: "eher unzufrieden",
                  3: 95, 4: "2021-05-01",
                  5: "Nicht selbst entwickeln, wenn es ein erprobtes Produkt gibt."},
        "07141": {1: "VIS-Suite", 2: "sehr zufrieden", 3: 230, 4: "2019-09-01",
                  5: "Mit einem Pilotamt starten, das Lust darauf hat."},
        "07233": {1: "noch keines", 2: None, 3: None, 4: None,
                  5: "Wir beginnen gerade mit der Ausschreibung und lesen hier gerne mit."},
        "07143": {1: "d.velop d.3ecm", 2: "eher zufrieden", 3: 450, 4: "2016-03-01",
                  5: "Die Dienstanweisung zur E-Akte vor dem Start verabschieden."},
        "071370003": {1: "enaio", 2: "sehr zufrieden", 3: 120, 4: "2020-07-01",
                      5: "Den Personalrat von Anfang an einbinden."},
        "071370068": {1: "enaio", 2: "eher zufrieden", 3: 85, 4: "2021-01-01", 5: None},
        "071375007": {1: "Regisafe", 2: "eher unzufrieden", 3: 40, 4: "2022-03-01",
                      5: "Zeit für die Pflege der Berechtigungen einplanen."},
        "071375008": {1: "Regisafe", 2: "eher zufrieden", 3: 55, 4: "2021-10-01",
                      5: "Die Erfahrungen der Nachbarn nutzen, bevor man ausschreibt."},
    },
    "drafts": {
        "071370203": {1: "enaio", 2: "eher zufrieden"},
    },
}

# --- 2. Online appointments (closed early, asked by Mayen-Koblenz) -----------------------

APPOINTMENTS = {
    "title": "Online-Terminvereinbarung: Welches System nutzen Sie, und wie läuft es?",
    "asker": "07137",
    "author": "redaktion.myk@example.org",
    "topics": ["online-terminvereinbarung"],
    "created_days_ago": 140,
    "deadline_days_ago": 112,
    "closed_days_ago": 118,
    "context": (
        "Die Kfz-Zulassung und die Ausländerbehörde klagen über lange Warteschlangen am "
        "Telefon. Wir wollen die Online-Terminvereinbarung auf weitere Bereiche ausweiten und "
        "fragen deshalb, wo Sie Online-Termine anbieten und welche Erfahrungen Sie gemacht "
        "haben."),
    "summary": "",
    "summary_public": False,
    "results_visibility": "members",
    "audience": "all",
    "questions": [
        ("multiple", "Für welche Bereiche bieten Sie Online-Termine an?",
         ["Kfz-Zulassung", "Führerscheinstelle", "Ausländerbehörde", "Bürgerbüro/Meldewesen",
          "Bauaufsicht"], True),
        ("single", "Welches Terminsystem nutzen Sie?",
         ["TEVIS", "Terminland", "Termin-Modul des Serviceportals"], True),
        ("yes_no", "Sind Sie mit dem System insgesamt zufrieden?", [], False),
        ("number", "Welcher Anteil der Termine wird online gebucht (in Prozent)?", [], False),
        ("text", "Was hat sich seit der Einführung verändert?", [], False),
    ],
    "answers": {
        "07137": {1: ["Kfz-Zulassung", "Führerscheinstelle", "Ausländerbehörde"], 2: "TEVIS",
                  3: True, 4: 68,
                  5: "Kaum noch Warteschlangen am Montagmorgen; das Telefon ist spürbar ruhiger."},
        "07138": {1: ["Kfz-Zulassung", "Ausländerbehörde"], 2: "Terminland", 3: True, 4: 55,
                  5: "Weniger Beschwerden, aber mehr nicht wahrgenommene Termine."},
        "07131": {1: ["Kfz-Zulassung", "Führerscheinstelle"], 2: "TEVIS", 3: True, 4: 72,
                  5: "Die Erinnerungsmail einen Tag vorher hat die Ausfälle halbiert."},
        "07132": {1: ["Kfz-Zulassung"], 2: "Termin-Modul des Serviceportals", 3: False,
                  4: 35, 5: "Die Oberfläche ist für Bürgerinnen und Bürger zu umständlich."},
        "07135": {1: ["Kfz-Zulassung", "Bürgerbüro/Meldewesen"], 2: "TEVIS", 3: True,
                  4: 60, 5: None},
        "07339": {1: ["Kfz-Zulassung", "Führerscheinstelle", "Ausländerbehörde",
                      "Bauaufsicht"], 2: "Terminland", 3: True, 4: 81,
                  5: "Auch die Bauberatung bieten wir jetzt mit festen Terminen an."},
        "07141": {1: ["Ausländerbehörde"], 2: (OTHER, "Eigenes Formular mit Rückruf"),
                  3: False, 4: 20,
                  5: "Ohne Kalenderanbindung ist der Aufwand im Amt hoch geblieben."},
        "07233": {1: ["Kfz-Zulassung"], 2: "TEVIS", 3: True, 4: 45, 5: None},
        "07143": {1: ["Kfz-Zulassung", "Führerscheinstelle"], 2: "TEVIS", 3: True, 4: 64,
                  5: "Spontane Vorsprachen gibt es weiter, aber planbarer."},
        "071370003": {1: ["Bürgerbüro/Meldewesen"], 2: "TEVIS", 3: True, 4: 58,
                      5: "Die Wartezeit im Bürgerbüro liegt meist unter zehn Minuten."},
        "071370068": {1: ["Bürgerbüro/Meldewesen", (OTHER, "Standesamt")],
                      2: "Terminland", 3: True, 4: 49, 5: None},
        "071375008": {1: ["Bürgerbüro/Meldewesen"], 2: "Termin-Modul des Serviceportals",
                      3: None, 4: None, 5: "Wir sind erst seit wenigen Wochen in Betrieb."},
        ITZ: {1: None, 2: None, 3: None, 4: None,
              5: "Wir betreiben TEVIS für drei Verbandsgemeinden und bieten das gerne "
                 "weiteren Mitgliedern an."},
    },
    "drafts": {},
}

# --- 3. Paperless council work (open, to all Landkreise, asked by Ahrweiler) -------------

COUNCIL = {
    "title": "Papierlose Gremienarbeit: Welches Ratsinformationssystem nutzen Sie?",
    "asker": "07131",
    "author": "lesen.ahrweiler@example.org",
    "topics": ["papierlose-ratsarbeit"],
    "created_days_ago": 6,
    "deadline_in_days": 12,
    "context": (
        "Der Kreistag möchte ab der nächsten Wahlperiode ohne Papier arbeiten. Uns interessiert, "
        "welche Ratsinformationssysteme die Landkreise nutzen und ob die Mitglieder der Gremien "
        "Tablets erhalten."),
    "summary": "",
    "summary_public": False,
    "results_visibility": "asker",
    "audience": "kinds",
    "audience_kinds": ["landkreis"],
    "questions": [
        ("single", "Welches Ratsinformationssystem nutzen Sie?",
         ["ALLRIS", "SD.NET", "Session"], True),
        ("yes_no", "Erhalten die Kreistagsmitglieder ein Tablet vom Kreis?", [], False),
        ("number", "Wie viele Gremiensitzungen im Jahr laufen bereits papierlos?", [], False),
    ],
    "answers": {
        "07138": {1: "ALLRIS", 2: True, 3: 42},
        "07137": {1: "Session", 2: True, 3: 55},
        "07143": {1: "SD.NET", 2: False, 3: 18},
        "07135": {1: "ALLRIS", 2: None, 3: 12},
    },
    "drafts": {
        "07132": {1: "Session"},
    },
}

POLLS = [DMS, APPOINTMENTS, COUNCIL]
