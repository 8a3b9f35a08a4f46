"""What comments hold about a person (registered with common.personal_data in
CommentsConfig.ready()).

Comments stay on removal, like articles: they are part of a conversation the network
relies on, and name the person by the pseudonym their account gets (members.personal_data).
Whoever wants a comment gone deletes it themselves before (its text is then removed).
"""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register

from .models import Comment
from .registry import commentable_for_content_type


def collect(user) -> dict:
    comments = list(Comment.objects.filter(author=user).order_by("created_at", "pk"))
    return {_("Kommentare, die Sie geschrieben haben"): [
        {_("Kommentar zu"): title, _("Geschrieben am"): iso(comment.created_at),
         _("Bearbeitet am"): iso(comment.edited_at), _("Gelöscht am"): iso(comment.deleted_at),
         _("Text"): comment.body}
        for comment, title in zip(comments, _titles(comments), strict=True)]}


def _titles(comments: list[Comment]) -> list[str]:
    """The title of each commented thing, one query per kind."""
    wanted = defaultdict(set)
    for comment in comments:
        wanted[comment.content_type_id].add(comment.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        kind = commentable_for_content_type(content_type_id)
        if kind is not None:
            for pk, obj in kind.model._default_manager.in_bulk(ids).items():
                found[content_type_id, pk] = kind.title(obj)
    return [found.get((comment.content_type_id, comment.object_id), comment.target_key)
            for comment in comments]


def erase(user) -> None:
    """Nothing to erase here: see the module docstring."""


def register() -> None:
    """Called once from CommentsConfig.ready()."""
    personal_data_register("comments", label=gettext_lazy("Kommentare"), collect=collect,
                           erase=erase, order=45)
