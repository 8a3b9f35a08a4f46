"""What polls adds to the recent changes (common.changes): new Rundfragen. Internal: member
staff see those they may open (polls_listed_for), visitors never. Each record names the
Rundfrage and its topics as targets, so followers of a topic hear of a question about it."""

from datetime import datetime

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from common.changes import Change, change_source_register

from .selectors import polls_listed_for


def polls_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Rundfragen asked lately, newest first (one query)."""
    polls = polls_listed_for(user)
    if since is not None:
        polls = polls.filter(created_at__gt=since)
    rows = (polls.order_by("-created_at", "-pk")
            .annotate(topic_ids=ArrayAgg("topics__pk", filter=Q(topics__isnull=False),
                                         distinct=True, default=[]))
            .values("pk", "title", "created_at", "administration__name", "topic_ids",
                    "author_id")[:limit])
    return [Change(when=row["created_at"], kind="polls", kind_label=_("Neue Rundfrage"),
                   object_key=f"polls.poll:{row['pk']}", title=row["title"],
                   url=reverse("polls:detail", args=[row["pk"]]),
                   administration=row["administration__name"] or "", public=False,
                   targets=(f"polls.poll:{row['pk']}",
                            *(f"projects.topic:{pk}" for pk in sorted(row["topic_ids"]))),
                   by=row["author_id"])
            for row in rows]


def register() -> None:
    """Called once from PollsConfig.ready()."""
    change_source_register("polls", polls_changes)
