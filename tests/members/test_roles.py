"""Role helpers and the permission predicates built on them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from members.rules import (
    belongs_to,
    invitable_roles,
    is_coordinator,
    is_editor,
    is_editor_of,
    is_member_staff,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_reader_is_member_staff_but_edits_nothing(reader, administration):
    assert reader.is_member_staff is True
    assert reader.is_coordinator is False
    assert reader.is_editor_of(administration) is False
    assert reader.has_perm("members.view_internal") is True
    assert reader.has_perm("members.change_administration", administration) is False


def test_editor_edits_own_administration_only(editor, administration, other_administration):
    assert editor.is_editor_of(administration) is True
    assert editor.is_editor_of(other_administration) is False
    assert editor.has_perm("members.change_administration", administration) is True
    assert editor.has_perm("members.change_administration", other_administration) is False
    assert editor.has_perm("members.manage_network") is False


def test_coordinator_edits_every_administration(coordinator, other_administration):
    assert coordinator.is_coordinator is True
    assert coordinator.is_editor_of(other_administration) is True
    assert coordinator.has_perm("members.manage_network") is True


def test_superuser_without_administration_has_every_role(admin_user, other_administration):
    assert admin_user.is_member_staff is True
    assert admin_user.is_coordinator is True
    assert admin_user.is_editor_of(other_administration) is True


def test_deactivated_users_lose_every_role(administration):
    user = UserFactory(administration=administration, role="coordinator", is_active=False)

    assert user.is_member_staff is False
    assert user.is_coordinator is False
    assert user.is_editor_of(administration) is False


def test_visitor_has_no_permission(administration):
    visitor = AnonymousUser()

    assert visitor.has_perm("members.view_internal") is False
    assert visitor.has_perm("members.change_administration", administration) is False


def test_user_without_administration_is_not_member_staff():
    user = UserFactory(administration=None)

    assert user.is_member_staff is False
    assert user.has_perm("members.view_internal") is False


def test_predicates_answer_as_the_user_properties(reader, editor, coordinator, admin_user,
                                                  administration, other_administration):
    for user in (reader, editor, coordinator, admin_user):
        assert is_member_staff(user) is user.is_member_staff
        assert is_coordinator(user) is user.is_coordinator
        for target in (administration, other_administration, None):
            assert is_editor_of(user, target) is user.is_editor_of(target)


def test_belongs_to_is_own_administration_in_any_role(reader, coordinator, administration,
                                                      other_administration):
    assert belongs_to(reader, administration) is True
    assert belongs_to(reader, other_administration) is False
    assert belongs_to(coordinator, other_administration) is False
    assert reader.has_perm("members.view_staff", other_administration) is False
    assert coordinator.has_perm("members.view_staff", other_administration) is True


def test_is_editor_means_redaktion_somewhere_or_coordination(reader, editor, coordinator,
                                                             admin_user):
    assert [is_editor(user) for user in (AnonymousUser(), reader, editor, coordinator,
                                         admin_user)] == [False, False, True, True, True]


def test_invitable_roles_per_role(reader, editor, other_editor, coordinator, administration):
    assert invitable_roles(reader, administration) == []
    assert invitable_roles(other_editor, administration) == []
    assert invitable_roles(editor, administration) == ["reader", "editor"]
    assert invitable_roles(coordinator, administration) == ["reader", "editor", "coordinator"]


def test_coordinator_may_not_deactivate_own_account(coordinator, reader):
    assert coordinator.has_perm("members.change_account_active", reader) is True
    assert coordinator.has_perm("members.change_account_active", coordinator) is False
    assert reader.has_perm("members.change_account_active", reader) is False
