"""Rights come from the rules; Django's model permissions only serve staff in the admin
(members.models.User.has_perm)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="meetings", codename=codename)


def test_a_model_permission_given_to_a_member_by_mistake_grants_nothing(client, reader):
    # "meetings.add_meeting" is Django's default permission and the coordinators' rule.
    reader.user_permissions.add(_permission("add_meeting"))
    group = Group.objects.create(name="versehentlich")
    group.permissions.add(_permission("change_meeting"))
    reader.groups.add(group)
    client.force_login(reader)

    assert not reader.has_perm("meetings.add_meeting")
    assert client.get(reverse("meetings:create")).status_code == 403


def test_the_rules_still_decide_for_members(coordinator, reader):
    assert coordinator.has_perm("meetings.add_meeting")
    assert not reader.has_perm("meetings.add_meeting")
    assert reader.has_perm("meetings.take_part")


def test_staff_keep_their_model_permissions_for_the_admin(admin_user, reader):
    reader.is_staff = True
    reader.save()
    reader.user_permissions.add(_permission("view_meeting"))
    assert reader.has_perm("meetings.view_meeting")
    assert admin_user.has_perm("meetings.delete_meeting")  # superuser


def test_a_member_page_reads_no_permission_tables(client, reader):
    client.force_login(reader)
    client.get(reverse("meetings:index"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("meetings:index")).status_code == 200
    assert not [query for query in queries.captured_queries
                if "auth_permission" in query["sql"]]
