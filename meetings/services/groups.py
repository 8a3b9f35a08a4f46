"""Working groups: only coordinators create and change them."""

from collections.abc import Iterable

from django.db import transaction

from common.permissions import permission_check
from common.slugs import slug_save
from members.models import Administration, User

from ..models import WorkingGroup


def working_group_save(*, group: WorkingGroup, fields: dict, members: Iterable[Administration],
                       by: User) -> WorkingGroup:
    """Create or change a working group and replace its member administrations; without a
    short address one is made from the name."""
    if group.pk is None:
        permission_check(by, "meetings.add_workinggroup")
    else:
        permission_check(by, "meetings.change_workinggroup", group)
    for name, value in fields.items():
        setattr(group, name, value)
    # The slug is checked by slug_save, which also holds against a concurrent save.
    group.full_clean(exclude=["slug"])
    with transaction.atomic():
        slug_save(group, source=group.name, fallback="arbeitsgruppe")
        group.members.set(members)
    return group
