"""Every role against every write action of the members app, checked on the server, and
the buttons of each page shown exactly to those who may use them."""

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
    coordinator_invitation = Invitation.objects.create(
        email="koordination.neu@example.org", administration=administration,
        role="coordinator", invited_by=coordinator, token_hash="y" * 64,
        sent_at=timezone.now(), expires_at=timezone.now() + timedelta(days=3))
    target = UserFactory(administration=administration, role="reader", first_name="Ziel")
    deactivated = UserFactory(administration=administration, role="reader", is_active=False,
                              first_name="Ruhend")
    users = {"visitor": None, "reader": reader, "editor_own": editor,
             "editor_other": other_editor, "coordinator": coordinator, "admin": admin_user}
    return {"administration": administration, "question": question, "contact": contact,
            "invitation": invitation, "coordinator_invitation": coordinator_invitation,
            "target": target, "deactivated": deactivated, "users": users}


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
    # Removed contacts stay, pseudonymised, for the statuses that name them.
    contact = ContactPerson.objects.get(pk=w["contact"].pk)
    return response, contact.removed_at is not None and contact.email == ""


def _invite_reader(client, w):
    url = reverse("members:invite", args=[w["administration"].slug])
    response = client.post(url, {"email": "leser@example.org", "role": "reader"})
    return response, Invitation.objects.filter(email="leser@example.org").exists()


def _invite_editor(client, w):
    url = reverse("members:invite", args=[w["administration"].slug])
    response = client.post(url, {"email": "redaktion@example.org", "role": "editor"})
    return response, Invitation.objects.filter(email="redaktion@example.org").exists()


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


def _resend_coordinator_invitation(client, w):
    invitation = w["coordinator_invitation"]
    old_hash = invitation.token_hash
    response = client.post(reverse("members:invitation_resend", args=[invitation.pk]))
    invitation.refresh_from_db()
    return response, invitation.token_hash != old_hash


def _revoke_coordinator_invitation(client, w):
    invitation = w["coordinator_invitation"]
    response = client.post(reverse("members:invitation_revoke", args=[invitation.pk]))
    invitation.refresh_from_db()
    return response, invitation.revoked_at is not None


def _change_role(client, w):
    response = client.post(reverse("members:user_role", args=[w["target"].pk]),
                           {"role": "editor"})
    return response, User.objects.get(pk=w["target"].pk).role == "editor"


def _change_role_to_coordinator(client, w):
    response = client.post(reverse("members:user_role", args=[w["target"].pk]),
                           {"role": "coordinator"})
    return response, User.objects.get(pk=w["target"].pk).role == "coordinator"


def _deactivate(client, w):
    response = client.post(reverse("members:user_active", args=[w["target"].pk]),
                           {"active": "0"})
    return response, User.objects.get(pk=w["target"].pk).is_active is False


def _reactivate(client, w):
    response = client.post(reverse("members:user_active", args=[w["deactivated"].pk]),
                           {"active": "1"})
    return response, User.objects.get(pk=w["deactivated"].pk).is_active is True


ACTIONS = {
    _edit_facts: EDITORS, _edit_profile: EDITORS, _create_contact: EDITORS,
    _edit_contact: EDITORS, _delete_contact: EDITORS, _invite_reader: EDITORS,
    _invite_editor: EDITORS, _invite_coordinator: COORDINATION,
    _resend_invitation: EDITORS, _revoke_invitation: EDITORS,
    _resend_coordinator_invitation: COORDINATION, _revoke_coordinator_invitation: COORDINATION,
    _change_role: COORDINATION, _change_role_to_coordinator: COORDINATION,
    _deactivate: COORDINATION, _reactivate: COORDINATION,
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


CORE_CHANGE = {"name": "Kreis Mayen-Koblenz", "slug": "kreis-myk", "kind": "landkreis",
               "federal_state": "07", "regional_key": "07137", "short_name": "MYK2",
               "member_since": "2021-02-03"}


@pytest.mark.parametrize("role", ROLES)
def test_core_facts_are_changed_only_by_the_coordination_office(client, world, role):
    user = world["users"][role]
    if user:
        client.force_login(user)
    administration = world["administration"]
    before = (administration.name, administration.slug, administration.regional_key)

    response = client.post(reverse("members:edit", args=[administration.slug]), CORE_CHANGE)

    administration.refresh_from_db()
    after = (administration.name, administration.slug, administration.regional_key)
    if role in COORDINATION:
        assert response.status_code == 302
        assert after == ("Kreis Mayen-Koblenz", "kreis-myk", "07137")
        assert administration.short_name == "MYK2"
    elif role in EDITORS:  # the form has no core fields for them: they are ignored
        assert response.status_code == 302
        assert after == before
        assert administration.short_name == "MYK2"
    else:
        assert response.status_code == 403
        assert after == before
        assert administration.short_name != "MYK2"


@pytest.mark.parametrize("role", ROLES)
def test_core_fields_are_offered_only_to_the_coordination_office(client, world, role):
    user = world["users"][role]
    if user:
        client.force_login(user)

    response = client.get(reverse("members:edit", args=[world["administration"].slug]))

    page = response.content.decode()
    assert ('name="regional_key"' in page) is (role in COORDINATION)
    assert ('name="short_name"' in page) is (role in EDITORS)


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_nobody_deactivates_their_own_account(client, world, role):
    user = world["users"][role]
    user.administration = world["administration"]
    user.save()
    client.force_login(user)

    response = client.post(reverse("members:user_active", args=[user.pk]), {"active": "0"},
                           follow=True)

    user.refresh_from_db()
    assert user.is_active is True
    # Refused by the rule itself, which the service asks exactly (superusers included).
    assert response.status_code == 403
    assert "Zugriff verweigert" in response.content.decode()


def test_coordinator_sees_no_deactivate_button_on_own_row(client, world):
    coordinator = world["users"]["coordinator"]
    client.force_login(coordinator)

    page = client.get(reverse("members:staff", args=[world["administration"].slug]))

    content = page.content.decode()
    assert f"{world['target'].email} deaktivieren" in content
    assert f"{world['deactivated'].email} wieder aktivieren" in content
    assert f"{coordinator.email} deaktivieren" not in content
    assert f"Rolle von {coordinator.email}" in content


def test_editor_sees_buttons_only_for_invitations_they_may_manage(client, world):
    client.force_login(world["users"]["editor_own"])

    content = client.get(
        reverse("members:staff", args=[world["administration"].slug])).content.decode()

    assert "Einladung an neu@example.org erneut senden" in content
    assert "Einladung an neu@example.org zurückziehen" in content
    assert "koordination.neu@example.org</strong>" in content
    assert "Einladung an koordination.neu@example.org erneut senden" not in content
    assert "Einladung an koordination.neu@example.org zurückziehen" not in content


@pytest.mark.parametrize("role", ROLES)
def test_notification_settings_are_everyones_own(client, world, role):
    user = world["users"][role]
    if user:
        client.force_login(user)

    response = client.post(reverse("notifications"), {"meeting": "on"})

    assert response.status_code == 302
    if user is None:
        assert response["Location"].startswith(reverse("account_login"))
    else:
        user.refresh_from_db()
        assert "meeting" not in user.muted_reminders
        assert "survey" in user.muted_reminders


@pytest.mark.parametrize("role", ROLES)
def test_directory_and_administration_page_show_internal_facts_to_member_staff(
        client, world, role):
    user = world["users"][role]
    if user:
        client.force_login(user)
    administration = world["administration"]

    listing = client.get(reverse("members:list")).content.decode()
    detail = client.get(administration.get_absolute_url()).content.decode()

    assert ("Mitglied seit" in listing) is (role in STAFF)
    assert ("Mitglied seit" in detail) is (role in STAFF)
    assert ("Angaben bearbeiten" in detail) is (role in EDITORS)
    assert ("Personen mit Zugang" in detail) is (role in STAFF - {"editor_other"})
