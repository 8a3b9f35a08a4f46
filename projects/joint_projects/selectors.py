"""Read functions for the joint project pages, shaped so the query count stays constant."""

from datetime import date

import rules
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from meetings.models import Decision, WorkingGroup
from members.models import Administration

from ..models import JointProject, Milestone, ProjectDocument

# The decision picker lists at most this many when no working group narrows it down.
DECISION_CHOICES_LIMIT = 200


def joint_projects_for_list(*, today: date | None = None) -> QuerySet[JointProject]:
    """All projects with lead, participant count and their next open milestone (or None)."""
    today = today or timezone.localdate()
    next_open = (Milestone.objects.filter(project=OuterRef("pk"), done=False)
                 .order_by("date", "pk"))
    return (
        JointProject.objects.select_related("lead")
        .annotate(participant_count=Count("participants", distinct=True),
                  next_milestone_date=Subquery(next_open.values("date")[:1]),
                  next_milestone_title=Subquery(next_open.values("title")[:1]))
        .annotate(next_milestone_overdue=ExpressionWrapper(
            Q(next_milestone_date__lt=today), output_field=BooleanField()))
        .order_by("title")
    )


def joint_project_detail(*, slug: str, user) -> QuerySet[JointProject]:
    """One project with participants, topics, milestones, and the decisions and documents
    linked to it that the user may see (project documents: member staff only; linked
    knowledge is a section of JOINT_PROJECT_PAGE, see projects.sections)."""
    internal = rules.has_perm("projects.view_project_internals", user)
    decisions = (Decision.objects.visible_to(user).select_related("meeting")
                 .order_by("meeting__starts_at", "order", "pk"))
    return (
        JointProject.objects.filter(slug=slug)
        .select_related("lead", "working_group")
        .prefetch_related(
            Prefetch("participants", queryset=Administration.objects.order_by("name"),
                     to_attr="participant_list"),
            Prefetch("topics", to_attr="topic_list"),
            Prefetch("milestones", queryset=Milestone.objects.order_by("date", "pk"),
                     to_attr="milestone_list"),
            Prefetch("decisions", queryset=decisions, to_attr="decision_list"),
            Prefetch("documents", queryset=ProjectDocument.objects.all() if internal
                     else ProjectDocument.objects.none(), to_attr="document_list"),
        )
    )


def decisions_for_linking(*, working_group: WorkingGroup | int | None,
                          project: JointProject | None = None) -> QuerySet[Decision]:
    """Decisions a project may link, newest first: those of the group's meetings, or without
    a group the newest ones; decisions the project already links always stay in the list."""
    if working_group:
        offered = Q(meeting__working_group=working_group)
    else:
        newest = (Decision.objects.order_by("-meeting__starts_at", "-order", "-pk")
                  .values("pk")[:DECISION_CHOICES_LIMIT])
        offered = Q(pk__in=newest)
    if project is not None and project.pk:
        offered |= Q(pk__in=project.decisions.values("pk"))
    return (Decision.objects.filter(offered).select_related("meeting")
            .order_by("-meeting__starts_at", "order", "pk"))
