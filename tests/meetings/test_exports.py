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


def shown(text: str) -> bytes:
    """The text as the uncompressed page content holds it (a PDF string in cp1252)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252")


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


def test_attendance_pdf_lists_people_and_title(meeting, registrations):
    pdf = exports.attendance_pdf(meeting_for_page(meeting.pk).get(), compress=False)

    assert pdf.startswith(b"%PDF-")
    for text in ("Anwesenheitsliste", "Sitzung zur Öffentlichkeitsarbeit",
                 "Landkreis Mayen-Koblenz", "Landkreis Neuwied", "Jörg Weiß", "Anna Bäcker",
                 "Nora Zimmermann", "Anwesend: 2 Personen aus 2 Verwaltungen."):
        assert shown(text) in pdf, text
    assert b"Abgesagt" not in pdf


def test_attendance_pdf_download(client, editor, meeting, registrations):
    client.force_login(editor)

    response = export(client, "attendance_pdf", meeting)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="anwesenheit-2026-05-07.pdf"')
    assert response.content.startswith(b"%PDF-")


def test_attendance_pdf_characters_outside_cp1252_replaced(meeting):
    person = UserFactory(administration=AdministrationFactory(name="Powiat Łódzki"),
                         first_name="Łukasz", last_name="Wałęsa")
    Registration.objects.create(meeting=meeting, user=person)
    Meeting.objects.filter(pk=meeting.pk).update(title="Sitzung „Digitalisierung − 2030“ ✓")

    pdf = exports.attendance_pdf(meeting_for_page(meeting.pk).get(), compress=False)

    assert shown("Lukasz Walesa") in pdf
    assert shown("Powiat Lódzki") in pdf
    assert shown("Sitzung „Digitalisierung - 2030“ x") in pdf


@pytest.fixture
def minutes_written(meeting, coordinator, registrations):
    welcome, report = add_agenda(meeting, "Begrüßung", "Bericht aus den Verwaltungen")
    Decision.objects.create(meeting=meeting, agenda_item=report, result="unanimous",
                            wording="Die AG erstellt einen gemeinsamen Leitfaden.")
    ActionItem.objects.create(meeting=meeting, title="Leitfaden entwerfen",
                              responsible_administration=meeting.host,
                              due_date=date(2026, 6, 30))
    minutes_save(meeting=meeting, summary="Gute Beteiligung, klare Ergebnisse.",
                 notes={report.pk: "Drei Verwaltungen berichten über ihre E-Akte."},
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
    assert response.content.startswith(b"%PDF-")


def test_minutes_pdf_content(coordinator, minutes_written):
    minutes_publish(meeting=minutes_written, by=coordinator)

    pdf = exports.minutes_pdf(meeting_for_page(minutes_written.pk).get(), compress=False)

    assert pdf.startswith(b"%PDF-")
    for text in ("Protokoll", "Sitzung zur Öffentlichkeitsarbeit", "Donnerstag, 7. Mai 2026",
                 "10:00 – 13:00 Uhr", "Gute Beteiligung, klare Ergebnisse.",
                 "TOP 2: Bericht aus den Verwaltungen",
                 "Drei Verwaltungen berichten über ihre E-Akte.",
                 "Beschluss (einstimmig):", "Die AG erstellt einen gemeinsamen Leitfaden.",
                 "Leitfaden entwerfen", "30.06.2026",
                 "Landkreis Mayen-Koblenz: Jörg Weiß", "Landkreis Neuwied: Nora Zimmermann"):
        assert shown(text) in pdf, text
    # Only people who came are listed as present.
    assert shown("Tom Krause") not in pdf


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
