""""Als aktuell bestätigen" on the article page: every role against the action (author,
editors of the contributing administration, coordinators and admins may; everyone else gets
403 and nothing is recorded), a check without a new revision, and what the page says about
the check to each role, visitors included."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.articles import services
from knowledge.enums import Visibility
from knowledge.models import Article, ArticleReview
from knowledge.personal_data import collect
from knowledge.review_dates import add_months
from tests.factories import UserFactory
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "author", "coordinator", "admin"]
CONFIRMERS = {"author", "editor", "coordinator", "admin"}  # editor: of the contributing member
REVIEWED = date(2025, 3, 3)


@pytest.fixture
def world(administration, reader, editor, other_editor, coordinator, admin_user):
    category = CategoryFactory(name="Gute Beispiele", slug="gute-beispiele",
                               review_interval_months=12)
    author = UserFactory(administration=administration, first_name="Anna")
    # Public, so that every role can see it and a refusal is a 403, not a 404.
    article = article_make(author=author, title="E-Akte im Bauamt", category=category,
                           administration=administration, visibility=Visibility.PUBLIC)
    Article.objects.filter(pk=article.pk).update(reviewed_at=REVIEWED)
    article.refresh_from_db()
    users = {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
             "author": author, "coordinator": coordinator, "admin": admin_user}
    return {"article": article, "users": users, "category": category}


def _confirm(client, article, **data):
    return client.post(reverse("knowledge:article_confirm", args=[article.slug]), data)


@pytest.mark.parametrize("role", ROLES)
def test_confirm_allowed_only_for_author_editors_and_coordination(client, world, role):
    article, user = world["article"], world["users"][role]
    if user:
        client.force_login(user)
    updated_before = article.updated_at

    response = _confirm(client, article)

    stored = Article.objects.get(pk=article.pk)
    if role in CONFIRMERS:
        assert response.status_code == 302
        assert response["Location"] == reverse("knowledge:article_detail", args=[article.slug])
        assert stored.reviewed_at == timezone.localdate()
        assert list(ArticleReview.objects.values_list("article_id", "user_id")) == [
            (article.pk, user.pk)]
        # A check, not a change: no new revision, "zuletzt geändert" stays.
        assert (stored.revision_number, stored.updated_at) == (1, updated_before)
        page = client.get(response["Location"]).content.decode()
        due = add_months(timezone.localdate(), 12)
        assert "Danke! Der Artikel gilt ab heute als geprüft; die nächste Prüfung ist am " \
               f"{due.day}. {_month(due)} {due.year} fällig." in page
    else:
        assert response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()
        assert stored.reviewed_at == REVIEWED
        assert not ArticleReview.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_service_checks_the_same_rule(world, role):
    article = world["article"]
    user = world["users"][role] or AnonymousUser()

    if role in CONFIRMERS:
        review = services.article_confirm_current(article=article, user=user)
        assert (review.article_id, review.user_id) == (article.pk, user.pk)
        assert article.reviewed_at == timezone.localdate()
    else:
        with pytest.raises(PermissionDenied):
            services.article_confirm_current(article=article, user=user)
        assert Article.objects.get(pk=article.pk).reviewed_at == REVIEWED


def test_confirm_refuses_get(client, world):
    client.force_login(world["users"]["coordinator"])
    response = client.get(reverse("knowledge:article_confirm", args=[world["article"].slug]))
    assert response.status_code == 405
    assert not ArticleReview.objects.exists()


def test_archived_article_is_not_confirmed(client, world):
    coordinator = world["users"]["coordinator"]
    services.article_archive(article=world["article"], user=coordinator)
    client.force_login(coordinator)

    response = _confirm(client, world["article"])

    assert response.status_code == 302
    assert "Der Artikel ist archiviert und muss nicht geprüft werden." in client.get(
        response["Location"]).content.decode()
    assert not ArticleReview.objects.exists()
    with pytest.raises(PermissionDenied):
        services.article_confirm_current(article=world["article"], user=coordinator)


def test_double_submission_records_one_check(client, world):
    client.force_login(world["users"]["author"])
    token = "ab" * 16

    first = _confirm(client, world["article"], _once=token)
    second = _confirm(client, world["article"], _once=token)

    assert (first.status_code, second.status_code) == (302, 303)
    assert ArticleReview.objects.count() == 1


def test_visitor_cannot_confirm_an_internal_article(client, world):
    internal = article_make(author=world["users"]["author"], title="Nur intern",
                            category=world["category"])
    assert _confirm(client, internal).status_code == 404


MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def _month(day: date) -> str:
    return MONTHS[day.month - 1]


def _main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


OVERDUE_HINT = ("Dieser Artikel ist seit dem 3. März 2025 nicht geprüft worden; Inhalte "
                "können veraltet sein.")


@pytest.mark.parametrize("role", ROLES)
def test_page_shows_the_check_date_to_everyone_and_the_button_to_confirmers(
        client, world, role):
    # Due on 3 March 2026 and overdue since: every run of this test is after that day.
    article, user = world["article"], world["users"][role]
    if user:
        client.force_login(user)

    page = _main(client.get(reverse("knowledge:article_detail", args=[article.slug])))

    assert 'Inhalt zuletzt geprüft am <time datetime="2025-03-03">3. März 2025</time>' in page
    assert OVERDUE_HINT in page
    assert ("Als aktuell bestätigen" in page) is (role in CONFIRMERS)
    assert ("Prüfung fällig seit 3. März 2026" in page) is (role in CONFIRMERS)


def test_page_of_a_current_article_shows_no_hint(client, world):
    article = world["article"]
    services.article_confirm_current(article=article, user=world["users"]["author"])
    today = timezone.localdate()

    page = _main(client.get(reverse("knowledge:article_detail", args=[article.slug])))

    assert f'<time datetime="{today.isoformat()}">' in page
    assert "Inhalte können veraltet sein" not in page
    client.force_login(world["users"]["author"])
    page = _main(client.get(reverse("knowledge:article_detail", args=[article.slug])))
    due = add_months(today, 12)
    assert f"nächste Prüfung am {due.day}. {_month(due)} {due.year}" in page


def test_archived_article_shows_no_overdue_hint_and_no_button(client, world):
    coordinator = world["users"]["coordinator"]
    services.article_archive(article=world["article"], user=coordinator)
    client.force_login(coordinator)

    page = _main(client.get(reverse("knowledge:article_detail",
                                    args=[world["article"].slug])))

    assert "Inhalt zuletzt geprüft am" in page
    assert OVERDUE_HINT not in page and "Als aktuell bestätigen" not in page


def test_article_page_reads_nothing_more_for_the_check(client, world):
    client.force_login(world["users"]["author"])
    url = reverse("knowledge:article_detail", args=[world["article"].slug])

    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()

    # Date, interval (the category is joined to the article) and the rules are loaded with
    # the article: no query for the check history or the category of its own.
    assert "Als aktuell bestätigen" in page
    assert not [q for q in queries.captured_queries
                if "knowledge_articlereview" in q["sql"]
                or q["sql"].startswith('SELECT "knowledge_category"')]


def test_confirmations_are_part_of_ones_own_data(world):
    author = world["users"]["author"]
    services.article_confirm_current(article=world["article"], user=author)

    rows = collect(author)["Artikel, die Sie als aktuell bestätigt haben"]
    assert [row["Artikel"] for row in rows] == ["E-Akte im Bauamt"]
    assert collect(world["users"]["reader"])["Artikel, die Sie als aktuell bestätigt haben"] == []
