"""What the results add to the recent changes (common.changes): Rundfragen whose answering
ended (closed early, or the deadline day is over), with their results as the news.

The dashboard keeps "Letzte Änderungen" per role (kreishaus.views), so the scope here
depends on the role only, never on the person's administration:

* coordinators: every Rundfrage, linked to its results;
* member staff: those not hidden whose results all members see, linked to the results;
* visitors: only those with a published summary, linked to the public summary page.

Targets: the poll itself and its topics, so that followers of either are notified.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Case, DateTimeField, F, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Least
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.changes import Change, change_source_register
from members.rules import is_coordinator, is_member_staff

from ..models import Poll, ResultsVisibility


def _ended_at_expression():
    """When answering ended: the early close, else the end of the deadline day (the first
    moment of the next day, local time, daylight saving included)."""
    deadline_end = RawSQL('(("polls_poll"."deadline" + 1)::timestamp AT TIME ZONE %s)',
                          [timezone.get_current_timezone_name()],
                          output_field=DateTimeField())
    return Case(When(closed_at__isnull=False, then=Least(F("closed_at"), deadline_end)),
                default=deadline_end, output_field=DateTimeField())


def polls_ended(user):
    """The Rundfragen whose answering ended, as far as this role sees their results."""
    polls = Poll.objects.all()
    if is_coordinator(user):
        return polls
    if is_member_staff(user):
        return polls.filter(hidden_at__isnull=True,
                            results_visibility=ResultsVisibility.MEMBERS)
    return polls.filter(hidden_at__isnull=True, summary_public=True).exclude(summary="")


def poll_results_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Rundfragen ended lately, newest first (one query, plus one for their topics)."""
    now = timezone.now()
    polls = polls_ended(user).annotate(ended_at=_ended_at_expression()).filter(
        ended_at__lte=now)
    if since is not None:
        polls = polls.filter(ended_at__gt=since)
    polls = list(polls.select_related("administration").prefetch_related("topics")
                 .order_by("-ended_at", "-pk")[:limit])
    staff = is_member_staff(user)
    changes = []
    for poll in polls:
        url = (reverse("polls_results:results", args=[poll.pk]) if staff
               else reverse("polls_results:summary", args=[poll.pk]))
        targets = (f"polls.poll:{poll.pk}",
                   *(f"projects.topic:{topic.pk}" for topic in poll.topics.all()))
        changes.append(Change(
            when=poll.ended_at, kind="poll_results", kind_label=_("Ergebnisse einer Rundfrage"),
            object_key=f"polls.poll:{poll.pk}:results", title=poll.title, url=url,
            administration=poll.administration.name if poll.administration else "",
            public=poll.summary_public and bool(poll.summary), targets=targets))
    return changes


def register() -> None:
    change_source_register("poll_results", poll_results_changes)
