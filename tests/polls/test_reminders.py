"""Reminders for open Rundfragen (polls.reminders), derived from the database: 3 days and
1 day before the deadline to the editors of asked administrations without a handed-in
answer, exactly once per kind and person, through the outbox."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from common.models import OutgoingMail, Reminder
from common.reminders import reminder_expired_reason, reminder_kinds
from polls.models import Audience, Poll
from polls.reminders import poll_reminders_dispatch
from polls.services import ItemData, answer_save, poll_close, poll_hide, poll_reopen
from polls.tasks import poll_reminders_dispatch as task
from tests.factories import AdministrationFactory, UserFactory
from tests.polls.helpers import ask

# The notice that a Rundfrage came in (notifications, at once when it is asked) is not a
# reminder.
ASKED_NOTICE = "[Kreishaus] Neue Rundfrage"

pytestmark = pytest.mark.django_db
DEADLINE = timezone.localdate() + timedelta(days=10)


def at(day, hour=8) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def before(days, hour=8) -> datetime:
    return at(DEADLINE - timedelta(days=days), hour)


@pytest.fixture
def asked(administration, other_editor):
    """MYK is asked by Neuwied; MYK has an editor, a coordinator and a reader."""
    return {
        "editor": UserFactory(administration=administration, role="editor",
                              email="redaktion@myk.example"),
        "coordinator": UserFactory(administration=administration, role="coordinator",
                                   email="koordination@myk.example"),
        "reader": UserFactory(administration=administration, role="reader",
                              email="lesen@myk.example"),
        "poll": ask(other_editor, title="DMS im Einsatz", deadline=DEADLINE,
                    audience=Audience.CHOSEN, audience_administrations=[administration]),
    }


def kinds(user) -> list[str]:
    return sorted(Reminder.objects.filter(recipient=user).values_list("kind", flat=True))


def test_three_days_and_one_day_before_exactly_once(asked):
    moments = [before(5), before(3, 6), before(3), before(3, 9), before(2), before(1),
               before(1, 20), before(0, 16)]

    queued = [poll_reminders_dispatch(now) for now in moments]

    assert queued == [0, 0, 2, 0, 0, 2, 0, 0]
    for person in (asked["editor"], asked["coordinator"]):
        assert kinds(person) == ["poll_due_1", "poll_due_3"]
    assert kinds(asked["reader"]) == []  # readers cannot hand the answer in
    mails = OutgoingMail.objects.filter(to="redaktion@myk.example").exclude(
        subject__startswith=ASKED_NOTICE).order_by("pk")
    assert [m.subject for m in mails] == [
        "[Kreishaus] Noch 3 Tage: Rundfrage „DMS im Einsatz“",
        "[Kreishaus] Morgen endet die Rundfrage „DMS im Einsatz“"]
    body = mails[0].body_text
    assert ("Landkreis Mayen-Koblenz hat die Rundfrage „DMS im Einsatz“ von Landkreis Neuwied "
            "noch nicht beantwortet.") in body
    assert f"/rundfragen/{asked['poll'].pk}/#antwort" in body
    assert "/konto/benachrichtigungen/" in body
    assert mails[0].body_html.count("<a href") >= 2


def test_double_beat_sends_nothing_twice(asked):
    assert poll_reminders_dispatch(before(3)) == 2
    assert poll_reminders_dispatch(before(3)) == 0
    assert task.apply().get() == 0  # the beat task: now is long before the point
    assert OutgoingMail.objects.exclude(subject__startswith=ASKED_NOTICE).count() == 2


def test_late_run_sends_only_the_latest_point(asked):
    assert poll_reminders_dispatch(before(1)) == 2
    assert kinds(asked["editor"]) == ["poll_due_1"]


def test_no_reminder_after_a_handed_in_answer_but_after_a_draft(asked, other_administration):
    poll = asked["poll"]
    answer_save(poll=poll, by=asked["reader"], version=0, finalise=False,
                items={q.pk: ItemData(not_possible=True) for q in poll.questions.all()})
    assert poll_reminders_dispatch(before(3)) == 2
    answer_save(poll=poll, by=asked["editor"], version=1, finalise=True,
                items={q.pk: ItemData(not_possible=True) for q in poll.questions.all()})

    assert poll_reminders_dispatch(before(1)) == 0


def test_only_the_audience_is_reminded(asked, other_editor):
    outside = AdministrationFactory(name="Stadt Koblenz")
    UserFactory(administration=outside, role="editor", email="koblenz@example.org")
    whole = ask(other_editor, title="An alle", deadline=DEADLINE)

    poll_reminders_dispatch(before(3))

    assert OutgoingMail.objects.filter(to="koblenz@example.org").exclude(
        subject__startswith=ASKED_NOTICE).count() == 1
    # Neuwied asked: its editor is asked too by the Rundfrage to all.
    assert Reminder.objects.filter(object_key=f"poll:{whole.pk}").count() == 4


def test_muted_people_and_closed_hidden_polls_get_nothing(asked, coordinator, other_editor):
    asked["editor"].muted_reminders = ["poll"]
    asked["editor"].save()
    hidden = ask(other_editor, title="Versteckt", deadline=DEADLINE)
    poll_hide(poll=hidden, by=coordinator)
    closed = ask(other_editor, title="Beendet", deadline=DEADLINE)
    poll_close(poll=closed, by=other_editor)

    poll_reminders_dispatch(before(3))

    assert kinds(asked["editor"]) == []
    assert kinds(asked["coordinator"]) == ["poll_due_3"]
    assert not Reminder.objects.filter(
        object_key__in=[f"poll:{hidden.pk}", f"poll:{closed.pk}"]).exists()


def test_reopened_poll_is_reminded_of_its_new_deadline(asked, other_editor):
    poll = asked["poll"]
    poll_reminders_dispatch(before(1))
    poll_close(poll=poll, by=other_editor)
    new_deadline = DEADLINE + timedelta(days=7)
    poll_reopen(poll=poll, by=other_editor, deadline=new_deadline)

    poll_reminders_dispatch(at(new_deadline - timedelta(days=3)))

    assert kinds(asked["editor"]) == ["poll_due_1", "poll_due_3_reopened"]


def test_expiry_check_before_sending(asked, other_editor):
    poll = asked["poll"]
    poll_reminders_dispatch(before(3))
    reminder = Reminder.objects.get(recipient=asked["editor"])

    assert reminder_expired_reason(reminder, before(3)) == ""
    answer_save(poll=poll, by=asked["editor"], version=0, finalise=True,
                items={q.pk: ItemData(not_possible=True) for q in poll.questions.all()})
    assert reminder_expired_reason(reminder, before(3)) == (
        "Nicht versandt: Die Verwaltung hat bereits geantwortet.")
    Poll.objects.filter(pk=poll.pk).update(closed_at=timezone.now())
    assert reminder_expired_reason(reminder, before(3)) == (
        "Nicht versandt: Die Rundfrage ist beendet.")
    Poll.objects.filter(pk=poll.pk).update(hidden_at=timezone.now())
    assert reminder_expired_reason(reminder, before(3)) == (
        "Nicht versandt: Die Rundfrage wurde ausgeblendet.")
    Poll.objects.filter(pk=poll.pk).delete()
    assert reminder_expired_reason(reminder, before(3)) == (
        "Nicht versandt: Die Rundfrage gibt es nicht mehr.")


def test_kind_can_be_muted_on_the_settings_page(client, editor, reader):
    assert "poll" in [kind.value for kind in reminder_kinds(editor)]
    assert "poll" not in [kind.value for kind in reminder_kinds(reader)]  # never reminded
    client.force_login(editor)

    page = client.get("/konto/benachrichtigungen/").content.decode()

    assert "Erinnerungen an offene Rundfragen" in page


def test_beat_schedule_names_the_task(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["poll-reminders-dispatch"]
    assert entry["task"] == "polls.tasks.poll_reminders_dispatch"
