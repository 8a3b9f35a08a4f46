"""Every role against every write on comments, through the views: allowed roles change the
database, everyone else is refused (visitors never reach a comment page) and nothing
changes. Authors edit within 15 minutes only; coordinators (and admins) moderate."""

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import comment_make, public_article, section
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "author", "coordinator", "admin"]
STAFF = {"reader", "editor", "other_editor", "author", "coordinator", "admin"}
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(administration, reader, editor, other_editor, coordinator, admin_user):
    author = UserFactory(administration=administration, first_name="Anna")
    article = public_article(author)
    comment = comment_make(author=author, target=article, body="Erste Fassung.")
    users = {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
             "author": author, "coordinator": coordinator, "admin": admin_user}
    return {"article": article, "comment": comment, "users": users}


def _client(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


def _refused(response, role) -> bool:
    # Visitors get the refusal page that offers the login; everyone else 403.
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_comment_post_by_role(client, world, role):
    url = reverse("comments:create", args=["knowledge.article", world["article"].pk])

    response = _client(client, world, role).post(url, {"body": "Wir nutzen das auch."})

    created = Comment.objects.filter(body="Wir nutzen das auch.")
    if role in STAFF:
        comment = created.get()
        assert response.status_code == 302
        assert response["Location"] == (
            reverse("knowledge:article_detail", args=[world["article"].slug])
            + f"#kommentar-{comment.pk}")
        assert comment.author == world["users"][role]
        assert comment.administration_id == world["users"][role].administration_id
    else:
        assert _refused(response, role)
        assert not created.exists()


@pytest.mark.parametrize("role", ROLES)
def test_comment_edit_by_role(client, world, role):
    comment = world["comment"]
    url = reverse("comments:edit", args=[comment.pk])

    response = _client(client, world, role).post(url, {"body": "Korrigiert."})

    comment.refresh_from_db()
    if role == "author":
        assert response.status_code == 302
        assert comment.body == "Korrigiert."
        assert comment.edited_at is not None
    else:
        assert response.status_code == 403
        assert comment.body == "Erste Fassung."
        assert comment.edited_at is None


@pytest.mark.parametrize("role", ROLES)
def test_comment_delete_by_role(client, world, role):
    comment = world["comment"]

    response = _client(client, world, role).post(reverse("comments:delete", args=[comment.pk]))

    comment.refresh_from_db()
    if role == "author":
        assert response.status_code == 302
        assert comment.deleted_at is not None
        assert comment.body == ""
    else:
        assert response.status_code == 403
        assert comment.deleted_at is None
        assert comment.body == "Erste Fassung."


@pytest.mark.parametrize("role", ROLES)
def test_comment_hide_by_role(client, world, role):
    comment = world["comment"]

    response = _client(client, world, role).post(reverse("comments:hide", args=[comment.pk]),
                                                 {"reason": "Persönliche Daten"})

    comment.refresh_from_db()
    if role in COORDINATION:
        assert response.status_code == 302
        assert comment.hidden_reason == "Persönliche Daten"
        assert comment.hidden_by == world["users"][role]
        assert comment.hidden_at is not None
    else:
        assert response.status_code == 403
        assert comment.hidden_at is None


@pytest.mark.parametrize("role", ROLES)
def test_comment_unhide_by_role(client, world, role, coordinator):
    from comments.services import comment_hide

    comment = comment_hide(user=coordinator, comment=world["comment"], reason="Prüfen")

    response = _client(client, world, role).post(reverse("comments:unhide", args=[comment.pk]))

    comment.refresh_from_db()
    if role in COORDINATION:
        assert response.status_code == 302
        assert comment.hidden_at is None and comment.hidden_reason == ""
    else:
        assert response.status_code == 403
        assert comment.hidden_at is not None


@pytest.mark.parametrize("role", ROLES)
def test_comment_section_by_role(client, world, role):
    response = _client(client, world, role).get(
        reverse("knowledge:article_detail", args=[world["article"].slug]))

    page = response.content.decode()
    assert response.status_code == 200
    if role in STAFF:
        assert "Erste Fassung." in section(page)
        assert "Kommentar veröffentlichen" in section(page)
    else:
        assert section(page) == ""
        assert "Erste Fassung." not in page
        assert "Kommentar" not in page


def test_hide_needs_a_reason_and_keeps_the_form(client, world, coordinator):
    client.force_login(coordinator)
    comment = world["comment"]

    response = client.post(reverse("comments:hide", args=[comment.pk]), {"reason": ""})

    assert response.status_code == 200
    assert "Bitte nennen Sie einen Grund." in response.content.decode()
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_hidden_comment_shows_reason_to_members_and_text_to_coordinators(
        client, world, reader, coordinator):
    from comments.services import comment_hide

    comment_hide(user=coordinator, comment=world["comment"], reason="Werbung")
    url = reverse("knowledge:article_detail", args=[world["article"].slug])

    client.force_login(reader)
    seen_by_reader = section(client.get(url).content.decode())
    client.force_login(coordinator)
    seen_by_coordinator = section(client.get(url).content.decode())

    assert "ausgeblendet. Grund: Werbung" in seen_by_reader
    assert "Erste Fassung." not in seen_by_reader
    assert "Erste Fassung." in seen_by_coordinator
    assert "Wieder anzeigen" in seen_by_coordinator
    assert "Wieder anzeigen" not in seen_by_reader


def test_deleted_comment_shows_placeholder(client, world):
    author = world["users"]["author"]
    client.force_login(author)
    client.post(reverse("comments:delete", args=[world["comment"].pk]))

    page = section(client.get(
        reverse("knowledge:article_detail", args=[world["article"].slug])).content.decode())

    assert "Kommentar gelöscht" in page
    assert "Erste Fassung." not in page
    assert "Bearbeiten" not in page
