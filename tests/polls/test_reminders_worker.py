"""Rundfrage reminders through a real Celery worker and a real Redis: the beat task fires
twice, every editor gets exactly one mail (counted in what the worker wrote)."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from polls.models import Poll
from polls.tasks import poll_reminders_dispatch
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.test_reminders_worker import (  # noqa: F401 (fixtures)
    all_sent,
    celery_worker_env,
    drain,
    mail_dir,
    sent_mails,
    wait_until,
)
from tests.polls.helpers import ask

pytestmark = pytest.mark.worker


def test_worker_sends_poll_reminders_exactly_once(celery_worker_process, mail_dir):  # noqa: F811
    asking = AdministrationFactory(name="Landkreis Neuwied")
    asked = [AdministrationFactory() for _n in range(3)]
    asker = UserFactory(administration=asking, role="editor")
    editors = [UserFactory(administration=a, role="editor") for a in asked for _n in range(2)]
    UserFactory(administration=asked[0], role="reader")  # readers are not reminded
    poll = ask(asker, title="DMS im Einsatz", deadline=timezone.localdate())
    # Asked five days ago: the 1-day point (yesterday morning) lies after the question.
    Poll.objects.filter(pk=poll.pk).update(created_at=timezone.now() - timedelta(days=5))

    assert poll_reminders_dispatch.delay().get(timeout=60) == len(editors) + 1
    wait_until(all_sent)
    assert poll_reminders_dispatch.delay().get(timeout=60) == 0  # beat fires again
    drain()

    messages = sent_mails(mail_dir)
    subject = "[Kreishaus] Heute endet die Rundfrage „DMS im Einsatz“"
    expected = Counter({(person.email, subject): 1 for person in [*editors, asker]})
    # (The file backend folds the encoded header; the parsed value may start with a space.)
    # The notice that the Rundfrage came in (at once, when asked) is not a reminder.
    reminders = [m for m in messages
                 if not m["Subject"].strip().startswith("[Kreishaus] Neue Rundfrage")]
    assert Counter((m["To"], m["Subject"].strip()) for m in reminders) == expected
    assert celery_worker_process.poll() is None
