"""Write functions of the topic catalogue: only coordinators create and change topics."""

from django.core.exceptions import PermissionDenied

from members.models import User

from .models import Topic


def topic_save(*, topic: Topic, fields: dict, by: User) -> Topic:
    """Create or change a topic of the catalogue; topics are deactivated, never deleted,
    so their statuses and history stay."""
    if not (by.is_authenticated and by.is_coordinator):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(topic, name, value)
    topic.full_clean()
    topic.save()
    return topic
