"""Mentions reach the editors of the mentioned administrations (notifications): in the app
and by mail at once, unless they switched mentions off on the settings page."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.reminders import ReminderKind, reminder_kinds_register
from members.enums import Role
from members.models import User
from members.rules import is_editor
from notifications.services import notify_personal

from .models import Comment
from .signals import comment_edited, comment_posted

MENTION = ReminderKind(
    "mention", gettext_lazy("Erwähnungen in Kommentaren"),
    gettext_lazy("Eine E-Mail, sobald jemand Ihre Verwaltung in einem Kommentar erwähnt "
                 "(z. B. „@MYK“)."),
    offered_to=is_editor)


def _mentioned(sender, comment: Comment, mentioned_administrations, **kwargs) -> None:
    if not mentioned_administrations:
        return
    editors = User.objects.filter(administration__in=mentioned_administrations,
                                  role=Role.EDITOR, is_active=True).exclude(pk=comment.author_id)
    author = comment.author.get_full_name() if comment.author else _("Jemand")
    notify_personal(
        editors, kind=MENTION.value, key=f"comments.comment:{comment.pk}:mention",
        title=_("%(author)s hat Ihre Verwaltung in einem Kommentar erwähnt") % {
            "author": author},
        url=reverse("comments:comment", args=[comment.pk]))


def register() -> None:
    """Called once from CommentsConfig.ready()."""
    reminder_kinds_register(MENTION)
    comment_posted.connect(_mentioned, dispatch_uid="comments.notify.posted")
    comment_edited.connect(_mentioned, dispatch_uid="comments.notify.edited")
