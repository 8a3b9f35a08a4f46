import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings import exports
from meetings.models import ActionItem, Decision, Meeting, Registration
from meetings.selectors.meetings import meeting_for_page
from meetings.services.minutes import minutes_publish, minutes_save
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.helpers import add_agenda, make_group
from tests.pdf_inspect import assert_cells_have_headers, assert_tagged_pdf_ua

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def meeting(administration, other_administration):
    group = make_group(administration, other_administration)
    return Meeting.objects.create(
        working_group=group, title="Sitzung zur Öffentlichkeitsarbeit", format="in_person",
        starts_at=datetime(2026, 5, 7, 10, 0, tzinfo=BERLIN),
        ends_at=datetime(2026, 5, 7, 13, 0, tzinfo=BERLIN), host=administration,
        location="Kreishaus, Saal 1", state="held")


@pytest.fixture
def registrations(meeting, administration, other_administration):
    """Two offices; the list is sorted by office, then by surname."""
    people = [
        (other_administration, "Nora", "Zimmermann", "online", "registered", True),
        (administration, "Jörg", "Weiß", "in_person", "registered", True),
        (administration, "Anna", "Bäcker", "in_person", "waiting", None),
        (administration, "Dieter", "Abgesagt", "in_person", "declined", None),
        (other_administration, "Tom", "Krause", "in_person", "registered", False),
    ]
    for office, first, last, mode, status, attended in people:
        user = UserFactory(administration=office, first_name=first, last_name=last)
        Registration.objects.create(meeting=meeting, user=user, mode=mode, status=status,
                                    attended=attended)


def export(client, name, meeting):
    return client.get(reverse(f"meetings:{name}", args=[meeting.pk]))


def test_attendance_csv_grouped_by_administration(client, reader, meeting, registrations):
    client.force_login(reader)

    response = export(client, "attendance_csv", meeting)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="anwesenheit-2026-05-07.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Verwaltung", "Person", "Teilnahme", "Status", "Anwesend"],
        ["Landkreis Mayen-Koblenz", "Anna Bäcker", "vor Ort", "Warteliste", "nicht erfasst"],
        ["Landkreis Mayen-Koblenz", "Jörg Weiß", "vor Ort", "angemeldet", "ja"],
        ["Landkreis Neuwied", "Tom Krause", "vor Ort", "angemeldet", "nein"],
        ["Landkreis Neuwied", "Nora Zimmermann", "online", "angemeldet", "ja"],
    ]


def test_attendance_csv_formula_like_names_neutralised(client, reader, meeting):
    person = UserFactory(administration=reader.administration, first_name="=HYPERLINK(1)",
                         last_name="")
    Registration.objects.create(meeting=meeting, user=person)
    client.force_login(reader)

    response = export(client, "attendance_csv", meeting)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "'=HYPERLINK(1)"


# Notes as coordinators write them: Markdown with a list, emphasis and a sub-heading, and a
# paragraph whose line breaks are meant as line breaks.
NOTES = """Drei Verwaltungen berichten über ihre E-Akte:

- Mayen-Koblenz: *im Betrieb*
- Neuwied: **Pilot** seit März

## Ausblick
Zweite Ausbaustufe 2027
Schulungen für alle Ämter"""


@pytest.fixture
def minutes_written(meeting, coordinator, registrations):
    welcome, report = add_agenda(meeting, "Begrüßung", "Bericht aus den Verwaltungen")
    Decision.objects.create(meeting=meeting, agenda_item=report, result="unanimous",
                            wording="Die AG erstellt einen **gemeinsamen** Leitfaden.")
    ActionItem.objects.create(meeting=meeting, title="Leitfaden entwerfen",
                              responsible_administration=meeting.host,
                              due_date=date(2026, 6, 30))
    minutes_save(meeting=meeting, summary="Gute Beteiligung, klare Ergebnisse.",
                 notes={report.pk: NOTES},
                 by=coordinator)
    return meeting


def test_minutes_pdf_not_found_before_publication(client, reader, minutes_written):
    client.force_login(reader)

    assert export(client, "minutes_pdf", minutes_written).status_code == 404


def test_minutes_pdf_after_publication(client, reader, coordinator, minutes_written):
    minutes_publish(meeting=minutes_written, by=coordinator)
    client.force_login(reader)

    response = export(client, "minutes_pdf", minutes_written)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="protokoll-2026-05-07.pdf"'
    pdf = assert_tagged_pdf_ua(response.content, "Protokoll: Sitzung zur Öffentlichkeitsarbeit")
    assert "TOP 2: Bericht aus den Verwaltungen" in pdf.text


def minutes_of(meeting) -> bytes:
    return exports.minutes_pdf(meeting_for_page(meeting.pk).get())


def test_minutes_pdf_tagged_with_structure(coordinator, minutes_written):
    minutes_publish(meeting=minutes_written, by=coordinator)

    pdf = assert_tagged_pdf_ua(minutes_of(minutes_written),
                               "Protokoll: Sitzung zur Öffentlichkeitsarbeit")

    # Document, its parts, the agenda items, a decision, the heading inside the notes.
    assert pdf.headings() == [1, 2, 2, 2, 3, 3, 4, 4, 2]
    # The Markdown list of the notes is a list with two items, not lines with dashes.
    lists = [i for i, element in enumerate(pdf.elements) if element.tag == "L"]
    items = [[e.tag for e in pdf.children(i) if e.depth == pdf.elements[i].depth + 1]
             for i in lists]
    assert ["LI", "LI"] in items
    # Facts and action items are tables whose cells name their header cells.
    assert pdf.tags().count("Table") == 2
    assert pdf.tags().count("TH") == 7 + 4 + 1  # facts rows, action columns, action row
    assert_cells_have_headers(pdf)


def test_minutes_pdf_text(coordinator, minutes_written):
    minutes_publish(meeting=minutes_written, by=coordinator)

    text = assert_tagged_pdf_ua(minutes_of(minutes_written),
                                "Protokoll: Sitzung zur Öffentlichkeitsarbeit").text

    for line in ("Protokoll", "Sitzung zur Öffentlichkeitsarbeit",
                 "Datum Donnerstag, 7. Mai 2026", "Uhrzeit 10:00 – 13:00 Uhr",
                 "Gute Beteiligung, klare Ergebnisse.", "TOP 1: Begrüßung",
                 "TOP 2: Bericht aus den Verwaltungen",
                 "Drei Verwaltungen berichten über ihre E-Akte:",
                 "Mayen-Koblenz: im Betrieb", "Neuwied: Pilot seit März",
                 "Zweite Ausbaustufe 2027\nSchulungen für alle Ämter",
                 "Beschluss (einstimmig)", "Die AG erstellt einen gemeinsamen Leitfaden.",
                 "Leitfaden entwerfen Landkreis Mayen-Koblenz 30.06.2026 offen",
                 "Landkreis Mayen-Koblenz: Jörg Weiß", "Landkreis Neuwied: Nora Zimmermann",
                 "Seite 1 von 1"):
        assert line in text, line
    # Markdown shows as structure and emphasis, not as its characters.
    assert "*" not in text
    assert "## " not in text
    # Only people who came are listed as present.
    assert "Tom Krause" not in text


def test_minutes_pdf_same_bytes_until_corrected(coordinator, minutes_written):
    minutes_publish(meeting=minutes_written, by=coordinator)
    published = minutes_written.minutes
    published.refresh_from_db()

    first, second = minutes_of(minutes_written), minutes_of(minutes_written)

    # A stable file (size and checksum) for links to it, dated by its publication.
    assert first == second
    info = assert_tagged_pdf_ua(first, "Protokoll: Sitzung zur Öffentlichkeitsarbeit").reader
    assert info.metadata.creation_date == published.published_at.replace(microsecond=0)
    assert info.metadata.modification_date == published.published_at.replace(microsecond=0)

    report = minutes_written.agenda_items.get(title="Bericht aus den Verwaltungen")
    minutes_save(meeting=minutes_written, summary="Gute Beteiligung.",
                 notes={report.pk: "Berichtigt."}, by=coordinator,
                 correction_reason="Tippfehler")

    corrected = assert_tagged_pdf_ua(minutes_of(minutes_written),
                                     "Protokoll: Sitzung zur Öffentlichkeitsarbeit")
    revision = published.revisions.get()
    assert corrected.reader.metadata.creation_date == published.published_at.replace(
        microsecond=0)
    assert corrected.reader.metadata.modification_date == revision.created_at.replace(
        microsecond=0)
    assert "Berichtigt." in corrected.text


def test_minutes_pdf_thirty_agenda_items(coordinator, meeting, registrations):
    items = add_agenda(meeting, *[f"Bericht Nr. {n} über Prüfungen" for n in range(1, 31)])
    minutes_save(meeting=meeting, summary="", by=coordinator,
                 notes={item.pk: f"Ergebnis {n}:\n\n- erstens\n- zweitens"
                        for n, item in enumerate(items, start=1)})
    for item in items:
        Decision.objects.create(meeting=meeting, agenda_item=item, result="majority",
                                wording=f"Beschlossen zu Punkt {item.order}.")
    minutes_publish(meeting=meeting, by=coordinator)

    pdf = assert_tagged_pdf_ua(minutes_of(meeting),
                               "Protokoll: Sitzung zur Öffentlichkeitsarbeit")

    pages = len(pdf.reader.pages)
    assert pages > 2
    assert f"Seite {pages} von {pages}" in pdf.text
    for n in range(1, 31):
        assert f"TOP {n}: Bericht Nr. {n} über Prüfungen" in pdf.text
        assert f"Beschlossen zu Punkt {n}." in pdf.text
    assert pdf.headings().count(3) == 30
    assert pdf.tags().count("L") == 31  # the list of people present and one per item


def test_minutes_pdf_hostile_markdown_stays_text(coordinator, minutes_written, tmp_path):
    secret = tmp_path / "geheim.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
                      "<title>Geheim</title></svg>")
    report = minutes_written.agenda_items.get(title="Bericht aus den Verwaltungen")
    minutes_save(meeting=minutes_written, by=coordinator, summary=(
        f'<img src="{secret.as_uri()}" alt="x"> ![Bild]({secret.as_uri()})'),
        notes={report.pk: "[Klick](javascript:alert(1)) <script>alert(1)</script>"})
    minutes_publish(meeting=minutes_written, by=coordinator)

    pdf = assert_tagged_pdf_ua(minutes_of(minutes_written),
                               "Protokoll: Sitzung zur Öffentlichkeitsarbeit")

    # Raw HTML is shown as text, an image becomes nothing fetched, no script link.
    assert "<script>alert(1)</script>" in pdf.text
    assert "Figure" not in pdf.tags()
    assert b"javascript" not in minutes_of(minutes_written)
    for page in pdf.reader.pages:
        assert page["/Resources"]["/XObject"] == {}


def test_minutes_pdf_one_file_for_everyone_who_may_see_the_minutes(
        client, reader, editor, other_editor, coordinator, minutes_written):
    # One file (one size, one checksum: linkable, e.g. from an API for members) for everyone
    # who may see the minutes, holding only what member staff see on the meeting page, not
    # the access link of an online meeting. (For visitors, OParl's resultsProtocol is a
    # document of its own without names: oparl.results.)
    Meeting.objects.filter(pk=minutes_written.pk).update(
        format="hybrid", online_link="https://konferenz.example.org/raum-4711?pwd=geheim")
    minutes_publish(meeting=minutes_written, by=coordinator)

    downloads = set()
    for person in (reader, editor, other_editor, coordinator):
        client.force_login(person)
        response = export(client, "minutes_pdf", minutes_written)
        assert response.status_code == 200, person
        downloads.add(response.content)
    client.force_login(UserFactory(administration=None))
    assert export(client, "minutes_pdf", minutes_written).status_code == 403

    assert len(downloads) == 1
    content = downloads.pop()
    text = assert_tagged_pdf_ua(content, "Protokoll: Sitzung zur Öffentlichkeitsarbeit").text
    assert "Format hybrid" in text
    assert "konferenz" not in text
    assert b"konferenz" not in content
    assert "@" not in text  # people by name, never by address
    assert "Dieter" not in text  # declined


def test_attendance_pdf_tagged_tables(meeting, registrations):
    content = exports.attendance_pdf(meeting_for_page(meeting.pk).get())

    pdf = assert_tagged_pdf_ua(content, "Anwesenheitsliste: Sitzung zur Öffentlichkeitsarbeit")

    assert pdf.headings() == [1, 2]
    # The facts, then one table per administration with its name as caption, four column
    # headers and each person's name as the header of their row.
    assert pdf.tags().count("Table") == 3
    assert pdf.tags().count("Caption") == 2
    assert pdf.tags().count("TH") == 6 + 2 * 4 + 4
    assert_cells_have_headers(pdf)
    text = pdf.text
    order = ["Landkreis Mayen-Koblenz", "Anna Bäcker", "Jörg Weiß", "Landkreis Neuwied",
             "Tom Krause", "Nora Zimmermann", "Anwesend: 2 Personen aus 2 Verwaltungen."]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "Jörg Weiß vor Ort angemeldet ja" in text
    assert "Anna Bäcker vor Ort Warteliste nicht erfasst" in text
    assert "Abgesagt" not in text


def test_attendance_pdf_download(client, editor, meeting, registrations):
    client.force_login(editor)

    response = export(client, "attendance_pdf", meeting)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="anwesenheit-2026-05-07.pdf"')
    pdf = assert_tagged_pdf_ua(response.content,
                               "Anwesenheitsliste: Sitzung zur Öffentlichkeitsarbeit")
    assert "Nora Zimmermann" in pdf.text


def test_attendance_pdf_any_unicode_text(meeting):
    person = UserFactory(administration=AdministrationFactory(name="Powiat Łódzki"),
                         first_name="Łukasz", last_name="Wałęsa")
    Registration.objects.create(meeting=meeting, user=person, attended=True)
    Meeting.objects.filter(pk=meeting.pk).update(title="Sitzung „Digitalisierung − 2030“ ✓")

    content = exports.attendance_pdf(meeting_for_page(meeting.pk).get())

    pdf = assert_tagged_pdf_ua(content, "Anwesenheitsliste: Sitzung „Digitalisierung − 2030“ ✓")
    assert "Łukasz Wałęsa" in pdf.text
    assert "Powiat Łódzki" in pdf.text
    assert "Sitzung „Digitalisierung − 2030“ ✓" in pdf.text
    assert "Anwesend: 1 Person aus 1 Verwaltung." in pdf.text


def test_attendance_pdf_without_registrations(meeting):
    content = exports.attendance_pdf(meeting_for_page(meeting.pk).get())

    pdf = assert_tagged_pdf_ua(content, "Anwesenheitsliste: Sitzung zur Öffentlichkeitsarbeit")
    assert "Es liegen keine Anmeldungen vor." in pdf.text
    assert "Anwesend:" not in pdf.text


@pytest.mark.parametrize("name", ["minutes_pdf", "attendance_pdf", "attendance_csv"])
def test_exports_visitor_forbidden(client, coordinator, minutes_written, name):
    minutes_publish(meeting=minutes_written, by=coordinator)

    response = export(client, name, minutes_written)

    assert response.status_code == 403
    assert not response.content.startswith(b"%PDF")


@pytest.mark.parametrize("name", ["attendance_pdf", "attendance_csv"])
def test_exports_person_without_administration_forbidden(client, meeting, name):
    client.force_login(UserFactory(administration=None))

    assert export(client, name, meeting).status_code == 403
