"""Rundfragen can be commented on (comments.registry): member staff who may open a
Rundfrage read and write its comments."""

from django.urls import reverse

from comments.registry import commentable_register

from .rules import is_visible
from .selectors import polls_listed_for


def register() -> None:
    """Called once from PollsConfig.ready()."""
    commentable_register(
        "polls.Poll",
        visible_to=lambda user, poll: bool(is_visible(user, poll)),
        visible=polls_listed_for,
        url=lambda poll: reverse("polls:detail", args=[poll.pk]))
