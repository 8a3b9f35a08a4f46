"""Every role against every write of the article part of the knowledge base (articles,
revisions, categories), on the server: through the views, allowed roles change the database
and everyone else gets 403 and changes nothing; the services refuse the same roles, and the
state rules (archive what is not archived, restore what is not current) hold for
superusers too."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from knowledge.articles import services
from knowledge.categories.services import category_save
from knowledge.enums import Visibility
from knowledge.models import Article, Category
from tests.factories import AdministrationFactory, UserFactory
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


# --- The services check the same rules, whoever calls them -------------------------------

def _actor(w, role):
    return w["users"][role] or AnonymousUser()


def service_create_article(w, user):
    services.article_create(author=user, title="Neuer Artikel", summary="Kurz.", body="Text.",
                            category=w["category"], visibility=Visibility.INTERNAL)
    return Article.objects.filter(title="Neuer Artikel").exists()


def service_edit_article(w, user):
    services.article_update(article=w["article"], user=user, expected_revision=2,
                            title="Umbenannt")
    return Article.objects.filter(pk=w["article"].pk, title="Umbenannt").exists()


def service_restore_revision(w, user):
    article = w["article"]
    services.article_restore(article=article, revision=article.revisions.get(number=1),
                             user=user)
    return Article.objects.get(pk=article.pk).body == "Erste Fassung."


def service_archive_article(w, user):
    services.article_archive(article=w["article"], user=user)
    return Article.objects.get(pk=w["article"].pk).archived_at is not None


def service_unarchive_article(w, user):
    services.article_unarchive(article=w["archived"], user=user)
    return Article.objects.get(pk=w["archived"].pk).archived_at is None


def service_create_category(w, user):
    category_save(category=Category(), fields={"name": "Vorlagen", "position": 5}, user=user)
    return Category.objects.filter(name="Vorlagen").exists()


def service_edit_category(w, user):
    category_save(category=w["category"], fields={"name": "Bewährte Beispiele"}, user=user)
    return Category.objects.filter(name="Bewährte Beispiele").exists()


SERVICE_WRITES = {
    service_create_article: STAFF, service_edit_article: CHANGERS,
    service_restore_revision: CHANGERS, service_archive_article: COORDINATION,
    service_unarchive_article: COORDINATION, service_create_category: COORDINATION,
    service_edit_category: COORDINATION,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(SERVICE_WRITES), ids=lambda a: a.__name__)
def test_service_allowed_only_for_the_roles_of_its_view(world, action, role):
    revisions_before = world["article"].revisions.count()

    if role in SERVICE_WRITES[action]:
        assert action(world, _actor(world, role)) is True
    else:
        with pytest.raises(PermissionDenied):
            action(world, _actor(world, role))
        assert Article.objects.filter(title__in=["Neuer Artikel", "Umbenannt"]).exists() is False
        assert world["article"].revisions.count() == revisions_before
        assert Article.objects.get(pk=world["article"].pk).archived_at is None
        assert Article.objects.get(pk=world["archived"].pk).archived_at is not None
        assert Category.objects.count() == 1
        assert Category.objects.get().name == "Gute Beispiele"


@pytest.mark.parametrize("role", ROLES)
def test_only_the_coordination_credits_an_article_to_another_administration(world, role):
    user = _actor(world, role)
    article = world["article"]
    third = AdministrationFactory(name="Landkreis Cochem-Zell")

    def credit_new():
        return services.article_create(
            author=user, title="Für andere", summary="Kurz.", body="Text.",
            category=world["category"], visibility=Visibility.INTERNAL,
            administration=third)

    def credit_existing():
        return services.article_update(article=article, user=user, expected_revision=2,
                                       administration=third)

    for write in (credit_new, credit_existing):
        if role in COORDINATION:
            assert write().administration == third
        else:
            with pytest.raises(PermissionDenied):
                write()
    assert Article.objects.filter(administration=third).count() == (
        2 if role in COORDINATION else 0)


# --- State rules: what is possible now, for superusers too -------------------------------

@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_archiving_an_archived_article_again_changes_nothing(client, world, role):
    archived = world["archived"]
    archived_at = archived.archived_at
    client.force_login(world["users"][role])

    response = client.post(reverse("knowledge:article_archive", args=[archived.slug]),
                           follow=True)

    assert "Der Artikel ist archiviert." in response.content.decode()
    assert Article.objects.get(pk=archived.pk).archived_at == archived_at
    with pytest.raises(PermissionDenied):
        services.article_archive(article=archived, user=world["users"][role])


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_article_page_offers_archive_or_unarchive_as_the_state_allows(client, world, role):
    client.force_login(world["users"][role])
    archive_url = reverse("knowledge:article_archive", args=[world["article"].slug])
    unarchive_url = reverse("knowledge:article_unarchive", args=[world["archived"].slug])

    current = client.get(reverse("knowledge:article_detail", args=[world["article"].slug]))
    archived = client.get(reverse("knowledge:article_detail", args=[world["archived"].slug]))

    assert "Artikel archivieren" in current.content.decode()
    assert "Archivierung aufheben" not in current.content.decode()
    assert "Archivierung aufheben" in archived.content.decode()
    assert "Artikel archivieren" not in archived.content.decode()
    assert archive_url in current.content.decode() and unarchive_url in archived.content.decode()


@pytest.mark.parametrize("role", ["author", "admin"])
def test_the_current_revision_cannot_be_restored(client, world, role):
    article = world["article"]
    client.force_login(world["users"][role])

    history = client.get(reverse("knowledge:article_history", args=[article.slug]))
    page = history.content.decode()

    assert reverse("knowledge:revision_restore", args=[article.slug, 1]) in page
    assert reverse("knowledge:revision_restore", args=[article.slug, 2]) not in page
    with pytest.raises(PermissionDenied):
        services.article_restore(article=article, revision=article.revisions.get(number=2),
                                 user=world["users"][role])
    assert Article.objects.get(pk=article.pk).revision_number == 2


@pytest.mark.parametrize("role", ROLES)
def test_history_and_versions_open_only_for_member_staff(client, world, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    slug = world["article"].slug

    history = client.get(reverse("knowledge:article_history", args=[slug]))
    version = client.get(reverse("knowledge:revision_detail", args=[slug, 1]))

    expected = 200 if role in STAFF else 403
    assert (history.status_code, version.status_code) == (expected, expected)
    if expected == 200:
        assert "Versionen von „E-Akte im Bauamt“" in history.content.decode()
        assert ("Version 1 wiederherstellen" in version.content.decode()) is (role in CHANGERS)
