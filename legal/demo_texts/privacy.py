"""Datenschutzerklärung (Art. 13 DSGVO) of the demo operator. What it says about cookies,
storage and deletion is what the software does (README, "Legal pages"); the retention of
server logs is the demo operator's own."""

# The sentence beside the consent checkbox of the contact form.
CONSENT_TEXT = (
    "Ich bin einverstanden, dass die Koordinierungsstelle meine Angaben aus diesem Formular "
    "speichert und verwendet, um meine Nachricht zu bearbeiten und mir zu antworten. Ich kann "
    "diese Einwilligung jederzeit widerrufen.")

_TEXT = r"""# Verantwortlicher

Verantwortlich für die Verarbeitung personenbezogener Daten auf diesem Portal ist der

**Landkreis Mayen-Koblenz**\
Kreisverwaltung Mayen-Koblenz\
Bahnhofstraße 9\
56068 Koblenz\
E-Mail: [koordination@mayen-koblenz.example.org](mailto:koordination@mayen-koblenz.example.org)

Der Landkreis betreibt das Portal als Koordinierungsstelle der interkommunalen
Arbeitsgemeinschaft Digitalisierung.

# Datenschutzbeauftragte

Sie erreichen die behördliche Datenschutzbeauftragte der Kreisverwaltung unter der
Anschrift oben mit dem Zusatz „Datenschutzbeauftragte“ oder per E-Mail an
[datenschutz@mayen-koblenz.example.org](mailto:datenschutz@mayen-koblenz.example.org).

# Welche Daten wir wofür verarbeiten

Das Portal dient der Zusammenarbeit der Mitgliedsverwaltungen. Wir verarbeiten
personenbezogene Daten, um diese Aufgabe zu erfüllen. Rechtsgrundlage ist, soweit unten
nichts anderes steht, Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3
Landesdatenschutzgesetz Rheinland-Pfalz (LDSG).

## Konten der Mitarbeitenden

Beschäftigte der Mitgliedsverwaltungen erhalten ein Konto nur auf Einladung. Wir speichern
E-Mail-Adresse, Name, Verwaltung und Rolle, auf Wunsch Telefonnummer und Funktion, das
Passwort nur als nicht umkehrbaren Hashwert, die Einstellungen zur Anmeldung mit zweitem
Faktor und zu Benachrichtigungen sowie den Zeitpunkt der letzten Anmeldung. Zweck: Zugang
zu den internen Seiten, Rechte je Rolle, Erreichbarkeit im Netzwerk. Die Daten bleiben
gespeichert, solange das Konto besteht. Eine Einladung ist 14 Tage gültig.

## Ansprechpersonen der Mitglieder

Jede Mitgliedsverwaltung nennt Ansprechpersonen mit Name, Funktion, dienstlicher E-Mail-
Adresse, dienstlicher Telefonnummer und Themen. Die Verwaltung legt fest, ob ein Eintrag
öffentlich oder nur für angemeldete Mitglieder sichtbar ist. Zweck: Wer im Netzwerk fragt,
findet die richtige Stelle. Die Einträge bleiben, bis die Verwaltung sie ändert oder
entfernt.

## Anmeldungen zu Sitzungen

Wir speichern, wer sich zu einer Sitzung anmeldet, ob vor Ort oder online, und wer
teilgenommen hat. Zweck: Planung der Sitzung, Teilnehmerliste und Protokoll. Die Angaben
bleiben als Teil der Sitzungsunterlagen erhalten.

## Sachstände, Protokolle und Wissensbeiträge

Zu Sachständen speichern wir, wer sie wann geändert hat; zu Protokollen, Beschlüssen,
Aufgaben, Wissensartikeln und Dokumenten, wer sie verfasst hat oder verantwortet. Zweck:
nachvollziehbare Zusammenarbeit. Diese Inhalte bleiben dauerhaft erhalten (siehe
„Was bei einer Löschung bleibt“).

## E-Mails des Portals

Das Portal verschickt Einladungen, Erinnerungen und Benachrichtigungen per E-Mail. Jede
E-Mail wird vor dem Versand mit Empfänger, Betreff und Text gespeichert. Der Text von
E-Mails mit einem persönlichen Link (Einladungen, Passwort-Links) wird nach dem Versand
gelöscht. Erinnerungen bestellen Sie unter „Benachrichtigungen“ ab.

## Kontaktformular („Barriere melden“ / Kontakt)

Über das Kontaktformular speichern wir die Seite, um die es geht, Ihre Nachricht und – nur
wenn Sie sie angeben – Ihren Namen und Ihre E-Mail-Adresse, dazu den Text Ihrer
Einwilligung. Sind Sie angemeldet, verknüpfen wir die Nachricht mit Ihrem Konto. Die
Nachricht geht per E-Mail an die Koordinierungsstelle. Rechtsgrundlage ist Ihre
Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO); Rückmeldungen zur Barrierefreiheit
bearbeiten wir außerdem in Erfüllung unserer gesetzlichen Pflicht (Art. 6 Abs. 1
Buchst. c DSGVO in Verbindung mit § 10 Landesinklusionsgesetz Rheinland-Pfalz).

Gegen automatisierte Werbesendungen zählt das Portal, wie viele Nachrichten von einer
Internetadresse (IP-Adresse) kommen. Die Adresse wird dafür nur als nicht umkehrbarer
Prüfwert für eine Stunde im Arbeitsspeicher gehalten und nicht mit der Nachricht
gespeichert.

Eine Nachricht wird ein Jahr nach ihrer Beantwortung gelöscht.

## Server-Protokolle

Bei jedem Aufruf einer Seite protokolliert der Webserver die IP-Adresse, Datum und Uhrzeit,
die aufgerufene Adresse, den Statuscode und die Kennung des Browsers. Zweck: sicherer
Betrieb und Fehlersuche. Die Protokolle werden nach 14 Tagen gelöscht, es sei denn, ein
Angriff muss aufgeklärt werden.

# Cookies

Das Portal setzt nur zwei Cookies, beide technisch notwendig:

- `csrftoken` schützt Formulare vor untergeschobenen Absendungen. Es wird gesetzt, wenn Sie
  eine Seite mit einem Formular öffnen, und gilt ein Jahr.
- `sessionid` hält Sie nach der Anmeldung angemeldet. Es endet mit der Abmeldung, beim
  Schließen des Browsers oder – wenn Sie „Angemeldet bleiben“ wählen – nach zwei Wochen.
  Ohne Anmeldung entsteht es nur, wenn das Portal auf der nächsten Seite einen Hinweis
  anzeigen muss.

Das Portal lädt keine Inhalte von anderen Servern: Schriften, Bilder und Programme kommen
vom Portal selbst. Es gibt keine Statistik-, Werbe- oder Social-Media-Dienste. Deshalb
brauchen wir keine Einwilligung in Cookies und zeigen kein Cookie-Banner
(§ 25 Abs. 2 Nr. 2 TDDDG).

# Empfänger

- Angemeldete Beschäftigte der Mitgliedsverwaltungen sehen die internen Inhalte;
  öffentliche Inhalte sieht jede Person.
- Der IT-Zweckverband Mittelrhein betreibt Server und E-Mail-Versand in unserem Auftrag
  (Auftragsverarbeitung nach Art. 28 DSGVO).
- Daten werden nicht in Länder außerhalb der Europäischen Union übermittelt.

# Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung
(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und
Widerspruch (Art. 21). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen.

So nutzen Sie diese Rechte auf diesem Portal, nachdem Sie sich angemeldet haben:

- **Auskunft und Datenübertragbarkeit:** Unter [Meine Daten]({my_data}) sehen Sie alles,
  was das Portal über Sie speichert, und laden es als JSON-Datei herunter.
- **Berichtigung:** Name, Telefonnummer und Funktion ändern Sie unter
  [Mein Profil]({profile}) selbst.
- **Löschung:** Unter [Konto entfernen]({account_removal}) beantragen Sie die Löschung. Die
  Koordinierungsstelle bestätigt sie; spätestens nach 30 Tagen wird sie automatisch
  ausgeführt.

Ohne Konto – etwa als Ansprechperson oder nach einer Nachricht über das Kontaktformular –
und für Einschränkung und Widerspruch schreiben Sie bitte an die Koordinierungsstelle oder
an die Datenschutzbeauftragte.

# Was bei einer Löschung bleibt

Protokolle, Beschlüsse, Aufgaben, die Geschichte der Sachstände, Wissensartikel und
Dokumente sind die gemeinsame Arbeitsgrundlage des Netzwerks. Sie bleiben nach
Art. 17 Abs. 3 Buchst. b DSGVO erhalten, weil wir sie zur Erfüllung unserer Aufgabe
brauchen. Ihr Name wird darin aber ersetzt durch „ehemalige Person“ mit dem Namen Ihrer
Verwaltung. Ihr Konto, Ihre Profilangaben, Ihre E-Mails und Ihre Nachrichten über das
Kontaktformular werden gelöscht.

# Beschwerde bei der Aufsichtsbehörde

Sie können sich bei der Aufsichtsbehörde für den Datenschutz beschweren:

Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz\
Hintere Bleiche 34\
55116 Mainz\
E-Mail: [poststelle@datenschutz.rlp.de](mailto:poststelle@datenschutz.rlp.de)\
Internet: [www.datenschutz.rlp.de](https://www.datenschutz.rlp.de)

# Pflicht zur Angabe, keine automatisierte Entscheidung

Ohne E-Mail-Adresse und Namen können wir kein Konto einrichten. Alle Angaben im
Kontaktformular außer der Nachricht sind freiwillig. Das Portal trifft keine
automatisierten Entscheidungen im Sinne von Art. 22 DSGVO.
"""


def privacy(*, profile: str, my_data: str, account_removal: str) -> str:
    """The text with the addresses of the data-rights pages."""
    return (_TEXT.replace("{profile}", profile).replace("{my_data}", my_data)
            .replace("{account_removal}", account_removal))
