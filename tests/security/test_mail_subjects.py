"""Mail subjects are plain text on one line in every kind of mail (issue 10, sections 3
and 7): no "&amp;" or "&#x27;", and a name stored with a line break (before forms refused
them) neither breaks the mail nor every later one.

Every subject is rendered by common.mail.render_subject; the outbox makes each one a single
line again when it queues and when it sends.
"""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from common.enums import MailState
from common.models import OutgoingMail
from common.outbox import mail_queue, mail_send
from meetings.enums import MeetingState, MinutesState
from meetings.models import ActionItem, Minutes
from projects.surveys.reminders import survey_reminders_dispatch
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.test_reminders import (
    END,
    START,
    at,
    make_group,
    make_meeting,
    register,
    run,  # noqa: F401 (fixture)
)
from tests.projects.test_survey_reminders import DEADLINE, OPENED, make_round

pytestmark = pytest.mark.django_db

# As typed by someone, and as it may sit in the database from before line breaks were refused.
NAME = "Rhein-Lahn & Co „O'Neil“"
STORED = "Rhein-Lahn & Co\r\n„O'Neil“\u202e"
SUBJECT_TEMPLATES = sorted(
    str(path.relative_to(settings.BASE_DIR / "templates"))
    for path in (settings.BASE_DIR / "templates").glob("*/email/*_subject.txt"))


def _subjects() -> list[str]:
    return [message.subject for message in mail.outbox]


def test_every_subject_template_is_rendered_through_render_subject():
    """The callers name the templates; no other code renders them (and escapes)."""
    sources = [path.read_text(encoding="utf-8")
               for package in ("members", "meetings", "projects", "knowledge", "kreishaus")
               for path in Path(settings.BASE_DIR, package).rglob("*.py")]
    callers = [line.strip() for source in sources for line in source.splitlines()
               if "_subject.txt" in line or "_subject" in line and "render_to_string" in line]

    assert len(SUBJECT_TEMPLATES) >= 9
    assert callers and all("render_subject(" in line for line in callers)


def test_member_invitation_subject(client, coordinator, django_capture_on_commit_callbacks):
    administration = AdministrationFactory(name=STORED)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:invite", args=[administration.slug]), {
            "email": "neu@example.org", "role": "reader"})

    assert response.status_code == 302
    assert _subjects() == [f"[Kreishaus] Einladung zur Mitarbeit für {NAME}"]


@pytest.fixture
def member():
    return AdministrationFactory(name="Landkreis Cochem-Zell")


def test_meeting_invitation_reminder_and_cancellation_subjects(run, member):  # noqa: F811
    registered = UserFactory(administration=member)
    unanswered = UserFactory(administration=member)
    meeting = make_meeting(make_group(member), title=STORED)
    register(meeting, registered)

    run(START - timedelta(days=30))
    invitations = _subjects()
    mail.outbox.clear()
    run(START - timedelta(days=14) + timedelta(hours=1))
    reminders = {message.to[0]: message.subject for message in mail.outbox}
    mail.outbox.clear()
    meeting.state = MeetingState.CANCELLED
    meeting.save()
    run(START - timedelta(days=13))

    assert invitations == [f"[Kreishaus] Einladung: {NAME} am 3. März 2099"] * 2
    assert reminders == {
        registered.email: f"[Kreishaus] Erinnerung: {NAME} am 3. März 2099",
        unanswered.email: f"[Kreishaus] Bitte melden Sie sich an oder ab: {NAME} am "
                          "3. März 2099"}
    assert _subjects() == [f"[Kreishaus] Abgesagt: {NAME} am 3. März 2099"]


def test_minutes_subjects(run, member):  # noqa: F811
    coordinator = UserFactory(administration=member, role="coordinator")
    make_meeting(make_group(member), title=STORED, state=MeetingState.HELD)  # no minutes
    published = make_meeting(make_group(member), title=STORED,
                             state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=published, state=MinutesState.PUBLISHED,
                           published_at=END + timedelta(days=2, hours=12))

    run(END + timedelta(days=3))

    assert sorted(_subjects()) == sorted([
        f"[Kreishaus] Protokoll fehlt: {NAME} vom 3. März 2099",
        f"[Kreishaus] Protokoll veröffentlicht: {NAME} vom 3. März 2099"])
    assert {message.to[0] for message in mail.outbox} == {coordinator.email}


def test_action_item_subjects(run, member):  # noqa: F811
    person = UserFactory(administration=member)
    held = make_meeting(make_group(member), starts_at=START - timedelta(days=30),
                        state=MeetingState.HELD)
    ActionItem.objects.create(meeting=held, title=STORED, due_date=date(2099, 3, 4),
                              responsible_user=person)

    run(at(date(2099, 3, 1)))
    run(at(date(2099, 3, 5)))

    assert _subjects() == [
        f"[Kreishaus] Aufgabe fällig am 4. März 2099: {NAME}",
        f"[Kreishaus] Aufgabe überfällig seit 4. März 2099: {NAME}"]


def test_survey_reminder_subjects(member):
    UserFactory(administration=member, role="editor")
    make_round(title=STORED)

    for moment in (OPENED + timedelta(minutes=5), at(DEADLINE - timedelta(days=7)),
                   at(DEADLINE - timedelta(days=1))):
        survey_reminders_dispatch(moment)

    assert list(OutgoingMail.objects.order_by("pk").values_list("subject", flat=True)) == [
        f"[Kreishaus] Sachstandserhebung „{NAME}“: bitte bis 20. März 2099 antworten",
        f"[Kreishaus] Noch 7 Tage: Sachstandserhebung „{NAME}“",
        f"[Kreishaus] Morgen endet die Sachstandserhebung „{NAME}“"]


def test_outbox_queues_every_subject_as_one_line(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail_queue(to="a@example.org", subject=f"Betreff: {STORED}", text="Hallo")

    assert OutgoingMail.objects.get(pk=queued.pk).subject == f"Betreff: {NAME}"
    assert _subjects() == [f"Betreff: {NAME}"]


def test_a_stored_subject_with_a_line_break_is_still_sent():
    row = OutgoingMail.objects.create(to="a@example.org", subject=f"Betreff: {STORED}",
                                      body_text="Hallo")

    mail_send(row.pk)

    row.refresh_from_db()
    assert (row.state, row.last_error) == (MailState.SENT, "")
    assert _subjects() == [f"Betreff: {NAME}"]
