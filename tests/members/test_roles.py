"""Role helpers and the permission predicates built on them."""

import pytest

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
    from django.contrib.auth.models import AnonymousUser

    visitor = AnonymousUser()

    assert visitor.has_perm("members.view_internal") is False
    assert visitor.has_perm("members.change_administration", administration) is False


def test_user_without_administration_is_not_member_staff():
    user = UserFactory(administration=None)

    assert user.is_member_staff is False
    assert user.has_perm("members.view_internal") is False
