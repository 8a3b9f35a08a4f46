"""Leichte Sprache: what the portal is, how to find one's way, and the essentials of the
accessibility statement. Short sentences, one statement per sentence, hard words
explained, no abbreviations, the reader addressed directly."""

EASY_LANGUAGE = r"""# Was ist Kreishaus?

Kreishaus ist eine Seite im Internet.

Hier arbeiten Verwaltungen zusammen.

Eine **Verwaltung** ist ein Amt.
Zum Beispiel die Kreis-Verwaltung.
Oder die Verwaltung von einer Stadt.

Die Verwaltungen wollen ihre Arbeit **digital** machen.
Digital heißt: mit dem Computer und mit dem Internet.
Zum Beispiel: Sie können einen Antrag im Internet stellen.
Sie müssen dafür nicht ins Amt gehen.

Auf dieser Seite zeigen die Verwaltungen:

- Wer macht mit?
- Was haben wir schon geschafft?
- Was planen wir noch?

Die Verwaltungen treffen sich auch.
Diese Treffen heißen **Sitzungen**.
Die Termine stehen auf der Seite.

# Wer ist für die Seite verantwortlich?

Der Land-Kreis Mayen-Koblenz ist verantwortlich.

Dort gibt es eine **Koordinierungs-Stelle**.
Das sind Menschen in der Kreis-Verwaltung.
Sie kümmern sich um die Seite.
Und sie beantworten Ihre Fragen.

# So finden Sie sich zurecht

Oben auf jeder Seite gibt es ein Menü.

Dort stehen diese Wörter:

- **Start**: Hier geht es zur ersten Seite.
- **Mitglieder**: Hier stehen alle Verwaltungen.
- **Sitzungen**: Hier stehen die Termine von den Treffen.
- **Vorhaben**: Hier steht, was die Verwaltungen schon digital machen.
- **Wissen**: Hier stehen Tipps und Beispiele.
- **Suche**: Hier können Sie ein Wort suchen.

Ganz unten auf jeder Seite gibt es noch mehr Links.
Zum Beispiel zu dieser Seite in Leichter Sprache.

Manche Seiten sind nur für Mitarbeiter von den Verwaltungen.
Die Mitarbeiter müssen sich dafür **anmelden**.
Anmelden heißt:
Man schreibt seine E-Mail-Adresse und ein geheimes Wort.
Das geheime Wort heißt **Passwort**.

Sie brauchen keine Anmeldung.
Sie können die anderen Seiten trotzdem lesen.

# Ist die Seite barrierefrei?

**Barrierefrei** heißt:
Alle Menschen können die Seite gut benutzen.
Auch Menschen mit Behinderung.

Wir haben die Seite geprüft.
Die meisten Teile sind barrierefrei.

Einige Teile sind noch nicht barrierefrei:

- Manche Dateien von den Verwaltungen.
  Die Verwaltungen stellen die Dateien selbst auf die Seite.
- Manche Texte von den Verwaltungen.
  Die Verwaltungen schreiben die Texte selbst.
- Das Video in Gebärden-Sprache.
  Das Video kommt bald.
- Die meisten Texte gibt es nicht in Leichter Sprache.
  Nur diese Seite ist in Leichter Sprache.

Sie brauchen einen Text in einer anderen Form?
Dann schreiben Sie uns.
Wir helfen Ihnen.

# Etwas klappt nicht? Schreiben Sie uns!

Sie haben ein Problem mit der Seite?
Dann schreiben Sie uns.

Unten auf jeder Seite steht: **Barriere melden / Kontakt**.
Klicken Sie darauf.
Dann kommt ein Formular.

Schreiben Sie in das Formular:

- Was wollten Sie machen?
- Was hat nicht geklappt?

Sie möchten eine Antwort?
Dann schreiben Sie auch Ihre E-Mail-Adresse dazu.

Wir antworten Ihnen in einem Monat.

Sie bekommen keine Antwort?
Oder Sie sind mit der Antwort nicht zufrieden?
Dann können Sie sich an eine andere Stelle wenden.
Die Stelle heißt: **Durchsetzungs-Stelle**.
Sie ist in Mainz.
Sie hilft Ihnen kostenlos.

Die Adresse ist:

Durchsetzungs-Stelle\
Ministerium für Arbeit, Soziales, Transformation und Digitalisierung\
Bauhofstraße 9\
55116 Mainz

Die E-Mail-Adresse ist:
[durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)
"""
