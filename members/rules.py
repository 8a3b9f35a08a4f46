"""Roles and permissions of the members app (django-rules): the one place for role logic.

Roles: every active person of a member administration is *member staff* and reads the
internal pages; the *Redaktion* (editor) of an administration edits its facts, Steckbrief
and contacts and invites readers and editors; the *Koordinierungsstelle* (coordinator) and
superusers edit every administration, change core facts, manage accounts and run the
network. A deactivated account has no role at all.

The other apps build their rules on these predicates (`is_member_staff`, `is_coordinator`,
`is_editor_of`, `belongs_to`, …) instead of looking at `User.role`; the properties of the
User model (`user.is_coordinator`, …) ask the same predicates. Views declare the
permissions below (common.permissions), templates ask them with
`{% load rules %}{% has_perm "members.change_administration" user administration as … %}`,
and the services check them again.
"""

import rules

from .enums import Role


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


@rules.predicate
def is_member_staff(user) -> bool:
    """Active person of a member administration, or a superuser."""
    return _active(user) and (user.is_superuser or user.administration_id is not None)


@rules.predicate
def is_coordinator(user) -> bool:
    """The coordination office (Koordinierungsstelle); superusers count as coordinators."""
    return _active(user) and (user.is_superuser or user.role == Role.COORDINATOR)


@rules.predicate
def is_editor(user) -> bool:
    """Redaktion of some administration, or the coordination office."""
    return is_coordinator(user) or (
        _active(user) and user.administration_id is not None and user.role == Role.EDITOR)


@rules.predicate
def is_editor_of(user, administration) -> bool:
    """Editors edit their own administration; coordinators and superusers edit every one."""
    if administration is None or not _active(user):
        return False
    if is_coordinator(user):
        return True
    return user.role == Role.EDITOR and user.administration_id == administration.pk


def editing_audience(user) -> str | None:
    """Whose data this person may edit, for parts of pages cached per audience
    (`{% cached_part %}`): "alle" for coordinators and superusers, "" for nobody's; None
    for an editor, whose pages differ by their own administration (rendered afresh)."""
    if is_coordinator(user):
        return "alle"
    if _active(user) and user.role == Role.EDITOR:
        return None
    return ""


@rules.predicate
def belongs_to(user, administration) -> bool:
    """Active staff of that administration (any role)."""
    return (_active(user) and administration is not None
            and user.administration_id == administration.pk)


@rules.predicate
def is_self(user, person) -> bool:
    return _active(user) and person is not None and user.pk == person.pk


@rules.predicate
def is_active_person(user) -> bool:
    """Anyone logged in with an active account (their own data, with or without an
    administration)."""
    return _active(user)


@rules.predicate
def removal_requested(user) -> bool:
    """The user asked for their account's removal, and it is not done yet."""
    return (getattr(user, "removal_requested_at", None) is not None
            and user.removed_at is None)


@rules.predicate
def removable(user, person) -> bool:
    """An account the coordination office may remove: not yet removed, and either asked
    for by its person or already deactivated (someone who left cannot ask any more)."""
    return (person is not None and person.removed_at is None
            and (person.removal_requested_at is not None or not person.is_active))


def invitable_roles(user, administration) -> list[str]:
    """Roles this user may hand out for that administration (empty: may not invite)."""
    if is_coordinator(user):
        return list(Role.values)
    if is_editor_of(user, administration):
        return [Role.READER, Role.EDITOR]
    return []


@rules.predicate
def may_invite_to(user, administration) -> bool:
    return bool(invitable_roles(user, administration))


@rules.predicate
def may_manage_invitation(user, invitation) -> bool:
    """Resend or revoke: whoever may hand out the invitation's role for its administration."""
    return invitation.role in invitable_roles(user, invitation.administration)


# Members area and the directory
rules.add_perm("members.view_internal", is_member_staff)
rules.add_perm("members.manage_network", is_coordinator)
# An administration's everyday facts, Steckbrief and contacts (object: the administration).
rules.add_perm("members.change_administration", is_editor_of)
# Its official and membership data (name, address on the site, regional key, parent,
# membership dates and number): the coordination office only.
rules.add_perm("members.change_administration_core", is_coordinator)
# Names, e-mail addresses and roles of an administration's accounts: its own staff and the
# coordination office (and superusers), not the staff of other members.
rules.add_perm("members.view_staff", belongs_to | is_coordinator)
# Invitations (object: the administration, or the invitation).
rules.add_perm("members.invite_staff", may_invite_to)
rules.add_perm("members.manage_invitation", may_manage_invitation)
# Accounts (object: the person): role and activation by the coordination office, which
# cannot lock itself out.
rules.add_perm("members.manage_accounts", is_coordinator)
rules.add_perm("members.change_role", is_coordinator)
rules.add_perm("members.change_account_active", is_coordinator & ~is_self)

# Data rights (DSGVO Art. 15–17, 20): everyone logged in edits their own profile, reads
# and downloads their own data and asks for their account's removal (once; the request
# can be withdrawn until it is carried out). The coordination office sees the requests
# and removes an account asked for, or one it deactivated, never its own.
rules.add_perm("members.change_own_profile", is_active_person)
rules.add_perm("members.view_own_data", is_active_person)
rules.add_perm("members.view_removal_requests", is_coordinator)
# State rules: also as rules, for `{% test_rule %}` (has_perm is always true for superusers).
for _name, _rule in {
    "members.request_removal": is_active_person & ~removal_requested,
    "members.cancel_removal": is_active_person & removal_requested,
    "members.remove_account": is_coordinator & ~is_self & removable,
}.items():
    rules.add_perm(_name, _rule)
    rules.add_rule(_name, _rule)
# Contact persons (object: the contact's administration): its editors and the office.
rules.add_perm("members.remove_contact", is_editor_of)
