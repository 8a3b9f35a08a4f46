"""Reads about Rundfragen shared by the asking, answering and results pages."""

from datetime import datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from members.models import Administration

from .models import Audience, Poll


def audience_administrations(poll: Poll) -> QuerySet[Administration]:
    """The administrations asked: current members matching the poll's audience."""
    members = Administration.objects.current()
    if poll.audience == Audience.KINDS:
        return members.filter(kind__in=poll.audience_kinds)
    if poll.audience == Audience.GROUPS:
        return members.filter(working_groups__in=poll.audience_groups.all()).distinct()
    if poll.audience == Audience.CHOSEN:
        return members.filter(pk__in=poll.audience_administrations.all())
    return members


def in_audience(poll: Poll, administration: Administration | None) -> bool:
    if administration is None:
        return False
    return audience_administrations(poll).filter(pk=administration.pk).exists()


def deadline_passed_at(poll: Poll) -> datetime:
    """Answers are taken until the end of the deadline day (local time)."""
    end_of_day = datetime.combine(poll.deadline, time.max)
    return timezone.make_aware(end_of_day, timezone.get_current_timezone())


def is_open(poll: Poll, now: datetime | None = None) -> bool:
    """Open for answers: not closed early and the deadline day not over."""
    now = now or timezone.now()
    return poll.closed_at is None and now <= deadline_passed_at(poll)


def polls_listed_for(user) -> QuerySet[Poll]:
    """The Rundfragen a person sees in lists and search: member staff see every one that is
    not hidden, the asker (its author and the asking administration's editors) and the
    coordination office also hidden ones; visitors none (their only view is a published
    summary). The same rule as polls.rules.is_visible, as a queryset."""
    from members.enums import Role
    from members.rules import is_coordinator, is_member_staff

    if is_coordinator(user):
        return Poll.objects.all()
    if not is_member_staff(user):
        return Poll.objects.none()
    visible = Q(hidden_at__isnull=True) | Q(author_id=user.pk)
    if user.role == Role.EDITOR and user.administration_id is not None:
        visible |= Q(administration_id=user.administration_id)
    return Poll.objects.filter(visible)

