"""Review reminders through a real Celery worker and a real Redis, counted in the mails the
worker actually wrote: exactly once under a double beat, and none lost or doubled when the
worker is killed in the middle of the batch."""

from collections import Counter
from datetime import date

import pytest

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from common.tasks import mails_requeue_stale
from knowledge.models import Article
from knowledge.reviews import review_reminders_dispatch
from knowledge.tasks import review_reminders_dispatch as task
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import CategoryFactory, article_make
from tests.meetings import test_reminders_worker as worker
from tests.meetings.test_reminders_worker import all_sent, drain, sent_mails, wait_until

# The meetings worker tests' fixtures: the worker writes mails as files into mail_dir.
mail_dir = worker.mail_dir
celery_worker_env = worker.celery_worker_env

pytestmark = pytest.mark.worker

LONG_AGO = date(2020, 2, 1)  # due on 1 February 2021 with the category's 12 months
SUBJECT = "[Kreishaus] Bitte prüfen: „{}“ ist noch aktuell?"


def _due_articles(count: int, administration, category) -> list:
    made = []
    for number in range(count):
        author = UserFactory(administration=administration)
        article = article_make(author=author, title=f"Artikel {number}", category=category,
                               administration=administration)
        made.append((article, author))
    Article.objects.update(reviewed_at=LONG_AGO)
    return made


def test_worker_reminds_once_and_nothing_on_a_second_beat(celery_worker_process, mail_dir):
    member = AdministrationFactory()
    category = CategoryFactory(review_interval_months=12)
    made = _due_articles(3, member, category)
    editors = UserFactory.create_batch(2, administration=member, role="editor")
    orphan, gone = made[2]
    gone.is_active = False
    gone.save()

    assert task.delay().get(timeout=60) == 4  # two authors, the orphan's two editors
    assert task.delay().get(timeout=60) == 0  # beat fires again
    wait_until(all_sent)
    assert task.delay().get(timeout=60) == 0
    drain()

    expected = Counter({(author.email, SUBJECT.format(article.title)): 1
                        for article, author in made[:2]})
    expected.update({(editor.email, SUBJECT.format(orphan.title)): 1 for editor in editors})
    # strip(): the parsed header keeps the blank of a folded, encoded subject line
    assert Counter((m["To"], m["Subject"].strip()) for m in sent_mails(mail_dir)) == expected
    assert celery_worker_process.poll() is None


def test_worker_killed_mid_batch_loses_no_reminder_and_doubles_none(
        celery_worker_process, celery_worker_spawn, mail_dir):
    member = AdministrationFactory()
    made = _due_articles(120, member, CategoryFactory(review_interval_months=12))

    assert review_reminders_dispatch() == 120
    wait_until(lambda: OutgoingMail.objects.filter(state=MailState.SENT).count() >= 20,
               interval=0.005)
    celery_worker_process.kill()  # SIGKILL: no cleanup, no acknowledgement
    celery_worker_process.wait(timeout=10)
    assert OutgoingMail.objects.filter(state=MailState.SENT).count() < 120, (
        "the worker must die in the middle of the batch")

    celery_worker_spawn()
    assert task.delay().get(timeout=60) == 0  # the next beat: nothing new is due
    mails_requeue_stale.delay().get(timeout=60)
    wait_until(all_sent)
    drain()

    per_person = Counter(message["To"] for message in sent_mails(mail_dir))
    assert per_person == Counter({author.email: 1 for _article, author in made})
    assert Reminder.objects.count() == OutgoingMail.objects.count() == 120
