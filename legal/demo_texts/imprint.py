"""Impressum (§ 5 DDG, § 18 Abs. 2 MStV) of the demo operator."""

IMPRINT = r"""# Anbieter

Dieses Portal ist die gemeinsame Plattform der interkommunalen Arbeitsgemeinschaft
Digitalisierung. Es wird betrieben vom

**Landkreis Mayen-Koblenz**\
Kreisverwaltung Mayen-Koblenz\
Stabsstelle Digitalisierung und Netzwerkkoordination (Koordinierungsstelle)\
Bahnhofstraße 9\
56068 Koblenz

Der Landkreis Mayen-Koblenz ist eine Gebietskörperschaft des öffentlichen Rechts. Er wird
vertreten durch den Landrat.

# Kontakt

- E-Mail: [koordination@mayen-koblenz.example.org](mailto:koordination@mayen-koblenz.example.org)
- Telefon: +49 261 0000-1101
- Kontaktformular: [Barriere melden oder Kontakt aufnehmen](/kontakt/)

# Aufsichtsbehörde

Aufsichts- und Dienstleistungsdirektion (ADD)\
Willy-Brandt-Platz 3\
54290 Trier

# Verantwortlich für den Inhalt

Verantwortlich für die redaktionellen Inhalte nach § 18 Absatz 2 Medienstaatsvertrag:
Katrin Berger, Koordinierungsstelle, Anschrift wie oben.

Für die Steckbriefe, Ansprechpersonen, Sachstände, Wissensartikel und Dokumente der
Mitgliedsverwaltungen ist jeweils die Verwaltung verantwortlich, die sie eingestellt hat.
Sie ist auf der jeweiligen Seite genannt.

# Technischer Betrieb

Das Portal läuft im Rechenzentrum des IT-Zweckverbands Mittelrhein, der im Auftrag des
Landkreises handelt (Auftragsverarbeitung nach Art. 28 DSGVO).

# Haftung für Links

Das Portal verweist an einigen Stellen auf Seiten anderer Anbieter. Für deren Inhalte sind
allein diese Anbieter verantwortlich. Erkennen wir rechtswidrige Inhalte auf einer
verlinkten Seite, entfernen wir den Verweis.

# Nutzungsrechte

Die Software des Portals ist freie Software unter der Lizenz EUPL-1.2. Gebietsdaten:
© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 30.11.2023; Daten
umgewandelt (Datenlizenz Deutschland – Namensnennung 2.0). Für die Beiträge der Mitglieder
gilt die Nachnutzungsangabe, die beim jeweiligen Dokument steht.
"""
