"""Demo data for the content check: the demo articles are checked when last saved, so the
older ones are due and the coordinator's "Zu prüfen" on /wissen/ shows a few; a second run
changes no date."""

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from knowledge import demo
from knowledge.models import Article
from knowledge.reviews import articles_review_due
from meetings import demo as meetings_demo
from members import demo as members_demo
from members.models import User
from projects import demo as projects_demo


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo loaded once for this module and rolled back afterwards."""
    media = tmp_path_factory.mktemp("media")
    today = timezone.localdate()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        members_demo.load()
        meetings_demo.load(today=today)
        projects_demo.load(today=today)
        demo.load(today=today)
    yield {"today": today, "media": media}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(loaded, db, settings):
    settings.MEDIA_ROOT = loaded["media"]
    return loaded


def test_demo_articles_are_checked_on_their_last_save_and_a_few_are_due(demo_db):
    for article in Article.objects.all():
        assert article.reviewed_at == timezone.localdate(article.updated_at), article
    due = list(articles_review_due(demo_db["today"]))
    assert 3 <= len(due) <= 12
    assert len(due) < Article.objects.count() / 2


def test_coordinator_sees_them_under_zu_pruefen(demo_db, client):
    client.force_login(User.objects.get(email="koordination@example.org"))
    page = client.get(reverse("knowledge:index")).content.decode()
    section = page.split('id="zu-pruefen">Zu prüfen</h2>', 1)[1].split("</section>", 1)[0]
    oldest = articles_review_due(demo_db["today"]).first()
    assert oldest.title in section and "Artikel sind fällig" in section


def test_second_run_changes_no_check_date(demo_db):
    before = sorted(Article.objects.values_list("pk", "reviewed_at"))
    demo.load(today=demo_db["today"])
    assert sorted(Article.objects.values_list("pk", "reviewed_at")) == before
