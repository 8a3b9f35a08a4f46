"""Reads of feedback messages: the coordination office's list, the summary on its
dashboard, and the messages of one person (for "Meine Daten")."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..enums import OPEN_STATES, FeedbackState
from ..models import Feedback

# The list's filter (?status=): open first, as the deadline matters for those.
FILTERS = {"offen": OPEN_STATES, "beantwortet": (FeedbackState.ANSWERED,),
           "alle": tuple(FeedbackState.values)}
DASHBOARD_LIMIT = 5


def feedback_listed(status: str) -> QuerySet[Feedback]:
    """The messages of one filter (unknown: "offen"): open ones by deadline, answered
    ones newest first."""
    states = FILTERS.get(status, OPEN_STATES)
    rows = Feedback.objects.filter(state__in=states).select_related("handled_by", "user")
    if status == "beantwortet":
        return rows.order_by("-answered_at", "-pk")
    return rows.order_by("answer_due", "pk")


@dataclass(frozen=True)
class FeedbackSummary:
    open: int
    overdue: int
    nearest: list[Feedback]


def feedback_open_summary(today: date | None = None) -> FeedbackSummary:
    """How many messages are unanswered, how many of them past their deadline, and the
    ones due first (two queries)."""
    today = today or timezone.localdate()
    counts = Feedback.objects.filter(state__in=OPEN_STATES).aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(answer_due__lt=today)))
    nearest = list(Feedback.objects.filter(state__in=OPEN_STATES)
                   .order_by("answer_due", "pk")[:DASHBOARD_LIMIT])
    return FeedbackSummary(open=counts["open"], overdue=counts["overdue"], nearest=nearest)


def feedback_of_person(user) -> QuerySet[Feedback]:
    """The messages a person sent: while logged in, or with their account's address."""
    query = Q(user=user)
    if user.email:
        query |= Q(email__iexact=user.email)
    return Feedback.objects.filter(query).order_by("created_at", "pk")
