"""The services of members check the permission rules themselves, whoever calls them (a
view, a command, another app): the refusal does not depend on the form."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from common.models import OutgoingMail
from members.models import Administration, ContactPerson, Invitation
from members.services.accounts import user_change_role, user_set_active
from members.services.administrations import (
    administration_update,
    contact_save,
    profile_answers_save,
)
from members.services.invitations import invitation_create, invitation_revoke
from members.services.removal import contact_remove

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fields", [
    {"name": "Kreis Umbenannt"},
    {"slug": "umbenannt"},
    {"regional_key": "07999"},
    {"member_until": date(2030, 12, 31)},
    {"membership_number": 99},
    {"short_name": "NEU", "name": "Kreis Umbenannt"},
], ids=lambda fields: "+".join(fields))
def test_editor_calling_the_service_with_core_fact_changes_is_refused(
        editor, administration, fields):
    before = Administration.objects.values().get(pk=administration.pk)

    with pytest.raises(PermissionDenied):
        administration_update(administration=administration, fields=fields, by=editor)

    assert Administration.objects.values().get(pk=administration.pk) == before


def test_editor_calling_the_service_with_another_parent_is_refused(
        editor, administration, other_administration):
    with pytest.raises(PermissionDenied):
        administration_update(administration=administration,
                              fields={"parent": other_administration}, by=editor)

    assert Administration.objects.get(pk=administration.pk).parent_id is None


def test_editor_may_pass_core_facts_unchanged_with_everyday_changes(editor, administration):
    administration_update(
        administration=administration,
        fields={"name": administration.name, "slug": administration.slug, "parent": None,
                "regional_key": administration.regional_key, "seat": "Koblenz"},
        by=editor)

    assert Administration.objects.get(pk=administration.pk).seat == "Koblenz"


def test_coordinator_changes_core_facts_through_the_service(coordinator, administration):
    administration_update(administration=administration,
                          fields={"name": "Kreis Umbenannt", "membership_number": 99},
                          by=coordinator)

    stored = Administration.objects.get(pk=administration.pk)
    assert (stored.name, stored.membership_number) == ("Kreis Umbenannt", 99)


def test_editor_of_another_administration_is_refused_everyday_changes(
        other_editor, administration):
    with pytest.raises(PermissionDenied):
        administration_update(administration=administration, fields={"seat": "Neuwied"},
                              by=other_editor)
    with pytest.raises(PermissionDenied):
        profile_answers_save(administration=administration, answers=[], by=other_editor)

    assert Administration.objects.get(pk=administration.pk).seat == ""


def test_reader_is_refused_contact_changes(reader, administration):
    contact = ContactPerson.objects.create(administration=administration, name="Anna Alt",
                                           function="it_leitung")

    with pytest.raises(PermissionDenied):
        contact_save(contact=ContactPerson(administration=administration),
                     fields={"name": "Bea Neu", "function": "pressestelle"}, by=reader)
    with pytest.raises(PermissionDenied):
        contact_remove(contact=contact, by=reader)

    assert list(ContactPerson.objects.values_list("name", flat=True)) == ["Anna Alt"]


def test_editor_is_refused_inviting_a_coordinator_and_nothing_is_queued(
        editor, administration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        invitation_create(email="koord@example.org", administration=administration,
                          role="coordinator", invited_by=editor)

    assert not Invitation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_editor_is_refused_inviting_to_another_administration(
        editor, other_administration):
    with pytest.raises(PermissionDenied):
        invitation_create(email="leser@example.org", administration=other_administration,
                          role="reader", invited_by=editor)

    assert not Invitation.objects.exists()


def test_editor_is_refused_revoking_a_coordinator_invitation(
        coordinator, editor, administration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(email="koord@example.org", administration=administration,
                                       role="coordinator", invited_by=coordinator)

    with pytest.raises(PermissionDenied):
        invitation_revoke(invitation=invitation, by=editor)

    assert Invitation.objects.get().revoked_at is None


def test_editor_is_refused_account_changes(editor, reader):
    with pytest.raises(PermissionDenied):
        user_change_role(user=reader, role="editor", by=editor)
    with pytest.raises(PermissionDenied):
        user_set_active(user=reader, active=False, by=editor)

    reader.refresh_from_db()
    assert (reader.role, reader.is_active) == ("reader", True)
