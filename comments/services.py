"""Writing comments: post, correct, delete, hide and show again. Each checks its rule
(comments.rules) on the row locked in its transaction, so two requests at once (a delete
and a late edit, two coordinators hiding) cannot both act on a stale state."""

import rules
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.permissions import permission_check

from .mentions import mentions_find
from .models import Comment
from .signals import comment_edited, comment_posted

EDIT_EXPIRED = _("Diesen Kommentar können Sie nicht mehr bearbeiten: Kommentare lassen sich "
                 "nur in den ersten 15 Minuten nach dem Schreiben ändern.")


class CommentEditExpired(ValidationError):
    """The author's editing time is over (or the comment was deleted or hidden meanwhile)."""


def comment_post(*, user, target: Model, body: str) -> Comment:
    """Write a comment on `target` as `user` (for their administration), link the
    administrations it mentions and announce it (signals.comment_posted)."""
    permission_check(user, "comments.add_comment", target)
    with transaction.atomic():
        comment = Comment.objects.create(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk,
            author=user, administration_id=user.administration_id, body=body)
        mentioned = mentions_find(body)
        comment.mentions.set(mentioned)
        comment_posted.send(sender=Comment, comment=comment,
                            mentioned_administrations=mentioned)
    return comment


def _locked(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment.pk)


def comment_edit(*, user, comment: Comment, body: str) -> Comment:
    """Correct one's own comment within the editing time; newly mentioned administrations
    are announced (signals.comment_edited). Raises CommentEditExpired when it is too late."""
    with transaction.atomic():
        comment = _locked(comment)
        if not rules.has_perm("comments.change_comment", user, comment):
            if rules.test_rule("comments.delete_comment", user, comment):
                raise CommentEditExpired(EDIT_EXPIRED, code="edit_expired")
            permission_check(user, "comments.change_comment", comment)
        before = set(comment.mentions.values_list("pk", flat=True))
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])
        mentioned = mentions_find(body)
        comment.mentions.set(mentioned)
        comment_edited.send(sender=Comment, comment=comment, mentioned_administrations=[
            administration for administration in mentioned if administration.pk not in before])
    return comment


def comment_delete(*, user, comment: Comment) -> Comment:
    """Delete one's own comment: its place in the conversation stays as "Kommentar
    gelöscht", its text and mentions are gone."""
    with transaction.atomic():
        comment = _locked(comment)
        permission_check(user, "comments.delete_comment", comment)
        comment.deleted_at = timezone.now()
        comment.body = ""
        comment.save(update_fields=["deleted_at", "body"])
        comment.mentions.clear()
    return comment


def comment_hide(*, user, comment: Comment, reason: str) -> Comment:
    """The coordination office hides a comment; members see that it was hidden and why."""
    with transaction.atomic():
        comment = _locked(comment)
        permission_check(user, "comments.hide_comment", comment)
        comment.hidden_at = timezone.now()
        comment.hidden_by = user
        comment.hidden_reason = reason
        comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment


def comment_unhide(*, user, comment: Comment) -> Comment:
    """Show a hidden comment again."""
    with transaction.atomic():
        comment = _locked(comment)
        permission_check(user, "comments.unhide_comment", comment)
        comment.hidden_at = None
        comment.hidden_by = None
        comment.hidden_reason = ""
        comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment
