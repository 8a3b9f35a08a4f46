"""'In einen Wissensartikel übernehmen': an internal article with context, summary and the
counts per question, linked both ways, created once."""

import pytest
from django.urls import reverse

from knowledge.enums import Visibility
from knowledge.models import Article
from polls.models import Poll
from polls.results.services import poll_article_create
from projects.models import Topic
from tests.knowledge.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(name="Erfahrungen aus dem Netzwerk")


def test_confirmation_page_names_the_category_and_shows_a_preview(client, asker, poll,
                                                                   answered, category):
    client.force_login(asker)
    html = client.get(reverse("polls_results:article_create", args=[poll.pk])).content.decode()
    assert "Kategorie des Artikels" in html
    assert "Erfahrungen aus dem Netzwerk" in html
    assert "Ergebnisse der Rundfrage: Welches DMS nutzen Sie?" in html
    assert Article.objects.count() == 0


def test_article_is_created_internal_with_summary_table_and_linked_both_ways(
        client, asker, poll, answered, category):
    topic = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms")
    poll.topics.add(topic)
    Poll.objects.filter(pk=poll.pk).update(summary="Die **Mehrheit** nutzt enaio.")
    client.force_login(asker)
    response = client.post(reverse("polls_results:article_create", args=[poll.pk]),
                           {"category": category.pk}, follow=True)
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse("knowledge:article_detail",
                                                     args=[article.slug])
    poll.refresh_from_db()
    assert poll.article == article
    assert (article.title, article.visibility, article.category, article.author,
            article.administration) == (
        "Ergebnisse der Rundfrage: Welches DMS nutzen Sie?", Visibility.INTERNAL, category,
        asker, asker.administration)
    assert list(article.topics.all()) == [topic]
    assert article.summary.startswith("Was 3 von 5 befragten Verwaltungen auf die Rundfrage "
                                      "von Landkreis Neuwied geantwortet haben")
    body = article.body
    assert "## Hintergrund\n\nWir planen eine **Ausschreibung**." in body
    assert "## Zusammenfassung\n\nDie **Mehrheit** nutzt enaio." in body
    assert "### 1. Welches DMS nutzen Sie?" in body
    assert "| enaio | 2 |" in body
    assert "| Sonstiges | 1 |" in body
    assert "| Median | 120 |" in body
    assert "| kleinster Wert | 45,5 |" in body
    assert "| Freitextantworten | 2 |" in body
    assert "| Keine Angabe möglich | 1 |" in body
    # Counts only: no single administration's text.
    assert "Personalrat" not in body and "Eigenentwicklung" not in body
    html = response.content.decode()
    assert "Der Wissensartikel ist angelegt (intern)." in html
    assert "Aus der Rundfrage" in html
    assert reverse("polls_results:results", args=[poll.pk]) in html
    assert "<h3>1. Welches DMS nutzen Sie?</h3>" in html
    assert "<td>enaio</td>" in html  # the Markdown table is rendered as a table


def test_second_click_shows_the_existing_article(client, asker, coordinator, poll, answered,
                                                  category):
    client.force_login(asker)
    url = reverse("polls_results:article_create", args=[poll.pk])
    client.post(url, {"category": category.pk})
    article = Article.objects.get()
    client.force_login(coordinator)
    again = client.post(url, {"category": category.pk}, follow=True)
    assert Article.objects.count() == 1
    assert again.redirect_chain[-1][0] == reverse("knowledge:article_detail",
                                                  args=[article.slug])
    assert "Aus dieser Rundfrage wurde bereits ein Wissensartikel angelegt." in \
        again.content.decode()
    page = client.get(url, follow=True)
    assert page.redirect_chain[-1][0] == reverse("knowledge:article_detail",
                                                 args=[article.slug])


def test_service_creates_once_even_with_a_stale_poll(asker, poll, answered, category):
    stale = Poll.objects.get(pk=poll.pk)
    first, created = poll_article_create(poll=poll, user=asker, category=category)
    second, created_again = poll_article_create(poll=stale, user=asker, category=category)
    assert (created, created_again, second) == (True, False, first)
    assert Article.objects.count() == 1


def test_coordinator_credits_the_asking_administration(coordinator, poll, answered, category):
    article, _created = poll_article_create(poll=poll, user=coordinator, category=category)
    assert (article.author, article.administration) == (coordinator, poll.administration)


def test_article_page_hides_the_poll_from_visitors_when_made_public(client, asker, poll,
                                                                    answered, category):
    article, _created = poll_article_create(poll=poll, user=asker, category=category)
    Article.objects.filter(pk=article.pk).update(visibility=Visibility.PUBLIC)
    html = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()
    assert "Ergebnisse der Rundfrage" in html
    assert "Aus der Rundfrage" not in html
    assert "/ergebnisse/" not in html
