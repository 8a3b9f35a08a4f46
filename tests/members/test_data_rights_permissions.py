"""Every role × every write action of the data rights, and contact persons removed by their
editors or the coordination office (pseudonymised where statuses name them)."""

import pytest
from django.urls import reverse

from common.search.query import search_results
from members.models import ContactPerson
from members.services.removal import account_removal_request
from projects.models import Topic
from projects.statuses.services import status_save
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "coordinator", "admin"]


@pytest.fixture
def people(reader, editor, other_editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
            "coordinator": coordinator, "admin": admin_user}


def _client(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("account_login"))


@pytest.mark.parametrize("role", ROLES)
def test_own_profile_every_role(client, people, role):
    response = _client(client, people, role).post(reverse("profile"), {
        "first_name": "Neu", "last_name": "Name", "phone": "", "function": ""})
    if role == "visitor":
        assert _is_login_redirect(response)
        return
    assert response.status_code == 302 and response["Location"] == reverse("profile")
    people[role].refresh_from_db()
    assert people[role].get_full_name() == "Neu Name"


@pytest.mark.parametrize("role", ROLES)
def test_own_removal_request_every_role(client, people, role):
    response = _client(client, people, role).post(reverse("account_removal"),
                                                  {"confirm": "on"})
    if role == "visitor":
        assert _is_login_redirect(response)
        return
    assert response.status_code == 302
    people[role].refresh_from_db()
    assert people[role].removal_requested_at is not None
    response = client.post(reverse("account_removal_withdraw"))
    people[role].refresh_from_db()
    assert people[role].removal_requested_at is None


@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_without_request_is_refused(client, people, role):
    response = _client(client, people, role).post(reverse("account_removal_withdraw"))
    if role == "visitor":
        assert _is_login_redirect(response)
    elif role == "admin":  # Django grants superusers every permission; nothing to withdraw
        assert response.status_code == 302
        people[role].refresh_from_db()
        assert people[role].removal_requested_at is None
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_request_list_every_role(client, people, role):
    response = _client(client, people, role).get(reverse("members:removal_requests"))
    assert response.status_code == (200 if role in ("coordinator", "admin") else 403)


@pytest.mark.parametrize("role", ROLES)
def test_confirm_removal_every_role(client, people, role, administration):
    person = account_removal_request(user=UserFactory(administration=administration))
    url = reverse("members:account_remove", args=[person.pk])
    response = _client(client, people, role).post(url)
    person.refresh_from_db()
    if role in ("coordinator", "admin"):
        assert response.status_code == 302
        assert person.removed_at is not None
        return
    else:
        assert response.status_code == 403
    assert person.removed_at is None and person.is_active


def test_coordinator_cannot_remove_own_account(client, coordinator):
    account_removal_request(user=coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("members:account_remove", args=[coordinator.pk]))
    assert response.status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.removed_at is None
    # Their request is still carried out by another coordinator or after the days.


# --- Contact persons -----------------------------------------------------------------------

@pytest.fixture
def contact(administration, editor):
    contact = ContactPerson.objects.create(
        administration=administration, name="Ottokar Wiesengrund", function="it_lead",
        email="ottokar.wiesengrund@example.org", phone="0261 108-500",
        expertise="E-Akte, Scannen", is_public=True)
    topic = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")
    status_save(administration=administration, by=editor, topic=topic,
                fields={"stage": 4, "contact": contact})
    return contact


@pytest.mark.parametrize("role", ROLES)
def test_contact_removal_every_role(client, people, role, contact, administration):
    url = reverse("members:contact_delete", args=[administration.slug, contact.pk])
    response = _client(client, people, role).post(url)
    contact.refresh_from_db()
    if role in ("editor", "coordinator", "admin"):  # the editor is of this administration
        assert response.status_code == 302
        assert contact.removed_at is not None
        return
    else:
        assert response.status_code == 403
    assert contact.removed_at is None and contact.name == "Ottokar Wiesengrund"


def test_removed_contact_is_pseudonymised_where_statuses_name_it(client, editor, contact,
                                                                   administration, reader):
    assert search_results(query="Wiesengrund", user=reader).total == 1
    client.force_login(editor)
    page = client.get(reverse("members:contact_delete", args=[administration.slug, contact.pk]))
    assert "nennen stattdessen „ehemalige Person (MYK)“" in page.content.decode()
    response = client.post(
        reverse("members:contact_delete", args=[administration.slug, contact.pk]), follow=True)

    assert ("Die Ansprechperson wurde entfernt. Wo Sachstände sie nannten, steht jetzt "
            "„ehemalige Person (MYK)“.") in response.content.decode()
    contact.refresh_from_db()
    assert (contact.name, contact.email, contact.phone, contact.expertise, contact.is_public) == (
        "ehemalige Person (MYK)", "", "", "", False)
    assert contact.statuses.count() == 1  # the status still names it
    for url in (administration.get_absolute_url(),
                reverse("projects:status_history", args=[administration.slug])):
        html = client.get(url).content.decode()
        assert "Wiesengrund" not in html and "0261 108-500" not in html, url
    history = client.get(reverse("projects:status_history", args=[administration.slug]))
    assert "ehemalige Person (MYK)" in history.content.decode()
    # Listed nowhere as a contact any more: not on the member's page (its statuses name
    # the pseudonym), not to edit, not in search.
    detail = client.get(administration.get_absolute_url()).content.decode()
    assert '<h3 class="kern-heading-small">ehemalige Person' not in detail
    assert "Ottokar" not in detail
    assert client.get(reverse("members:contact_edit",
                              args=[administration.slug, contact.pk])).status_code == 404
    assert search_results(query="Wiesengrund", user=reader).total == 0
