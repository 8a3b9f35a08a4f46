"""Demo data of notifications: follows for the demo logins, and the notifications of the
last weeks' changes, so the bell and the list show something at once. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from members.models import User

from .collector import notifications_collect
from .models import Follow

# (login, followed keys by model label and slug)
FOLLOWS = [
    ("lesen.ahrweiler@example.org", [("projects.topic", "dokumentenmanagement"),
                                     ("projects.topic", "e-akte")]),
    ("redaktion.neuwied@example.org", [("projects.topic", "dokumentenmanagement")]),
    ("redaktion.myk@example.org", [("projects.topic", "online-terminvereinbarung")]),
    ("koordination@example.org", [("projects.topic", "e-akte")]),
]


def _pk(label: str, slug: str) -> int | None:
    from django.apps import apps

    model = apps.get_model(label)
    return model.objects.filter(slug=slug).values_list("pk", flat=True).first()


def load() -> None:
    users = {user.email: user for user in User.objects.filter(
        email__in=[email for email, _keys in FOLLOWS])}
    for email, keys in FOLLOWS:
        user = users.get(email)
        if user is None:
            continue
        for label, slug in keys:
            pk = _pk(label, slug)
            if pk is not None:
                Follow.objects.get_or_create(user=user, target_key=f"{label}:{pk}")
    notifications_collect(since=timezone.now() - timedelta(days=60))


def counts() -> dict[str, int]:
    from .models import Notification

    return {"follows": Follow.objects.count(), "notifications": Notification.objects.count()}
