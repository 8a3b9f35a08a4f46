"""Demo data: the demo logins follow topics and find notifications; a second run adds none."""

import pytest
from django.core.management import call_command

from notifications.models import Follow, Notification

pytestmark = pytest.mark.django_db


def test_demo_follows_and_notifications_are_idempotent():
    call_command("demo_data")
    follows = sorted(Follow.objects.values_list("user__email", "target_key"))
    notifications = Notification.objects.count()
    call_command("demo_data")

    assert sorted(Follow.objects.values_list("user__email", "target_key")) == follows
    assert Notification.objects.count() == notifications
    emails = {email for email, _key in follows}
    assert emails == {"lesen.ahrweiler@example.org", "redaktion.neuwied@example.org",
                      "redaktion.myk@example.org", "koordination@example.org"}
    assert Notification.objects.filter(user__email="lesen.ahrweiler@example.org").exists()
