"""Every role against every write action of the members app, checked on the server."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import ContactPerson, Invitation, ProfileAnswer, ProfileQuestion, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor_own", "editor_other", "coordinator", "admin"]
EDITORS = {"editor_own", "coordinator", "admin"}
STAFF = {"reader", "editor_own", "editor_other", "coordinator", "admin"}
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(administration, other_administration, reader, editor, other_editor, coordinator,
          admin_user):
    question = ProfileQuestion.objects.create(text="Was erwarten Sie vom Netzwerk?", order=1)
    contact = ContactPerson.objects.create(administration=administration, name="Anna Alt",
                                           function="it_leitung")
    invitation = Invitation.objects.create(
        email="neu@example.org", administration=administration, role="reader",
        invited_by=coordinator, token_hash="x" * 64, sent_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=3))
    target = UserFactory(administration=administration, role="reader", first_name="Ziel")
    users = {"visitor": None, "reader": reader, "editor_own": editor,
             "editor_other": other_editor, "coordinator": coordinator, "admin": admin_user}
    return {"administration": administration, "question": question, "contact": contact,
            "invitation": invitation, "target": target, "users": users}


def _edit_facts(client, w):
    url = reverse("members:edit", args=[w["administration"].slug])
    a = w["administration"]
    response = client.post(url, {"short_name": "NEU", "seat": "Koblenz", "population": 1,
                                 "name": a.name, "slug": a.slug, "kind": a.kind,
                                 "federal_state": a.federal_state,
                                 "regional_key": a.regional_key})
    w["administration"].refresh_from_db()
    return response, w["administration"].short_name == "NEU"


def _edit_profile(client, w):
    q = w["question"]
    url = reverse("members:profile_edit", args=[w["administration"].slug])
    response = client.post(url, {f"answer_{q.pk}": "Austausch", f"public_{q.pk}": "on"})
    return response, ProfileAnswer.objects.filter(question=q).exists()


def _create_contact(client, w):
    url = reverse("members:contact_create", args=[w["administration"].slug])
    response = client.post(url, {"name": "Bea Neu", "function": "pressestelle", "order": 0})
    return response, ContactPerson.objects.filter(name="Bea Neu").exists()


def _edit_contact(client, w):
    url = reverse("members:contact_edit", args=[w["administration"].slug, w["contact"].pk])
    response = client.post(url, {"name": "Anna Neu", "function": "it_leitung", "order": 0})
    return response, ContactPerson.objects.filter(name="Anna Neu").exists()


def _delete_contact(client, w):
    url = reverse("members:contact_delete", args=[w["administration"].slug, w["contact"].pk])
    response = client.post(url)
    return response, not ContactPerson.objects.filter(pk=w["contact"].pk).exists()


def _invite_reader(client, w):
    url = reverse("members:invite", args=[w["administration"].slug])
    response = client.post(url, {"email": "leser@example.org", "role": "reader"})
    return response, Invitation.objects.filter(email="leser@example.org").exists()


def _invite_coordinator(client, w):
    url = reverse("members:invite", args=[w["administration"].slug])
    response = client.post(url, {"email": "koord@example.org", "role": "coordinator"})
    return response, Invitation.objects.filter(email="koord@example.org").exists()


def _resend_invitation(client, w):
    old_hash = w["invitation"].token_hash
    response = client.post(reverse("members:invitation_resend", args=[w["invitation"].pk]))
    w["invitation"].refresh_from_db()
    return response, w["invitation"].token_hash != old_hash


def _revoke_invitation(client, w):
    response = client.post(reverse("members:invitation_revoke", args=[w["invitation"].pk]))
    w["invitation"].refresh_from_db()
    return response, w["invitation"].revoked_at is not None


def _change_role(client, w):
    response = client.post(reverse("members:user_role", args=[w["target"].pk]),
                           {"role": "editor"})
    return response, User.objects.get(pk=w["target"].pk).role == "editor"


def _deactivate(client, w):
    response = client.post(reverse("members:user_active", args=[w["target"].pk]),
                           {"active": "0"})
    return response, User.objects.get(pk=w["target"].pk).is_active is False


ACTIONS = {
    _edit_facts: EDITORS, _edit_profile: EDITORS, _create_contact: EDITORS,
    _edit_contact: EDITORS, _delete_contact: EDITORS, _invite_reader: EDITORS,
    _invite_coordinator: COORDINATION, _resend_invitation: EDITORS,
    _revoke_invitation: EDITORS, _change_role: COORDINATION, _deactivate: COORDINATION,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.__name__.strip("_"))
def test_write_action_allowed_only_for_its_roles(client, world, action, role):
    user = world["users"][role]
    if user:
        client.force_login(user)

    response, changed = action(client, world)

    if role in ACTIONS[action]:
        assert response.status_code == 302, response.content.decode()[:500]
        assert changed is True
    else:
        assert response.status_code == 403
        assert changed is False
        assert "Zugriff verweigert" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", ["members:edit", "members:profile_edit",
                                      "members:contact_create"])
def test_edit_pages_are_shown_only_to_editors(client, world, role, url_name):
    user = world["users"][role]
    if user:
        client.force_login(user)

    response = client.get(reverse(url_name, args=[world["administration"].slug]))

    assert response.status_code == (200 if role in EDITORS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_staff_list_is_for_own_staff_and_coordination(client, world, role):
    user = world["users"][role]
    if user:
        client.force_login(user)

    response = client.get(reverse("members:staff", args=[world["administration"].slug]))

    assert response.status_code == (200 if role in STAFF - {"editor_other"} else 403)
    page = response.content.decode()
    assert ("Person einladen" in page) is (role in EDITORS)
    assert ("Rolle ändern" in page) is (role in COORDINATION)


def test_edit_buttons_hidden_for_readers_but_shown_for_editors(client, world):
    url = world["administration"].get_absolute_url()
    client.force_login(world["users"]["reader"])
    reader_page = client.get(url).content.decode()
    client.force_login(world["users"]["editor_own"])
    editor_page = client.get(url).content.decode()

    assert "Steckbrief bearbeiten" not in reader_page
    assert "Steckbrief bearbeiten" in editor_page


def test_editor_sees_only_reader_and_editor_as_invitable_roles(client, world):
    client.force_login(world["users"]["editor_own"])

    page = client.get(reverse("members:staff", args=[world["administration"].slug]))

    choices = [value for value, _ in page.context["invite_form"].fields["role"].choices]
    assert choices == ["reader", "editor"]
