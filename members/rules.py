"""Permission predicates of the members app (django-rules); the one place for role checks."""

import rules

from .enums import Role


@rules.predicate
def is_member_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_member_staff)


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


@rules.predicate
def is_editor_of(user, administration) -> bool:
    return bool(user.is_authenticated and user.is_editor_of(administration))


@rules.predicate
def belongs_to(user, administration) -> bool:
    """Active staff of that administration (any role)."""
    return bool(user.is_authenticated and user.is_active and administration is not None
                and user.administration_id == administration.pk)


def invitable_roles(user, administration) -> list[str]:
    """Roles this user may hand out for that administration (empty: may not invite)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_coordinator:
        return list(Role.values)
    if user.is_editor_of(administration):
        return [Role.READER, Role.EDITOR]
    return []


@rules.predicate
def may_invite_to(user, administration) -> bool:
    return bool(invitable_roles(user, administration))


@rules.predicate
def may_manage_invitation(user, invitation) -> bool:
    return invitation.role in invitable_roles(user, invitation.administration)


rules.add_perm("members.view_internal", is_member_staff)
rules.add_perm("members.change_administration", is_editor_of)
rules.add_perm("members.change_administration_core", is_coordinator)
rules.add_perm("members.manage_network", is_coordinator)
# Names, e-mail addresses and roles of an administration's accounts: its own staff and the
# coordination office (and admins), not the staff of other members.
rules.add_perm("members.view_staff", belongs_to | is_coordinator)
rules.add_perm("members.invite_staff", may_invite_to)
rules.add_perm("members.manage_invitation", may_manage_invitation)
rules.add_perm("members.manage_accounts", is_coordinator)
