"""Reminders for open Sachstandserhebungen (projects.surveys.reminders), derived from the database.

The round lies in 2099 so that dates in subjects are fixed; `survey_reminders_dispatch(now=…)`
is asked about the moment under test. Mails are checked as outbox rows.
"""

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from projects.enums import SurveyState
from projects.models import SurveyResponse, SurveyRound
from projects.surveys.reminders import survey_reminder_expired_reason, survey_reminders_dispatch
from projects.tasks import survey_reminders_dispatch as task
from tests.factories import AdministrationFactory, UserFactory
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
OPENED = datetime(2099, 3, 2, 10, 0, tzinfo=BERLIN)
DEADLINE = date(2099, 3, 20)  # a Friday
_numbers = itertools.count(1)


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=BERLIN)


def make_round(*, opened=OPENED, deadline=DEADLINE, title="Sachstand vor der Herbstsitzung",
               **fields) -> SurveyRound:
    survey_round = SurveyRound.objects.create(title=title, deadline=deadline, **fields)
    survey_round.topics.set([make_topic(slug=f"e-akte-{next(_numbers)}")])
    SurveyRound.objects.filter(pk=survey_round.pk).update(opened_at=opened)
    survey_round.refresh_from_db()
    return survey_round


def kinds_of(user) -> list[str]:
    return sorted(Reminder.objects.filter(recipient=user).values_list("kind", flat=True))


def mails_to(user) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(to=user.email).order_by("pk"))


@pytest.fixture
def member():
    return AdministrationFactory(name="Landkreis Cochem-Zell", slug="cochem-zell")


@pytest.fixture
def other_member():
    return AdministrationFactory(name="Stadt Koblenz", slug="koblenz")


# --- who, and which kind when ------------------------------------------------------------

def test_each_kind_sent_exactly_once_per_recipient(member):
    editor = UserFactory(administration=member, role="editor")
    second = UserFactory(administration=member, role="editor")
    make_round()

    moments = [OPENED + timedelta(minutes=5), OPENED + timedelta(days=3),
               at(DEADLINE - timedelta(days=7), 7), at(DEADLINE - timedelta(days=7), 9),
               at(DEADLINE - timedelta(days=3)), at(DEADLINE - timedelta(days=1), 7),
               at(DEADLINE - timedelta(days=1), 20), at(DEADLINE, 16)]
    queued = [survey_reminders_dispatch(now) for now in moments]

    assert queued == [2, 0, 2, 0, 0, 2, 0, 0]
    for person in (editor, second):
        assert kinds_of(person) == ["survey_due_1", "survey_due_7", "survey_opened"]
        assert len(mails_to(person)) == 3
    assert set(Reminder.objects.values_list("object_key", flat=True)) == {
        f"survey_round:{SurveyRound.objects.get().pk}"}


def test_running_twice_at_the_same_moment_sends_nothing_more(member):
    UserFactory(administration=member, role="editor")
    make_round()
    now = at(DEADLINE - timedelta(days=7))

    assert survey_reminders_dispatch(now) == 1
    assert survey_reminders_dispatch(now) == 0
    assert OutgoingMail.objects.count() == 1


def test_only_people_who_may_answer_are_reminded(member):
    editor = UserFactory(administration=member, role="editor")
    coordinator = UserFactory(administration=member, role="coordinator")
    reader = UserFactory(administration=member, role="reader")
    inactive = UserFactory(administration=member, role="editor", is_active=False)
    former = AdministrationFactory(member_until=date(2021, 1, 1))
    former_editor = UserFactory(administration=former, role="editor")
    make_round()

    survey_reminders_dispatch(OPENED + timedelta(minutes=1))

    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == sorted(
        [editor.email, coordinator.email])
    for person in (reader, inactive, former_editor):
        assert kinds_of(person) == []


def test_completed_members_are_not_reminded(member, other_member):
    done = UserFactory(administration=member, role="editor")
    waiting = UserFactory(administration=other_member, role="editor")
    survey_round = make_round()
    survey_reminders_dispatch(OPENED + timedelta(minutes=1))
    SurveyResponse.objects.create(round=survey_round, administration=member,
                                  completed_at=OPENED + timedelta(days=1))

    assert survey_reminders_dispatch(at(DEADLINE - timedelta(days=7))) == 1
    assert survey_reminders_dispatch(at(DEADLINE - timedelta(days=1))) == 1

    assert kinds_of(done) == ["survey_opened"]
    assert kinds_of(waiting) == ["survey_due_1", "survey_due_7", "survey_opened"]


def test_a_started_but_incomplete_answer_is_still_reminded(member):
    editor = UserFactory(administration=member, role="editor")
    survey_round = make_round()
    SurveyResponse.objects.create(round=survey_round, administration=member)

    assert survey_reminders_dispatch(at(DEADLINE - timedelta(days=1))) == 1
    assert kinds_of(editor) == ["survey_due_1"]


def test_nothing_after_the_deadline_or_after_closing(member):
    editor = UserFactory(administration=member, role="editor")
    survey_round = make_round()

    assert survey_reminders_dispatch(at(DEADLINE + timedelta(days=1), 0)) == 0
    assert survey_reminders_dispatch(at(DEADLINE + timedelta(days=30))) == 0

    SurveyRound.objects.filter(pk=survey_round.pk).update(deadline=date(2099, 4, 30),
                                                          state=SurveyState.CLOSED)
    assert survey_reminders_dispatch(OPENED + timedelta(minutes=1)) == 0
    assert kinds_of(editor) == []


def test_muted_survey_reminders_are_respected(member):
    muted = UserFactory(administration=member, role="editor",
                        muted_reminders=["survey"])
    other_muted = UserFactory(administration=member, role="editor",
                              muted_reminders=["meeting"])
    make_round()

    for now in (OPENED + timedelta(minutes=1), at(DEADLINE - timedelta(days=7)),
                at(DEADLINE - timedelta(days=1))):
        survey_reminders_dispatch(now)

    assert kinds_of(muted) == []
    assert kinds_of(other_muted) == ["survey_due_1", "survey_due_7", "survey_opened"]


def test_late_run_sends_only_the_latest_point(member):
    editor = UserFactory(administration=member, role="editor")
    make_round()

    assert survey_reminders_dispatch(at(DEADLINE - timedelta(days=1), 9)) == 1
    assert survey_reminders_dispatch(at(DEADLINE, 9)) == 0

    assert kinds_of(editor) == ["survey_due_1"]


def test_short_round_starts_with_the_opening_mail_not_the_7_day_reminder(member):
    editor = UserFactory(administration=member, role="editor")
    make_round(opened=at(DEADLINE - timedelta(days=5), 11))

    for days in (5, 4, 3, 2, 1, 0):
        survey_reminders_dispatch(at(DEADLINE - timedelta(days=days), 12))

    assert kinds_of(editor) == ["survey_due_1", "survey_opened"]


# --- the mail ----------------------------------------------------------------------------

def test_reminder_mail_is_german_with_absolute_link_to_the_answer_form(member, settings):
    settings.SITE_URL = "https://kreishaus.example.org"
    UserFactory(administration=member, role="editor", first_name="Erika",
                last_name="Mustermann")
    survey_round = make_round()

    survey_reminders_dispatch(OPENED + timedelta(minutes=1))
    survey_reminders_dispatch(at(DEADLINE - timedelta(days=7)))
    survey_reminders_dispatch(at(DEADLINE - timedelta(days=1)))

    opened, due_7, due_1 = OutgoingMail.objects.order_by("pk")
    link = "https://kreishaus.example.org" + reverse(
        "projects:survey_answer", args=[survey_round.pk, "cochem-zell"])
    assert opened.subject == ("[Kreishaus] Sachstandserhebung „Sachstand vor der "
                              "Herbstsitzung“: bitte bis 20. März 2099 antworten")
    assert due_7.subject == ("[Kreishaus] Noch 7 Tage: Sachstandserhebung „Sachstand vor der "
                             "Herbstsitzung“")
    assert due_1.subject == ("[Kreishaus] Morgen endet die Sachstandserhebung „Sachstand vor "
                             "der Herbstsitzung“")
    assert opened.body_text.startswith("Guten Tag Erika Mustermann,\n")
    assert ("die Koordinierungsstelle hat die Sachstandserhebung „Sachstand vor der "
            "Herbstsitzung“ eröffnet. Bitte bestätigen oder aktualisieren Sie bis Freitag, "
            "20. März 2099 die Sachstände von Landkreis Cochem-Zell.") in opened.body_text
    assert ("Landkreis Cochem-Zell hat die Sachstandserhebung „Sachstand vor der "
            "Herbstsitzung“ noch nicht abgeschlossen.") in due_7.body_text
    for message in (opened, due_7, due_1):
        assert link in message.body_text
        assert f'<a href="{link}">' in message.body_html
        assert "https://kreishaus.example.org/konto/benachrichtigungen/" in message.body_text
    assert "Themen: E-Akte" in opened.body_text


# --- sending through the outbox ----------------------------------------------------------

def test_expired_reason_for_queued_survey_reminders(member):
    editor = UserFactory(administration=member, role="editor")
    survey_round = make_round()
    survey_reminders_dispatch(OPENED + timedelta(minutes=1))
    reminder = Reminder.objects.get()

    assert survey_reminder_expired_reason(reminder, OPENED + timedelta(hours=1)) == ""
    assert survey_reminder_expired_reason(reminder, at(DEADLINE + timedelta(days=1))) == (
        "Nicht versandt: Die Frist der Erhebung ist abgelaufen.")
    SurveyResponse.objects.create(round=survey_round, administration=editor.administration,
                                  completed_at=OPENED)
    assert survey_reminder_expired_reason(reminder, OPENED + timedelta(hours=1)) == (
        "Nicht versandt: Die Verwaltung hat bereits geantwortet.")
    SurveyRound.objects.filter(pk=survey_round.pk).update(state=SurveyState.CLOSED)
    assert survey_reminder_expired_reason(reminder, OPENED + timedelta(hours=1)) == (
        "Nicht versandt: Die Erhebung ist abgeschlossen.")


def test_survey_reminder_is_delivered_by_the_outbox(member, django_capture_on_commit_callbacks):
    editor = UserFactory(administration=member, role="editor")
    make_round(opened=timezone.now() - timedelta(hours=1),
               deadline=timezone.localdate() + timedelta(days=14))

    with django_capture_on_commit_callbacks(execute=True):
        assert survey_reminders_dispatch() == 1

    assert OutgoingMail.objects.get().state == MailState.SENT
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_celery_task_dispatches_what_is_due_now(member):
    editor = UserFactory(administration=member, role="editor")
    make_round(opened=timezone.now() - timedelta(hours=1),
               deadline=timezone.localdate() + timedelta(days=14))

    assert task.delay().get() == 1
    assert kinds_of(editor) == ["survey_opened"]
