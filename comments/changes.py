"""What comments add to the recent changes (common.changes): each new comment, for member
staff who may open the commented page. Its `targets` name the commented thing, so whoever
follows that article, project, topic or Rundfrage is notified (notifications).

One query whatever the number of commentable kinds: each kind's rule (`visible(user)`) is
a subquery, and each kind's title a subquery too.
"""

from datetime import datetime
from functools import reduce
from operator import or_

from django.db.models import Case, CharField, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils.translation import gettext as _

from common.changes import Change, change_source_register
from members.rules import is_member_staff

from .models import Comment
from .registry import commentable_for_content_type, commentables


def comments_new_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Comments written lately on things the user may open, newest first (one query;
    none for visitors). Deleted and hidden comments are no news."""
    kinds = commentables()
    if not kinds or not is_member_staff(user):
        return []
    scope = reduce(or_, (Q(content_type=kind.content_type,
                           object_id__in=kind.visible(user).values("pk")) for kind in kinds))
    title = Case(*(When(content_type=kind.content_type, then=Subquery(
        kind.model._default_manager.filter(pk=OuterRef("object_id"))
        .values(kind.title_field)[:1])) for kind in kinds), output_field=CharField())
    items = Comment.objects.filter(scope, deleted_at__isnull=True, hidden_at__isnull=True)
    if since is not None:
        items = items.filter(created_at__gt=since)
    rows = (items.order_by("-created_at", "-pk").annotate(target_title=title)
            .values("pk", "created_at", "content_type_id", "object_id", "target_title",
                    "administration__name", "author_id")[:limit])
    return [Change(when=row["created_at"], kind="comments", kind_label=_("Neuer Kommentar"),
                   object_key=f"comments.comment:{row['pk']}",
                   title=_("Kommentar zu „%(title)s“") % {"title": row["target_title"] or ""},
                   url=reverse("comments:comment", args=[row["pk"]]),
                   administration=row["administration__name"] or "", public=False,
                   targets=(_target_key(row),), by=row["author_id"])
            for row in rows]


def _target_key(row) -> str:
    kind = commentable_for_content_type(row["content_type_id"])
    return f"{kind.key}:{row['object_id']}" if kind else ""


def register() -> None:
    """Called once from CommentsConfig.ready()."""
    change_source_register("comments", comments_new_changes)
