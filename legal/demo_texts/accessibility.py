"""Erklärung zur Barrierefreiheit of the demo operator, a Landkreis in Rhineland-Palatinate.

Which body people turn to when the answer does not satisfy them depends on who runs the
portal: for public bodies of the federal government it is the Schlichtungsstelle nach
§ 16 BGG in Berlin; a Landkreis in Rhineland-Palatinate is a public body of the state,
for which the Landesinklusionsgesetz (§ 10) and the BITV RP apply, and the body there is
the Durchsetzungsstelle at the state commissioner for people with disabilities in Mainz.
The text says so, and names both, so that an operator from elsewhere sees what to change.
"""

ACCESSIBILITY = r"""Der Landkreis Mayen-Koblenz ist bemüht, dieses Portal barrierefrei zugänglich zu
machen. Rechtsgrundlage sind § 10 des Landesinklusionsgesetzes Rheinland-Pfalz und die
Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz (BITV RP), mit denen das Land
die EU-Richtlinie 2016/2102 umsetzt. Maßstab sind die Anforderungen der harmonisierten Norm
EN 301 549, für Webseiten also die Web Content Accessibility Guidelines (WCAG) 2.1 in der
Stufe AA.

Diese Erklärung gilt für das Portal der interkommunalen Arbeitsgemeinschaft
Digitalisierung unter dieser Adresse.

# Stand der Vereinbarkeit mit den Anforderungen

Das Portal ist **teilweise barrierefrei**. Auf den Seiten des Portals selbst haben wir bei
unserer Prüfung keine Mängel gefunden. Die unten genannten Inhalte sind nicht oder nicht
vollständig barrierefrei.

# Nicht barrierefreie Inhalte

- **Dokumente der Mitglieder:** Die Mitgliedsverwaltungen laden Vorlagen, Konzepte und
  Präsentationen als PDF- oder Office-Dateien hoch. Viele davon sind nicht barrierefrei, zum
  Beispiel fehlen Strukturinformationen oder Alternativtexte für Bilder. Wir prüfen diese
  Dateien nicht vor der Veröffentlichung, weil sie laufend von vielen Stellen eingestellt
  werden. Auf Anfrage stellen wir den Inhalt in einer zugänglichen Form bereit.
  Protokolle und Anwesenheitslisten, die das Portal selbst als PDF erzeugt, sind dagegen
  getaggte PDF-Dateien mit Dokumentstruktur.
- **Texte der Mitglieder:** Wissensartikel, Steckbriefe und Notizen schreiben die
  Mitglieder selbst. Überschriften, Linktexte und Tabellen sind darin nicht immer sinnvoll
  gesetzt. Wir weisen die Autorinnen und Autoren darauf hin, wenn wir solche Mängel finden.
- **Gebärdensprache:** Das Video in Deutscher Gebärdensprache ist in Vorbereitung. Bis es
  vorliegt, beschreibt die Seite „Gebärdensprache“ den Inhalt in Textform.
- **Leichte Sprache:** In Leichter Sprache erklären wir, was das Portal ist, wie man sich
  darin zurechtfindet und was in dieser Erklärung steht. Die Fachinhalte des Netzwerks –
  Protokolle, Sachstände, Wissensartikel – gibt es nur in Standardsprache.
- **Diagramme:** Die Verlaufsdiagramme auf der Seite „Vorhaben“ sind Grafiken. Ihre Werte
  stehen zusätzlich in einer Tabelle darunter.

# Erstellung dieser Erklärung

Diese Erklärung beruht auf einer Selbstbewertung. Jede Änderung der Software wird
automatisch mit dem Prüfwerkzeug axe-core auf den Seiten des Portals geprüft. Alle Seiten
funktionieren ohne JavaScript. Eine Prüfung durch eine unabhängige Prüfstelle (BITV-Test)
und Tests mit Menschen, die assistive Technik nutzen, stehen noch aus. Das Datum der
letzten Überprüfung steht am Ende dieser Seite.

# Barriere melden: Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Brauchen Sie einen Inhalt in
einer anderen Form? Dann schreiben Sie uns:

- über das [Kontaktformular „Barriere melden“](/kontakt/) – von jeder Seite aus über den
  Link am Seitenende erreichbar, ohne Anmeldung,
- per E-Mail an
  [koordination@mayen-koblenz.example.org](mailto:koordination@mayen-koblenz.example.org),
- per Post an die Kreisverwaltung Mayen-Koblenz, Koordinierungsstelle, Bahnhofstraße 9,
  56068 Koblenz.

Wir antworten Ihnen innerhalb eines Monats.

# Durchsetzungsverfahren

Haben Sie nach einem Monat keine oder keine zufriedenstellende Antwort erhalten, können Sie
sich an die Durchsetzungsstelle wenden. Sie prüft, ob das Portal die Anforderungen erfüllt,
und fordert uns gegebenenfalls auf, Mängel zu beseitigen. Das Verfahren ist kostenlos.

Für den Landkreis Mayen-Koblenz als öffentliche Stelle des Landes Rheinland-Pfalz ist
zuständig:

Durchsetzungsstelle bei der oder dem Landesbeauftragten für die Belange von Menschen mit
Behinderungen\
Ministerium für Arbeit, Soziales, Transformation und Digitalisierung Rheinland-Pfalz\
Bauhofstraße 9\
55116 Mainz\
E-Mail: [durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)\
Telefon: 06131 16-5342

Die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz beim Beauftragten der
Bundesregierung für die Belange von Menschen mit Behinderungen (Mauerstraße 53,
10117 Berlin) ist nur für öffentliche Stellen des Bundes zuständig, nicht für dieses Portal.
"""
