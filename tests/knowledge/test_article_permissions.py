"""Every role against every write view of the article part of the knowledge base, on the
server: allowed roles change the database, everyone else gets 403 and changes nothing."""

import pytest
from django.urls import reverse

from knowledge import services
from knowledge.enums import Visibility
from knowledge.models import Article, Category
from tests.factories import UserFactory
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "author", "coordinator", "admin"]
STAFF = {"reader", "editor", "other_editor", "author", "coordinator", "admin"}
CHANGERS = {"author", "editor", "coordinator", "admin"}  # editor: of the contributing member
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(administration, reader, editor, other_editor, coordinator, admin_user):
    category = CategoryFactory(name="Gute Beispiele", slug="gute-beispiele")
    author = UserFactory(administration=administration, first_name="Anna")
    # Public, so that every role can see it and a refusal is a 403, not a 404.
    article = article_make(author=author, title="E-Akte im Bauamt", body="Erste Fassung.",
                           category=category, administration=administration,
                           visibility=Visibility.PUBLIC)
    services.article_update(article=article, user=author, expected_revision=1,
                            body="Zweite Fassung.")
    archived = article_make(author=author, title="Altes Verfahren", category=category,
                            administration=administration, visibility=Visibility.PUBLIC)
    services.article_archive(article=archived, user=coordinator)
    users = {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
             "author": author, "coordinator": coordinator, "admin": admin_user}
    return {"category": category, "article": article, "archived": archived, "users": users}


def _article_data(w, **extra):
    # Only coordinators choose the administration; for everyone else the field is disabled.
    data = {"title": "Neuer Artikel", "summary": "Kurz.", "body": "Text.",
            "category": w["category"].pk, "visibility": Visibility.INTERNAL, "tags": "",
            "administration": w["article"].administration_id}
    data.update(extra)
    return data


def create_article(c, w):
    r = c.post(reverse("knowledge:article_create"), _article_data(w))
    return r, Article.objects.filter(title="Neuer Artikel").exists()


def edit_article(c, w):
    article = w["article"]
    r = c.post(reverse("knowledge:article_edit", args=[article.slug]), _article_data(
        w, title="Umbenannt", revision=2, visibility=Visibility.PUBLIC))
    return r, Article.objects.filter(pk=article.pk, title="Umbenannt").exists()


def restore_revision(c, w):
    article = w["article"]
    r = c.post(reverse("knowledge:revision_restore", args=[article.slug, 1]))
    return r, Article.objects.get(pk=article.pk).body == "Erste Fassung."


def archive_article(c, w):
    article = w["article"]
    r = c.post(reverse("knowledge:article_archive", args=[article.slug]))
    return r, Article.objects.get(pk=article.pk).archived_at is not None


def unarchive_article(c, w):
    archived = w["archived"]
    r = c.post(reverse("knowledge:article_unarchive", args=[archived.slug]))
    return r, Article.objects.get(pk=archived.pk).archived_at is None


def create_category(c, w):
    r = c.post(reverse("knowledge:category_create"),
               {"name": "Vorlagen", "slug": "", "description": "", "position": 5})
    return r, Category.objects.filter(name="Vorlagen").exists()


def edit_category(c, w):
    r = c.post(reverse("knowledge:category_edit", args=[w["category"].slug]),
               {"name": "Bewährte Beispiele", "slug": "gute-beispiele", "description": "",
                "position": 1})
    return r, Category.objects.filter(name="Bewährte Beispiele").exists()


WRITES = {
    create_article: STAFF, edit_article: CHANGERS, restore_revision: CHANGERS,
    archive_article: COORDINATION, unarchive_article: COORDINATION,
    create_category: COORDINATION, edit_category: COORDINATION,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(WRITES), ids=lambda a: a.__name__)
def test_write_view_allowed_only_for_its_roles(client, world, action, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    revisions_before = world["article"].revisions.count()

    response, changed = action(client, world)

    if role in WRITES[action]:
        assert response.status_code == 302, response.content.decode()[:800]
        assert changed is True
    else:
        # An archived article does not exist for visitors at all.
        hidden = role == "visitor" and action is unarchive_article
        assert response.status_code == (404 if hidden else 403)
        assert changed is False
        assert world["article"].revisions.count() == revisions_before


def _pages(w):
    slug = w["article"].slug
    return {
        "article_create": (reverse("knowledge:article_create"), STAFF),
        "article_edit": (reverse("knowledge:article_edit", args=[slug]), CHANGERS),
        "revision_restore": (reverse("knowledge:revision_restore", args=[slug, 1]), CHANGERS),
        "category_list": (reverse("knowledge:category_list"), COORDINATION),
        "category_create": (reverse("knowledge:category_create"), COORDINATION),
        "category_edit": (reverse("knowledge:category_edit", args=[w["category"].slug]),
                          COORDINATION),
    }


PAGES = ["article_create", "article_edit", "revision_restore", "category_list",
         "category_create", "category_edit"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_write_pages_open_only_for_their_roles(client, world, page, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    url, allowed = _pages(world)[page]

    response = client.get(url)

    assert response.status_code == (200 if role in allowed else 403)
    if response.status_code == 200:
        assert response.content.decode().count("<h1") == 1
    else:
        assert "Zugriff verweigert" in response.content.decode()


@pytest.mark.parametrize("name", ["article_edit", "article_archive", "revision_restore",
                                  "article_history"])
def test_visitors_get_404_for_writes_on_internal_articles(client, world, name):
    internal = article_make(author=world["users"]["author"], title="Nur intern",
                            category=world["category"])
    args = [internal.slug, 1] if name == "revision_restore" else [internal.slug]

    response = client.post(reverse(f"knowledge:{name}", args=args))

    assert response.status_code == 404
    internal.refresh_from_db()
    assert (internal.revision_number, internal.archived_at) == (1, None)


def test_write_views_refuse_get_where_they_only_accept_post(client, world):
    client.force_login(world["users"]["coordinator"])
    slug = world["article"].slug

    assert client.get(reverse("knowledge:article_archive", args=[slug])).status_code == 405
    assert client.get(reverse("knowledge:article_unarchive", args=[slug])).status_code == 405
    assert Article.objects.get(pk=world["article"].pk).archived_at is None


def test_non_coordinator_cannot_move_an_article_to_another_administration(
        client, world, other_administration):
    client.force_login(world["users"]["editor"])
    article = world["article"]

    client.post(reverse("knowledge:article_edit", args=[article.slug]), _article_data(
        world, title="Umbenannt", revision=2, administration=other_administration.pk))

    article.refresh_from_db()
    assert article.title == "Umbenannt"
    assert article.administration == world["users"]["editor"].administration
