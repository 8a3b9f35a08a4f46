"""Meetings in the browser: invitation, registration, minutes and the reader's tasks."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.utils import dateformat, timezone, translation
from playwright.sync_api import expect

from meetings.enums import (
    ActionItemStatus,
    DecisionResult,
    MeetingFormat,
    MeetingState,
    MinutesState,
    RegistrationStatus,
)
from meetings.models import Meeting
from members.demo import DEMO_PASSWORD
from members.models import User

COORDINATOR = "koordination@example.org"
READER = "lesen.ahrweiler@example.org"
READER_NAME = "Tobias Schmitz"
GROUP = "AG Digitales Kreishaus"
HOST = "Landkreis Neuwied"
TITLE = "Sondersitzung E-Akte"
LOCATION = "Kreisverwaltung Neuwied, Sitzungssaal 2"
AGENDA = [("Begrüßung und Ziele der Sondersitzung", 30), ("Stand der E-Akte in den Kreisen", 45)]
SUMMARY = "Die Kreise haben den Stand der E-Akte verglichen und einen Fahrplan verabredet."
NOTE = "Ahrweiler und Neuwied berichten über die Einführung im Bauamt."
DECISION = "Die AG erstellt bis zum Sommer einen gemeinsamen Leitfaden zur E-Akte."
TASK = "Erfahrungsbericht E-Akte im Bauamt vorbereiten"


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)
    return page


def status_message(page, text):
    return page.get_by_role("status").filter(has_text=text)


def test_meeting_from_invitation_to_minutes_and_task(page, new_context, live_server,
                                                     transactional_db):
    call_command("demo_data")
    base = live_server.url
    day = timezone.localdate() + timedelta(days=12)
    due = day + timedelta(days=30)
    reader = User.objects.get(email=READER)

    # The coordinator plans the meeting.
    sign_in(page, base, COORDINATOR)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Sitzungen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzungen")
    page.get_by_role("button", name="Sitzung anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzung anlegen")
    page.get_by_label("Arbeitsgruppe", exact=True).select_option(label=GROUP)
    page.get_by_label("Titel", exact=True).fill(TITLE)
    page.get_by_label("Beginn", exact=True).fill(f"{day.isoformat()}T10:00")
    page.get_by_label("Ende", exact=True).fill(f"{day.isoformat()}T13:00")
    page.get_by_label("Format", exact=True).select_option(label="Präsenz")
    page.get_by_label(re.compile(r"^Gastgeber")).select_option(label=HOST)
    page.get_by_label(re.compile(r"^Ort \(Anschrift\)")).fill(LOCATION)
    page.get_by_role("button", name="Speichern", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(status_message(page, "Die Sitzung wurde gespeichert.")).to_be_visible()
    expect(page.get_by_text("Status: geplant")).to_be_visible()
    meeting_url = page.url
    meeting = Meeting.objects.get(title=TITLE)
    assert meeting_url == f"{base}/sitzungen/{meeting.pk}/"
    start = timezone.localtime(meeting.starts_at)
    assert (start.date(), start.hour, start.minute) == (day, 10, 0)

    agenda = page.get_by_role("region", name="Tagesordnung", exact=True)
    for title, minutes in AGENDA:
        agenda.get_by_role("link", name="Tagesordnungspunkt hinzufügen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Tagesordnungspunkt hinzufügen")
        page.get_by_label("Titel", exact=True).fill(title)
        page.get_by_label("Dauer in Minuten", exact=True).fill(str(minutes))
        page.get_by_role("button", name="Speichern", exact=True).click()
        expect(page).to_have_url(f"{meeting_url}#tagesordnung")
        expect(status_message(page, "Gespeichert.")).to_be_visible()
    expect(agenda.locator(".agenda__item > p:first-child strong")).to_have_text([
        f"10:00 Uhr · {AGENDA[0][0]}", f"10:30 Uhr · {AGENDA[1][0]}"])

    page.get_by_role("button", name="Einladung veröffentlichen").click()
    expect(status_message(page, "Die Sitzung ist jetzt „eingeladen“.")).to_be_visible()
    expect(page.get_by_text("Status: eingeladen")).to_be_visible()

    # A visitor sees date, working group and host only.
    visitor = new_context().new_page()
    visitor.goto(meeting_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(f"Sitzung der {GROUP}")
    main = visitor.get_by_role("main")
    with translation.override("de"):
        when = dateformat.format(timezone.localtime(meeting.starts_at), "l, d. F Y, H:i")
    expect(main).to_contain_text(f"{when} Uhr")
    expect(main).to_contain_text(HOST)
    for hidden in (TITLE, LOCATION, AGENDA[0][0], AGENDA[1][0]):
        expect(main).not_to_contain_text(hidden)
    expect(visitor.get_by_role("button", name="Anmelden", exact=True)).to_have_count(0)

    # The reader registers from the dashboard.
    reader_page = sign_in(new_context().new_page(), base, READER)
    upcoming = reader_page.get_by_role("region", name="Nächste Sitzungen", exact=True)
    upcoming.get_by_role("link", name=TITLE).click()
    expect(reader_page).to_have_url(meeting_url)
    expect(reader_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader_page.get_by_role("region", name="Verwalten", exact=True)).to_have_count(0)
    participation = reader_page.get_by_role("region", name="Meine Teilnahme", exact=True)
    participation.get_by_role("radio", name="vor Ort").check()
    participation.get_by_role("button", name="Anmelden", exact=True).click()
    expect(status_message(reader_page, "Sie sind angemeldet (vor Ort).")).to_be_visible()
    expect(participation).to_contain_text("Sie sind angemeldet (vor Ort).")
    expect(participation.get_by_role("button", name="Teilnahme ändern")).to_be_visible()

    # Coordinator pages stay closed to the reader.
    response = reader_page.goto(f"{base}/sitzungen/neu/")
    assert response.status == 403
    expect(reader_page.get_by_role("heading", level=1)).to_have_text("Zugriff verweigert")

    # Before it starts, the meeting cannot be marked as held; then time passes.
    page.reload()
    expect(page.get_by_role("region", name="Teilnehmende", exact=True)).to_contain_text(READER_NAME)
    expect(page.get_by_text("ist ab Beginn der Sitzung möglich")).to_be_visible()
    began = timezone.now() - timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=began,
                                                 ends_at=began + timedelta(hours=3))
    page.reload()
    page.get_by_role("button", name="Als stattgefunden markieren").click()
    expect(status_message(page, "Die Sitzung ist jetzt „stattgefunden“.")).to_be_visible()
    expect(page.get_by_text("Status: stattgefunden")).to_be_visible()

    page.get_by_role("link", name="Protokoll schreiben").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Protokoll schreiben")
    page.get_by_label(re.compile(r"^Zusammenfassung")).fill(SUMMARY)
    page.get_by_label(re.compile(rf"^Notiz zu TOP 2: {AGENDA[1][0]}")).fill(NOTE)
    page.get_by_role("button", name="Protokoll speichern").click()
    expect(page).to_have_url(f"{meeting_url}#protokoll")
    expect(status_message(page, "Das Protokoll wurde gespeichert.")).to_be_visible()
    minutes_region = page.get_by_role("region", name="Protokoll", exact=True)
    expect(minutes_region).to_contain_text("Entwurf – nur für die Koordinierungsstelle sichtbar.")
    expect(minutes_region).to_contain_text(SUMMARY)
    expect(minutes_region.get_by_role("heading", name=f"TOP 2: {AGENDA[1][0]}")).to_be_visible()

    page.get_by_role("link", name="Beschluss erfassen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beschluss erfassen")
    page.get_by_label(re.compile(r"^Tagesordnungspunkt")).select_option(index=2)
    page.get_by_label("Beschluss", exact=True).fill(DECISION)
    page.get_by_label("Ergebnis", exact=True).select_option(label="einstimmig")
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page).to_have_url(f"{meeting_url}#beschluesse")
    expect(page.get_by_role("region", name="Beschlüsse", exact=True)).to_contain_text(
        f"{DECISION} – einstimmig")

    page.get_by_role("link", name="Aufgabe erfassen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aufgabe erfassen")
    page.get_by_label("Aufgabe", exact=True).fill(TASK)
    person = page.get_by_label(re.compile(r"^Zuständige Person"))
    reader_value = person.locator("option", has_text=READER_NAME).get_attribute("value")
    person.select_option(reader_value)
    page.get_by_label(re.compile(r"^Fällig am")).fill(due.isoformat())
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page).to_have_url(f"{meeting_url}#aufgaben")
    expect(page.get_by_role("region", name="Aufgaben", exact=True)).to_contain_text(
        f"{TASK} – {READER_NAME}, fällig am {due:%d.%m.%Y} – offen")

    page.get_by_role("link", name="Protokoll veröffentlichen …").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Protokoll veröffentlichen")
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(status_message(page, "Das Protokoll ist veröffentlicht; die Arbeitsgruppe wird "
                                "per E-Mail benachrichtigt.")).to_be_visible()
    expect(page.get_by_text("Status: Protokoll veröffentlicht")).to_be_visible()
    expect(page.get_by_role("link", name="Protokoll veröffentlichen …")).to_have_count(0)

    # The reader finds the task on the dashboard and the decision on the meeting page.
    reader_page.goto(f"{base}/")
    tasks = reader_page.get_by_role("region", name="Meine Aufgaben", exact=True)
    expect(tasks).to_contain_text(TASK)
    expect(tasks.locator("li").filter(has_text=TASK)).to_contain_text(
        f"fällig am {due:%d.%m.%Y}")
    tasks.locator("li").filter(has_text=TASK).get_by_role("link", name=TITLE).click()
    expect(reader_page).to_have_url(f"{meeting_url}#aufgaben")
    expect(reader_page.get_by_role("region", name="Beschlüsse", exact=True)).to_contain_text(
        f"{DECISION} – einstimmig")
    reader_minutes = reader_page.get_by_role("region", name="Protokoll", exact=True)
    expect(reader_minutes).to_contain_text(SUMMARY)
    expect(reader_minutes).not_to_contain_text("Entwurf")
    expect(reader_page.get_by_role("button", name=f"„{TASK}“ als erledigt markieren")) \
        .to_be_visible()

    # The database holds what the forms sent.
    meeting.refresh_from_db()
    assert (meeting.state, meeting.format, meeting.host.name, meeting.location) == (
        MeetingState.MINUTES_PUBLISHED, MeetingFormat.IN_PERSON, HOST, LOCATION)
    assert meeting.working_group.name == GROUP
    assert list(meeting.agenda_items.order_by("order").values_list(
        "title", "duration_minutes")) == AGENDA
    assert meeting.agenda_items.get(title=AGENDA[1][0]).notes == NOTE
    registration = meeting.registrations.get()
    assert (registration.user, registration.status, registration.mode) == (
        reader, RegistrationStatus.REGISTERED, "in_person")
    assert (meeting.minutes.state, meeting.minutes.summary) == (MinutesState.PUBLISHED, SUMMARY)
    decision = meeting.decisions.get()
    assert (decision.wording, decision.result, decision.agenda_item.title) == (
        DECISION, DecisionResult.UNANIMOUS, AGENDA[1][0])
    task = meeting.action_items.get()
    assert (task.title, task.responsible_user, task.due_date, task.status) == (
        TASK, reader, due, ActionItemStatus.OPEN)
