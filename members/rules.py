"""Permission predicates of the members app (django-rules); the one place for role checks."""

import rules


@rules.predicate
def is_member_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_member_staff)


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


@rules.predicate
def is_editor_of(user, administration) -> bool:
    return bool(user.is_authenticated and user.is_editor_of(administration))


rules.add_perm("members.view_internal", is_member_staff)
rules.add_perm("members.change_administration", is_editor_of)
rules.add_perm("members.manage_network", is_coordinator)
