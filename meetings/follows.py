"""What meetings adds to notifications: working groups can be followed, and the staff of
their member administrations follow them by default."""

from django.utils.translation import gettext_lazy as _

from members.models import User
from notifications.registry import (
    DefaultFollow,
    default_follow_register,
    followable_register,
    model_followable,
)

from .models import WorkingGroup


def _member_staff(pks: list[int]):
    return User.objects.filter(administration__working_groups__in=pks, is_active=True
                               ).values_list("administration__working_groups", "pk")


def _groups_of(user):
    if not user.administration_id:
        return []
    return WorkingGroup.objects.filter(members=user.administration_id).values_list(
        "pk", flat=True)


def register() -> None:
    """Called once from MeetingsConfig.ready()."""
    followable_register(model_followable(WorkingGroup, _("Arbeitsgruppe")))
    default_follow_register(DefaultFollow("meetings.workinggroup", followers=_member_staff,
                                          followed_by=_groups_of))
