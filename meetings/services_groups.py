"""Write functions for working groups: only coordinators create and change them."""

from collections.abc import Iterable

from django.db import transaction

from members.models import Administration, User

from .models import WorkingGroup
from .services import _require_coordinator


def working_group_save(*, group: WorkingGroup, fields: dict, members: Iterable[Administration],
                       by: User) -> WorkingGroup:
    """Create or change a working group and replace its member administrations."""
    _require_coordinator(by)
    for name, value in fields.items():
        setattr(group, name, value)
    group.full_clean()
    with transaction.atomic():
        group.save()
        group.members.set(members)
    return group
