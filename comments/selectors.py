"""Reading comments: the comments of one page (a constant number of queries however many
there are) and the comment or commented thing an address names, for whoever may see it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404

from common.params import int_param
from members.models import Administration

from .models import Comment
from .registry import Commentable, commentable_by_key, commentable_for_content_type


def comments_for(target: Model) -> QuerySet[Comment]:
    """The comments on `target`, oldest first, with author, administration, moderator and
    mentioned administrations (two queries)."""
    return (Comment.objects
            .filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
            .select_related("author", "administration", "hidden_by")
            .prefetch_related(Prefetch(
                "mentions", queryset=Administration.objects.only("pk", "name", "short_name",
                                                                 "slug")))
            .order_by("created_at", "pk"))


def target_for(user, kind_key: str, pk) -> tuple[Commentable, Model]:
    """The commentable thing of an address ("knowledge.article", 12) if the person may open
    it; 404 otherwise (an unknown kind, a missing or an invisible thing alike)."""
    kind = commentable_by_key(kind_key)
    number = int_param(pk, minimum=1)
    if kind is None or number is None:
        raise Http404
    target = kind.model._default_manager.filter(pk=number).first()
    if target is None or not kind.visible_to(user, target):
        raise Http404
    return kind, target


def comment_for(user, pk) -> tuple[Comment, Commentable, Model]:
    """The comment of an address with its commented thing, if the person may open that
    thing; 404 otherwise."""
    number = int_param(pk, minimum=1)
    comment = (Comment.objects.select_related("author", "administration")
               .filter(pk=number).first() if number is not None else None)
    if comment is None:
        raise Http404
    kind = commentable_for_content_type(comment.content_type_id)
    if kind is None:
        raise Http404
    target = kind.model._default_manager.filter(pk=comment.object_id).first()
    if target is None or not kind.visible_to(user, target):
        raise Http404
    return comment, kind, target
