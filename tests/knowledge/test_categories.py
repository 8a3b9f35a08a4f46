"""Categories: the coordination office lists, creates, describes and orders them."""

import pytest
from django.urls import reverse

from knowledge.articles import services
from knowledge.enums import Visibility
from knowledge.models import Category
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db


def _data(**extra):
    data = {"name": "Gute Beispiele", "slug": "", "description": "Was sich bewährt hat.",
            "position": 3}
    data.update(extra)
    return data


def test_category_list_shows_order_descriptions_and_counts(client, coordinator, reader):
    later = CategoryFactory(name="Vorlagen", slug="vorlagen", position=2)
    first = CategoryFactory(name="Gute Beispiele", slug="gute-beispiele", position=1,
                            description="Was sich bewährt hat.")
    article_make(author=reader, category=first)
    article_make(author=reader, category=first, visibility=Visibility.PUBLIC)
    archived = article_make(author=reader, category=later)
    services.article_archive(article=archived, user=coordinator)
    client.force_login(coordinator)

    response = client.get(reverse("knowledge:category_list"))

    page = response.content.decode()
    assert [(c.name, c.position, c.article_count) for c in response.context["categories"]] == [
        ("Gute Beispiele", 1, 2), ("Vorlagen", 2, 0)]
    assert "Was sich bewährt hat." in page
    assert f'href="{reverse("knowledge:category_edit", args=["vorlagen"])}"' in page
    assert f'href="{reverse("knowledge:category_create")}"' in page
    assert 'href="/wissen/kategorien/" aria-current="page">Kategorien</a>' in page


def test_category_create_makes_the_short_address_from_the_name(client, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("knowledge:category_create"),
                           _data(name="Prozesse & Abläufe"))

    category = Category.objects.get()
    assert (category.name, category.slug, category.description, category.position) == (
        "Prozesse & Abläufe", "prozesse-ablaeufe", "Was sich bewährt hat.", 3)
    assert response["Location"] == "/wissen/kategorien/#kategorie-prozesse-ablaeufe"
    page = client.get(response["Location"]).content.decode()
    assert "Die Kategorie „Prozesse &amp; Abläufe“ wurde gespeichert." in page


def test_category_short_address_stays_unique(client, coordinator):
    CategoryFactory(name="Vorlagen alt", slug="vorlagen")
    client.force_login(coordinator)

    client.post(reverse("knowledge:category_create"), _data(name="Vorlagen"))

    assert Category.objects.get(name="Vorlagen").slug == "vorlagen-2"


def test_category_edit_changes_name_order_and_keeps_articles(client, coordinator, reader):
    category = CategoryFactory(name="Vorlagen", slug="vorlagen", position=9)
    article = article_make(author=reader, category=category)
    client.force_login(coordinator)

    page = client.get(reverse("knowledge:category_edit", args=["vorlagen"])).content.decode()
    assert "Kategorie „Vorlagen“ bearbeiten</h1>" in page
    assert 'value="vorlagen"' in page
    client.post(reverse("knowledge:category_edit", args=["vorlagen"]),
                _data(name="Muster und Vorlagen", slug="vorlagen", position=0))

    category.refresh_from_db()
    assert (category.name, category.slug, category.position) == ("Muster und Vorlagen",
                                                                 "vorlagen", 0)
    assert article.category_id == category.pk


def test_category_form_errors_are_german_and_keep_input(client, coordinator):
    CategoryFactory(name="Vorlagen", slug="vorlagen")
    client.force_login(coordinator)

    response = client.post(reverse("knowledge:category_create"),
                           _data(name="Vorlagen", slug="neu", description="Meine Notiz"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Eine Kategorie mit diesem Namen gibt es schon." in page
    assert "Die Kurzadresse „neu“ ist reserviert." in page
    assert "Meine Notiz</textarea>" in page
    assert Category.objects.count() == 1


def test_position_orders_the_categories_on_the_start_page(client, coordinator):
    CategoryFactory(name="Zuerst", slug="zuerst", position=5)
    CategoryFactory(name="Danach", slug="danach", position=7)
    client.force_login(coordinator)

    client.post(reverse("knowledge:category_edit", args=["danach"]),
                _data(name="Danach", slug="danach", position=1))

    response = client.get(reverse("knowledge:index"))
    assert [c.name for c in response.context["categories"]] == ["Danach", "Zuerst"]


def test_category_list_query_count_does_not_grow(client, coordinator, reader,
                                                 django_assert_num_queries):
    CategoryFactory()
    client.force_login(coordinator)
    # Session, user, the administration in the header, the unread notifications (bell),
    # the categories with counts.
    with django_assert_num_queries(5):
        client.get(reverse("knowledge:category_list"))
    for category in CategoryFactory.create_batch(29):
        article_make(author=reader, category=category)
    with django_assert_num_queries(5):
        response = client.get(reverse("knowledge:category_list"))

    assert len(response.context["categories"]) == 30
