"""What Rundfragen add to notifications: a Rundfrage can be followed (its results, its
comments); its author and the people who worked on an answer follow it by default; and the
editors of the administrations asked are told at once that a question came in (a personal
notice, which they may switch off)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.reminders import ReminderKind, reminder_kinds_register
from members.enums import Role
from members.models import User
from members.rules import is_editor
from notifications.registry import (
    DefaultFollow,
    default_follow_register,
    followable_register,
    model_followable,
)
from notifications.services import notify_personal

from .models import Answer, Poll
from .selectors import audience_administrations, polls_listed_for

ASKED = ReminderKind(
    "poll_asked", gettext_lazy("Neue Rundfragen an Ihre Verwaltung"),
    gettext_lazy("Eine E-Mail, sobald eine Rundfrage Ihre Verwaltung fragt."),
    offered_to=is_editor)


def _followers(pks: list[int]):
    authors = Poll.objects.filter(pk__in=pks, author__isnull=False).values_list(
        "pk", "author_id")
    workers = Answer.objects.filter(poll_id__in=pks).filter(
        Q(created_by__isnull=False) | Q(updated_by__isnull=False)).values_list(
        "poll_id", "created_by_id", "updated_by_id")
    pairs = set(authors)
    for poll_id, created_by, updated_by in workers:
        pairs.update((poll_id, user_id) for user_id in (created_by, updated_by) if user_id)
    return pairs


def _followed_by(user):
    return Poll.objects.filter(
        Q(author=user) | Q(answers__created_by=user) | Q(answers__updated_by=user)
    ).values_list("pk", flat=True).distinct()


def poll_asked_notify(poll: Poll) -> int:
    """Tell the editors of the administrations asked (not the asker) that a Rundfrage came
    in; once per Rundfrage."""
    editors = User.objects.filter(
        administration__in=audience_administrations(poll), role=Role.EDITOR,
        is_active=True).exclude(pk=poll.author_id)
    return notify_personal(
        editors, kind=ASKED.value, key=f"polls.poll:{poll.pk}:asked",
        title=_("Neue Rundfrage an Ihre Verwaltung: %(title)s (Antworten bis %(date)s)") % {
            "title": poll.title, "date": poll.deadline.strftime("%d.%m.%Y")},
        url=reverse("polls:detail", args=[poll.pk]))


def register() -> None:
    """Called once from PollsConfig.ready()."""
    reminder_kinds_register(ASKED)
    followable_register(model_followable(
        Poll, gettext_lazy("Rundfrage"), queryset_for=polls_listed_for,
        url=lambda poll: reverse("polls:detail", args=[poll.pk])))
    default_follow_register(DefaultFollow("polls.poll", followers=_followers,
                                          followed_by=_followed_by))
