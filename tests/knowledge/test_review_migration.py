"""Migration knowledge 0002: existing articles get "geprüft am" from their newest revision
(its day in Europe/Berlin), else from their last change, keep everything else, and
categories get the 12-month interval."""

from datetime import UTC, date, datetime

import pytest

from tests.migrating import migrate

BEFORE = [("knowledge", "0001_initial")]
AFTER = [("knowledge", "0002_review_dates")]


@pytest.fixture
def before_review_dates(transactional_db):
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate()


def test_existing_articles_are_checked_on_their_last_revision_day(before_review_dates):
    old = before_review_dates
    category = old.get_model("knowledge", "Category").objects.create(name="Vorlagen",
                                                                     slug="vorlagen")
    articles = old.get_model("knowledge", "Article").objects
    revisions = old.get_model("knowledge", "ArticleRevision").objects
    revised = articles.create(title="E-Akte", slug="e-akte", summary="Kurz.", body="Text v2",
                              category=category, revision_number=2)
    for number, moment in [(1, datetime(2024, 1, 10, 9, tzinfo=UTC)),
                           # 23:30 UTC is already the next day in Berlin
                           (2, datetime(2025, 3, 2, 23, 30, tzinfo=UTC))]:
        revision = revisions.create(article=revised, number=number, title="E-Akte",
                                    summary="Kurz.", body=f"Text v{number}")
        revisions.filter(pk=revision.pk).update(created_at=moment)
    bare = articles.create(title="Ohne Versionen", slug="ohne", summary="S.", body="B.",
                           category=category)
    articles.filter(pk=bare.pk).update(updated_at=datetime(2023, 6, 30, 12, tzinfo=UTC))

    new = migrate(AFTER).loader.project_state(AFTER).apps

    stored = new.get_model("knowledge", "Article").objects
    assert stored.get(pk=revised.pk).reviewed_at == date(2025, 3, 3)
    assert stored.get(pk=bare.pk).reviewed_at == date(2023, 6, 30)
    kept = stored.get(pk=revised.pk)
    assert (kept.title, kept.body, kept.revision_number, kept.review_interval_months) == (
        "E-Akte", "Text v2", 2, None)
    assert new.get_model("knowledge", "ArticleRevision").objects.count() == 2
    assert new.get_model("knowledge", "Category").objects.get().review_interval_months == 12
