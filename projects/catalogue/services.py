"""Write functions of the topic catalogue: only coordinators create and change topics
(projects.maintain_catalogue)."""

import rules
from django.core.exceptions import PermissionDenied

from common.slugs import slug_save
from members.models import User

from ..models import Topic


def topic_save(*, topic: Topic, fields: dict, by: User) -> Topic:
    """Create or change a topic of the catalogue; topics are deactivated, never deleted,
    so their statuses and history stay. Without a short address one is made from the name."""
    if not rules.has_perm("projects.maintain_catalogue", by):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(topic, name, value)
    # The slug is checked by slug_save, which also holds against a concurrent save.
    topic.full_clean(exclude=["slug"])
    slug_save(topic, source=topic.name, fallback="thema")
    return topic
