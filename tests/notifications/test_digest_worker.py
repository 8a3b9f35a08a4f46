"""Notifications and digests through a real Celery worker and a real Redis, counted in the
mails the worker actually wrote: a double beat and a worker killed in the middle send
every digest exactly once."""

from collections import Counter
from pathlib import Path

import pytest

from common.enums import MailState
from common.models import OutgoingMail
from common.tasks import mails_requeue_stale
from notifications.digests import digests_dispatch
from notifications.models import Digest, DigestSetting, Notification
from notifications.tasks import notifications_dispatch
from tests.factories import AdministrationFactory, UserFactory
from tests.meetings.test_reminders_worker import all_sent, drain, sent_mails, wait_until

from .helpers import follow, make_project, make_topic, notification

pytestmark = pytest.mark.worker


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    path = tmp_path / "mails"
    path.mkdir()
    return path


@pytest.fixture
def celery_worker_env(mail_dir):
    """The worker writes mails as files and requeues lost mails at once (as in the
    meetings reminder worker tests)."""
    return {"DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir), "OUTBOX_REQUEUE_AFTER_SECONDS": "0"}


def test_double_beat_notifies_and_mails_each_follower_once(celery_worker_process, mail_dir):
    member = AdministrationFactory()
    people = UserFactory.create_batch(12, administration=member)
    DigestSetting.objects.bulk_create(
        [DigestSetting(user=person, frequency="immediate") for person in people])
    dms = make_topic()
    for person in people:
        follow(person, dms)
    make_project(AdministrationFactory(), title="Gemeinsames DMS", topics=[dms])

    first = notifications_dispatch.delay()
    second = notifications_dispatch.delay()  # beat fires twice
    results = [tuple(first.get(timeout=60)), tuple(second.get(timeout=60))]
    wait_until(all_sent)
    drain()

    assert sorted(results) == [(0, 0), (12, 12)]
    per_person = Counter(message["To"] for message in sent_mails(mail_dir))
    assert per_person == Counter({person.email: 1 for person in people})
    subjects = {message["Subject"] for message in sent_mails(mail_dir)}
    assert subjects == {"[Kreishaus] 1 Neuigkeit zu dem, was Sie verfolgen"}
    assert Notification.objects.count() == Digest.objects.count() == 12


def test_worker_killed_mid_batch_loses_no_digest_and_doubles_none(
        celery_worker_process, celery_worker_spawn, mail_dir):
    member = AdministrationFactory()
    people = UserFactory.create_batch(150, administration=member)
    DigestSetting.objects.bulk_create(
        [DigestSetting(user=person, frequency="immediate") for person in people])
    for person in people:
        notification(person, title="Neuer Artikel zum DMS")

    assert digests_dispatch() == 150  # the beat task's work: 150 mails, 150 tasks in Redis
    wait_until(lambda: OutgoingMail.objects.filter(state=MailState.SENT).count() >= 30,
               interval=0.005)
    celery_worker_process.kill()  # SIGKILL: no cleanup, no acknowledgement
    celery_worker_process.wait(timeout=10)
    assert OutgoingMail.objects.filter(state=MailState.SENT).count() < 150

    celery_worker_spawn()
    assert tuple(notifications_dispatch.delay().get(timeout=60)) == (0, 0)  # nothing new due
    mails_requeue_stale.delay().get(timeout=60)
    wait_until(all_sent)
    drain()

    per_person = Counter(message["To"] for message in sent_mails(mail_dir))
    assert per_person == Counter({person.email: 1 for person in people})
    assert Digest.objects.count() == OutgoingMail.objects.count() == 150
