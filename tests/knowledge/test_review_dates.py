"""When an article is due for a check: "geprüft am" + the interval (the article's own, else
its category's, default 12 months), the same day on the page (Article.review_due) and in
the queries (knowledge.reviews), and every revision counts as a check."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from knowledge.articles import services
from knowledge.models import Article, Category
from knowledge.review_dates import add_months
from knowledge.reviews import articles_review_due, review_due_expression
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 3, 3), 12, date(2027, 3, 3)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2027, 12, 31), 2, date(2028, 2, 29)),
    (date(2026, 11, 15), 3, date(2027, 2, 15)),
    (date(2026, 5, 31), 120, date(2036, 5, 31)),
])
def test_add_months_clamps_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_new_category_has_twelve_months():
    assert Category.objects.create(name="Neu", slug="neu").review_interval_months == 12


def test_new_article_is_checked_today_and_due_after_the_category_interval(reader):
    article = article_make(author=reader, category=CategoryFactory(review_interval_months=6))

    today = timezone.localdate()
    assert article.reviewed_at == today
    assert article.review_due == add_months(today, 6)
    assert (article.is_review_due, article.is_review_overdue) == (False, False)


def _set_reviewed(article, day):
    Article.objects.filter(pk=article.pk).update(reviewed_at=day)
    article.refresh_from_db()


@pytest.mark.parametrize(("own", "category", "reviewed", "due"), [
    (None, 12, date(2025, 1, 31), date(2026, 1, 31)),
    (None, 1, date(2025, 1, 31), date(2025, 2, 28)),
    (3, 12, date(2025, 11, 30), date(2026, 2, 28)),
    (24, 6, date(2024, 2, 29), date(2026, 2, 28)),
])
def test_due_day_is_the_same_on_the_page_and_in_the_query(reader, own, category, reviewed, due):
    article = article_make(author=reader, category=CategoryFactory(
        review_interval_months=category))
    Article.objects.filter(pk=article.pk).update(review_interval_months=own)
    _set_reviewed(article, reviewed)

    assert article.review_due == due
    assert Article.objects.annotate(due=review_due_expression()).get(pk=article.pk).due == due


def test_due_and_overdue_on_and_after_the_due_day(reader):
    article = article_make(author=reader, category=CategoryFactory(review_interval_months=12))
    today = timezone.localdate()

    _set_reviewed(article, add_months(today, -12))
    assert (article.review_due, article.is_review_due, article.is_review_overdue) == (
        today, True, False)
    _set_reviewed(article, add_months(today, -12) - timedelta(days=1))
    assert (article.is_review_due, article.is_review_overdue) == (True, True)
    _set_reviewed(article, add_months(today, -12) + timedelta(days=1))
    assert (article.is_review_due, article.is_review_overdue) == (False, False)


def test_changing_the_category_interval_moves_the_due_day_of_its_articles(reader):
    category = CategoryFactory(review_interval_months=24)
    article = article_make(author=reader, category=category)
    _set_reviewed(article, add_months(timezone.localdate(), -13))
    assert list(articles_review_due(timezone.localdate())) == []

    Category.objects.filter(pk=category.pk).update(review_interval_months=12)

    assert [a.pk for a in articles_review_due(timezone.localdate())] == [article.pk]


def test_due_list_leaves_archived_articles_out_and_puts_the_longest_due_first(
        reader, coordinator):
    category = CategoryFactory(review_interval_months=12)
    today = timezone.localdate()
    older, newer, fresh, archived = (article_make(author=reader, title=title, category=category)
                                     for title in ("Alt", "Neuer", "Frisch", "Archiviert"))
    _set_reviewed(older, add_months(today, -30))
    _set_reviewed(newer, add_months(today, -12))
    _set_reviewed(fresh, add_months(today, -11))
    _set_reviewed(archived, add_months(today, -40))
    services.article_archive(article=archived, user=coordinator)

    due = list(articles_review_due(today))

    assert [(a.title, a.due) for a in due] == [("Alt", add_months(today, -18)),
                                               ("Neuer", today)]


def test_every_revision_counts_as_a_check(reader):
    article = article_make(author=reader, body="Erste Fassung.")
    _set_reviewed(article, date(2020, 5, 4))

    services.article_update(article=article, user=reader, expected_revision=1,
                            body="Zweite Fassung.")

    article.refresh_from_db()
    assert (article.revision_number, article.reviewed_at) == (2, timezone.localdate())


def test_restoring_a_revision_counts_as_a_check(reader):
    article = article_make(author=reader, body="Erste Fassung.")
    services.article_update(article=article, user=reader, expected_revision=1, body="Zweite.")
    _set_reviewed(article, date(2020, 5, 4))

    services.article_restore(article=article, revision=article.revisions.get(number=1),
                             user=reader)

    article.refresh_from_db()
    assert (article.revision_number, article.reviewed_at) == (3, timezone.localdate())
