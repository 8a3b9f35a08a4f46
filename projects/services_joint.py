"""Write functions for joint projects and their milestones.

Coordinators create and change every project. Editors of the lead administration run their
project: they change its content, participants and milestones, but not who leads it, because
handing a project to another administration is a decision of the network.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from common.phrases import END_BEFORE_START
from common.slugs import slug_save
from meetings.models import Decision
from members.models import Administration, User

from .models import JointProject, Milestone, ProjectDocument, Topic


def joint_project_may_create(user: User) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


def joint_project_may_edit(user: User, project: JointProject) -> bool:
    """Coordinators and admins, and editors of the lead administration."""
    return bool(user.is_authenticated and user.is_editor_of(project.lead))


def joint_project_may_change_lead(user: User) -> bool:
    return joint_project_may_create(user)


def _check_dates(start, end) -> None:
    if start and end and end < start:
        raise ValidationError({"end": END_BEFORE_START})


def joint_project_save(*, project: JointProject, fields: dict, by: User,
                       participants: Iterable[Administration], topics: Iterable[Topic],
                       decisions: Iterable[Decision]) -> JointProject:
    """Create or change a project and replace its participants, topics and decisions;
    without a short address one is made from the title."""
    if project.pk is None:
        if not joint_project_may_create(by):
            raise PermissionDenied
    else:
        # Forms change the instance while validating; the rights follow the stored lead.
        saved = JointProject.objects.select_related("lead").get(pk=project.pk)
        if not joint_project_may_edit(by, saved):
            raise PermissionDenied
        lead = fields.get("lead", project.lead)
        if lead.pk != saved.lead_id and not joint_project_may_change_lead(by):
            raise PermissionDenied
    for name, value in fields.items():
        setattr(project, name, value)
    _check_dates(project.start, project.end)
    # The slug is checked by slug_save, which also holds against a concurrent save.
    project.full_clean(exclude=["slug"])
    with transaction.atomic():
        slug_save(project, source=project.title, fallback="projekt")
        project.participants.set(participants)
        project.topics.set(topics)
        project.decisions.set(decisions)
    return project


def milestone_save(*, milestone: Milestone, fields: dict, by: User) -> Milestone:
    """Create or change a milestone of a project the user may edit."""
    if not joint_project_may_edit(by, milestone.project):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    return milestone


def milestone_set_done(*, milestone: Milestone, done: bool, by: User) -> Milestone:
    """Mark a milestone as reached or open again; setting the same state twice is harmless."""
    if not joint_project_may_edit(by, milestone.project):
        raise PermissionDenied
    milestone.done = done
    milestone.save(update_fields=["done"])
    return milestone


def project_document_add(*, project: JointProject, title: str, file, by: User) -> ProjectDocument:
    """Coordinators and the lead's editors add documents to a project."""
    if not joint_project_may_edit(by, project):
        raise PermissionDenied
    return ProjectDocument.objects.create(project=project, title=title, file=file,
                                          uploaded_by=by)
