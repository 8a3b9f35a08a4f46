"""Write functions for joint projects, their milestones and documents.

Coordinators create and change every project. Editors of the lead administration run their
project: they change its content, participants and milestones, but not who leads it, because
handing a project to another administration is a decision of the network (the rules
projects.add_joint_project, change_joint_project and change_joint_project_lead).
"""

from collections.abc import Iterable

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from common.permissions import permission_check
from common.phrases import END_BEFORE_START
from common.slugs import slug_save
from meetings.models import Decision
from members.models import Administration, User
from notifications.services import notifications_dispatch_after_commit

from ..models import JointProject, Milestone, ProjectDocument, Topic


def _check_dates(start, end) -> None:
    if start and end and end < start:
        raise ValidationError({"end": END_BEFORE_START})


def _require_editable(by: User, project: JointProject) -> None:
    permission_check(by, "projects.change_joint_project", project)


def joint_project_save(*, project: JointProject, fields: dict, by: User,
                       participants: Iterable[Administration], topics: Iterable[Topic],
                       decisions: Iterable[Decision]) -> JointProject:
    """Create or change a project and replace its participants, topics and decisions;
    without a short address one is made from the title."""
    created = project.pk is None
    if created:
        permission_check(by, "projects.add_joint_project")
    else:
        # Forms change the instance while validating; the rights follow the stored lead.
        saved = JointProject.objects.select_related("lead").get(pk=project.pk)
        _require_editable(by, saved)
        lead = fields.get("lead", project.lead)
        if lead.pk != saved.lead_id and not rules.has_perm("projects.change_joint_project_lead",
                                                           by):
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
        if created:
            notifications_dispatch_after_commit()
    return project


def milestone_save(*, milestone: Milestone, fields: dict, by: User) -> Milestone:
    """Create or change a milestone of a project the user may edit."""
    _require_editable(by, milestone.project)
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    return milestone


def milestone_set_done(*, milestone: Milestone, done: bool, by: User) -> Milestone:
    """Mark a milestone as reached or open again; setting the same state twice is harmless."""
    _require_editable(by, milestone.project)
    milestone.done = done
    milestone.save(update_fields=["done"])
    return milestone


def project_document_add(*, project: JointProject, title: str, file, by: User) -> ProjectDocument:
    """Coordinators and the lead's editors add documents to a project."""
    _require_editable(by, project)
    return ProjectDocument.objects.create(project=project, title=title, file=file,
                                          uploaded_by=by)
