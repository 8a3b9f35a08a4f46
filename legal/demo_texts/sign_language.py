"""Gebärdensprache: the text beside (or, until it exists, instead of) the video in German
Sign Language. The video itself is the operator's to supply."""

SIGN_LANGUAGE = r"""Auf dieser Seite stellen wir das Portal in Deutscher Gebärdensprache (DGS) vor.

Im Video erfahren Sie:

- was das Portal Kreishaus ist und wer es betreibt: die interkommunale
  Arbeitsgemeinschaft Digitalisierung mit dem Landkreis Mayen-Koblenz als
  Koordinierungsstelle,
- welche Bereiche es gibt: Mitglieder, Sitzungen, Vorhaben, Wissen und die Suche,
- welche Seiten ohne Anmeldung zugänglich sind,
- wie Sie uns eine Barriere melden oder Kontakt aufnehmen,
- welche Teile des Portals noch nicht barrierefrei sind.

Dieselben Inhalte finden Sie in Textform in der
[Erklärung zur Barrierefreiheit](/barrierefreiheit/) und in
[Leichter Sprache](/leichte-sprache/).

Sie möchten uns in Gebärdensprache erreichen? Schreiben Sie uns über das
[Kontaktformular](/kontakt/). Wir vereinbaren dann gern einen Termin mit einer
Gebärdensprachdolmetscherin oder einem Gebärdensprachdolmetscher.
"""
