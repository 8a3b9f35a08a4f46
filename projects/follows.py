"""What projects adds to notifications: topics and joint projects can be followed; the
staff of a joint project's lead and participating administrations follow it by default."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import User
from notifications.registry import (
    DefaultFollow,
    default_follow_register,
    followable_register,
    model_followable,
)

from .models import JointProject, Topic


def _project_staff(pks: list[int]):
    pairs = set(User.objects.filter(administration__led_projects__in=pks, is_active=True)
                .values_list("administration__led_projects", "pk"))
    pairs.update(User.objects.filter(administration__joint_projects__in=pks, is_active=True)
                 .values_list("administration__joint_projects", "pk"))
    return pairs


def _projects_of(user):
    if not user.administration_id:
        return []
    return JointProject.objects.filter(
        Q(lead=user.administration_id) | Q(participants=user.administration_id)
    ).values_list("pk", flat=True).distinct()


def register() -> None:
    """Called once from ProjectsConfig.ready()."""
    followable_register(model_followable(Topic, _("Thema")))
    followable_register(model_followable(JointProject, _("Gemeinsames Projekt")))
    default_follow_register(DefaultFollow("projects.jointproject", followers=_project_staff,
                                          followed_by=_projects_of))
