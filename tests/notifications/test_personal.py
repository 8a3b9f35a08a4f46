"""Personal notices (notify_personal): in the app and at once by mail, exactly once, unless
the kind is switched off; only active member staff."""

import pytest
from django.core import mail

from notifications.digests import digests_dispatch
from notifications.models import Notification
from notifications.services import notify_personal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notify_personal_mails_at_once_and_only_once(reader, editor,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        count = notify_personal([reader, editor], kind="mention",
                                title="Sie wurden in einem Kommentar erwähnt",
                                url="/wissen/artikel/e-akte/#kommentar-3",
                                key="comments.comment:3")
    with django_capture_on_commit_callbacks(execute=True):
        again = notify_personal([reader], kind="mention", title="Sie wurden erwähnt",
                                url="/wissen/", key="comments.comment:3")

    assert (count, again) == (2, 0)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([reader.email, editor.email])
    message = mail.outbox[0]
    assert message.subject == "[Kreishaus] Sie wurden in einem Kommentar erwähnt"
    assert "/wissen/artikel/e-akte/#kommentar-3" in message.body
    assert list(Notification.objects.filter(user=reader).values_list(
        "kind_label", "title", "personal")) == [
        ("Persönlich", "Sie wurden in einem Kommentar erwähnt", True)]
    assert digests_dispatch() == 0  # already mailed: no digest repeats it


def test_notify_personal_respects_a_switched_off_kind(reader, django_capture_on_commit_callbacks):
    reader.muted_reminders = ["mention"]
    reader.save(update_fields=["muted_reminders"])
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_personal([reader], kind="mention", title="Erwähnt", url="/",
                               key="comments.comment:4") == 1
    assert mail.outbox == []
    assert Notification.objects.get().mailed_at is not None  # never waits for a digest


def test_notify_personal_leaves_out_inactive_and_outsiders(administration):
    gone = UserFactory(administration=administration, is_active=False)
    outsider = UserFactory(administration=None)
    assert notify_personal([gone, outsider], kind="mention", title="x", url="/",
                           key="k:1") == 0
    assert not Notification.objects.exists()


def test_moving_up_from_the_waiting_list_is_a_personal_notification(
        client, administration, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from meetings.enums import RegistrationStatus
    from meetings.models import Registration
    from tests.meetings.test_reminders import make_group, make_meeting

    meeting = make_meeting(make_group(administration), capacity=1,
                           starts_at=timezone.now() + timedelta(days=20))
    leaving, waiting = UserFactory.create_batch(2, administration=administration)
    Registration.objects.create(meeting=meeting, user=leaving)
    Registration.objects.create(meeting=meeting, user=waiting, status=RegistrationStatus.WAITING)
    client.force_login(leaving)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:decline", args=[meeting.pk]))

    assert list(Notification.objects.values_list("user_id", "title", "url", "personal")) == [
        (waiting.pk, f"Sie sind nachgerückt: {meeting.title}", f"/sitzungen/{meeting.pk}/",
         True)]
    assert len(mail.outbox) == 1  # the meetings notice itself, no second mail
