"""Who may do what with comments (django-rules): every predicate of the app.

Comments are for member staff only: visitors never see them or the form. Member staff read
and write comments on every registered thing whose page they may open (the thing's own
rule, comments.registry). Authors correct their own comment within 15 minutes
(models.EDIT_WINDOW) and delete it (it stays as "Kommentar gelöscht"); the coordination
office moderates: it hides a comment with a reason and shows it again.

All of them depend on the comment's state, so they are registered as permissions (views,
services) and as rules (`{% test_rule %}` in templates; Django's has_perm is always true
for superusers and would offer to edit any comment).
"""

import rules
from django.utils import timezone

from members.rules import is_coordinator, is_member_staff

from .registry import commentable_for


@rules.predicate
def may_open_target(user, target) -> bool:
    """The thing can be commented on and the person may open its page."""
    kind = commentable_for(target)
    return bool(kind is not None and kind.visible_to(user, target))


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return bool(comment is not None and comment.author_id is not None
                and comment.author_id == user.pk)


@rules.predicate
def is_deleted(user, comment) -> bool:
    return bool(comment is not None and comment.deleted_at is not None)


@rules.predicate
def is_hidden(user, comment) -> bool:
    return bool(comment is not None and comment.hidden_at is not None)


@rules.predicate
def within_edit_window(user, comment) -> bool:
    return bool(comment is not None and timezone.now() <= comment.editable_until())


PERMISSIONS = {
    # object: the commented thing
    "comments.view_comments": is_member_staff & may_open_target,
    "comments.add_comment": is_member_staff & may_open_target,
    # object: the comment
    "comments.change_comment": (is_member_staff & is_comment_author & ~is_deleted
                                & ~is_hidden & within_edit_window),
    "comments.delete_comment": is_member_staff & is_comment_author & ~is_deleted,
    "comments.hide_comment": is_coordinator & ~is_deleted & ~is_hidden,
    "comments.unhide_comment": is_coordinator & ~is_deleted & is_hidden,
    # Coordinators read what they hid, to decide whether to show it again.
    "comments.view_hidden_comment": is_coordinator,
}
for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
    rules.add_rule(_name, _predicate)
# Declared by the editing page, whose state (editing time over) is answered with a message.
rules.add_perm("comments.edit_own_comment", is_member_staff & is_comment_author & ~is_deleted)
