"""The review interval: coordinators set it per category (form, list, admin), the article
editor may override it per article; out-of-range values get German errors beside the field
and the database refuses them too. The admin shows "geprüft am" and the confirmations."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from knowledge.articles import services
from knowledge.models import Article, ArticleReview, Category
from knowledge.review_dates import add_months
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db


def _category_data(**extra):
    return {"name": "Gute Beispiele", "slug": "", "description": "", "position": 1, **extra}


def test_coordinator_sets_the_interval_of_a_new_category(client, coordinator):
    client.force_login(coordinator)
    form = client.get(reverse("knowledge:category_create")).content.decode()
    assert 'name="review_interval_months"' in form and "Prüfintervall in Monaten" in form

    client.post(reverse("knowledge:category_create"), _category_data(review_interval_months=6))

    assert Category.objects.get().review_interval_months == 6
    page = client.get(reverse("knowledge:category_list")).content.decode()
    assert ">6 Monate</td>" in page


def test_empty_interval_means_twelve_months(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("knowledge:category_create"), _category_data(review_interval_months=""))
    assert Category.objects.get().review_interval_months == 12


def test_coordinator_changes_the_interval(client, coordinator):
    category = CategoryFactory(name="Vorlagen", slug="vorlagen")
    client.force_login(coordinator)

    client.post(reverse("knowledge:category_edit", args=["vorlagen"]),
                _category_data(name="Vorlagen", slug="vorlagen", review_interval_months=24))

    category.refresh_from_db()
    assert category.review_interval_months == 24


@pytest.mark.parametrize(("value", "error"), [
    ("0", "Dieser Wert muss größer oder gleich 1 sein."),
    ("121", "Dieser Wert muss kleiner oder gleich 120 sein."),
    ("zwölf", "Bitte eine ganze Zahl eingeben."),
])
def test_interval_out_of_range_is_refused_with_a_german_error(client, coordinator, value,
                                                              error):
    client.force_login(coordinator)

    response = client.post(reverse("knowledge:category_create"),
                           _category_data(review_interval_months=value))

    assert response.status_code == 200
    assert error in response.content.decode()
    assert f'value="{value}"' in response.content.decode()  # the input is kept
    assert not Category.objects.exists()


def test_database_refuses_an_interval_out_of_range(reader):
    with pytest.raises(IntegrityError), transaction.atomic():
        Category.objects.create(name="Null", slug="null", review_interval_months=0)
    article = article_make(author=reader)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(review_interval_months=121)


def _article_data(category, **extra):
    return {"title": "Scanstrecke", "summary": "Kurz.", "body": "Text.",
            "category": category.pk, "visibility": "internal", "tags": "", **extra}


def test_author_overrides_the_interval_of_an_article(client, reader):
    category = CategoryFactory(review_interval_months=12)
    client.force_login(reader)
    form = client.get(reverse("knowledge:article_create")).content.decode()
    assert "Eigenes Prüfintervall in Monaten" in form
    assert 'name="review_interval_months" min="1" max="120"' in form

    client.post(reverse("knowledge:article_create"),
                _article_data(category, review_interval_months=3))

    article = Article.objects.select_related("category").get()
    assert (article.review_interval_months, article.review_interval) == (3, 3)
    assert article.review_due == add_months(timezone.localdate(), 3)

    client.post(reverse("knowledge:article_edit", args=[article.slug]),
                _article_data(category, review_interval_months="", revision=1))

    article = Article.objects.select_related("category").get()
    assert (article.review_interval_months, article.review_interval) == (None, 12)


def test_article_interval_out_of_range_is_refused(client, reader):
    category = CategoryFactory()
    client.force_login(reader)

    response = client.post(reverse("knowledge:article_create"),
                           _article_data(category, review_interval_months="0"))

    assert "Dieser Wert muss größer oder gleich 1 sein." in response.content.decode()
    assert not Article.objects.exists()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_admin_category_form_has_the_interval(admin_client):
    category = CategoryFactory(name="Vorlagen")
    page = admin_client.get(reverse("admin:knowledge_category_change",
                                    args=[category.pk])).content.decode()
    assert 'name="review_interval_months"' in page
    changelist = admin_client.get(reverse("admin:knowledge_category_changelist"))
    assert "Prüfintervall in Monaten" in changelist.content.decode()


def test_admin_article_shows_check_date_and_confirmations(admin_client, reader):
    article = article_make(author=reader, title="Scanstrecke")
    services.article_confirm_current(article=article, user=reader)

    page = admin_client.get(reverse("admin:knowledge_article_change",
                                    args=[article.pk])).content.decode()
    reviews = admin_client.get(reverse("admin:knowledge_articlereview_changelist"))

    assert "Geprüft am:" in page and 'name="reviewed_at"' not in page  # read-only
    assert 'name="review_interval_months"' in page
    assert "Artikelprüfungen" in page and str(reader) in page
    assert reviews.status_code == 200 and "Scanstrecke" in reviews.content.decode()
    assert ArticleReview.objects.count() == 1
