"""From recent changes to notifications: followers only, member staff only, exactly once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.enums import MinutesState
from meetings.models import Minutes
from notifications.collector import notifications_collect
from notifications.models import Notification
from notifications.selectors import followers_of
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import article_make
from tests.meetings.test_reminders import make_group, make_meeting

from .helpers import follow, make_project, make_topic

pytestmark = pytest.mark.django_db


def rows(user):
    return list(Notification.objects.filter(user=user).order_by("pk").values_list(
        "kind", "title", "target_label", "url"))


def test_collect_notifies_topic_followers_of_a_new_article_exactly_once(reader, other_editor):
    dms = make_topic()
    follow(reader, dms)
    article = article_make(author=other_editor, title="DMS-Auswahl im Landkreis Neuwied",
                           topics=[dms])

    first = notifications_collect()
    assert notifications_collect() == 0  # beat fires again: nothing new
    # The reader; not the author, who follows their article by default but wrote it.
    assert first == Notification.objects.count() == 1
    assert rows(reader) == [("articles", "DMS-Auswahl im Landkreis Neuwied",
                             "Thema: Dokumentenmanagementsystem",
                             f"/wissen/artikel/{article.slug}/")]


def test_collect_leaves_out_people_who_follow_nothing_concerned(reader, other_editor):
    follow(reader, make_topic())
    article_make(author=other_editor, title="Ohne Thema")

    notifications_collect()

    assert rows(reader) == []


def test_collect_notifies_only_active_member_staff(administration, other_editor):
    dms = make_topic()
    gone = UserFactory(administration=administration, is_active=False)
    outsider = UserFactory(administration=None)  # an account of no administration
    active = UserFactory(administration=administration)
    for person in (gone, outsider, active):
        follow(person, dms)
    article_make(author=other_editor, title="DMS", topics=[dms])

    notifications_collect()

    assert set(Notification.objects.values_list("user_id", flat=True)) == {active.pk}


def test_collect_by_default_follow_of_the_working_group(reader, administration):
    group = make_group(administration)
    meeting = make_meeting(group, starts_at=timezone.now() - timedelta(days=3),
                           title="Quartalstreffen")
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=timezone.now())

    notifications_collect()

    assert [(kind, title) for kind, title, _label, _url in rows(reader)] == [
        ("minutes_published", "Quartalstreffen")]
    assert rows(reader)[0][2] == f"Arbeitsgruppe: {group.name}"


def test_collect_respects_an_unfollowed_default(reader, administration):
    group = make_group(administration)
    follow(reader, group, muted=True)
    meeting = make_meeting(group, starts_at=timezone.now() - timedelta(days=3))
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=timezone.now())

    notifications_collect()

    assert rows(reader) == []


def test_collect_new_joint_project_reaches_followers_of_its_topic_and_lead(
        reader, editor, other_administration):
    dms = make_topic()
    follow(reader, dms)
    follow(editor, other_administration)
    make_project(other_administration, title="Gemeinsames DMS", topics=[dms])

    notifications_collect()

    assert [row[2] for row in rows(reader)] == ["Thema: Dokumentenmanagementsystem"]
    assert [row[2] for row in rows(editor)] == ["Verwaltung: Landkreis Neuwied"]


def test_collect_reads_back_a_margin_but_not_the_whole_history(reader, other_editor):
    dms = make_topic()
    follow(reader, dms)
    old = article_make(author=other_editor, title="Alter Artikel", topics=[dms])
    old.created_at = timezone.now() - timedelta(days=30)
    old.save(update_fields=["created_at"])
    notifications_collect()
    # A change whose transaction committed after the run, stamped before it.
    late = article_make(author=other_editor, title="Spät gespeichert", topics=[dms])
    late.created_at = timezone.now() - timedelta(minutes=5)
    late.save(update_fields=["created_at"])

    notifications_collect()

    assert sorted(row[1] for row in rows(reader)) == ["Spät gespeichert"]


def test_followers_of_combines_rows_and_defaults(reader, editor, administration):
    other = AdministrationFactory()
    follow(editor, other)
    follow(reader, administration, muted=True)
    key, other_key = (f"members.administration:{administration.pk}",
                      f"members.administration:{other.pk}")

    found = followers_of({key, other_key})

    assert found[key] == {editor.pk}
    assert found[other_key] == {editor.pk}


def test_new_article_collects_after_commit_once_per_transaction(
        reader, other_editor, django_capture_on_commit_callbacks):
    from django.db import transaction

    dms = make_topic()
    follow(reader, dms)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        article_make(author=other_editor, title="Erster", topics=[dms])
        article_make(author=other_editor, title="Zweiter", topics=[dms])

    assert len([c for c in callbacks if c.__name__ == "_dispatch"]) == 1
    assert sorted(row[1] for row in rows(reader)) == ["Erster", "Zweiter"]


def test_collect_notifies_followers_of_every_revision_once(reader, editor, other_editor):
    from knowledge.articles.services import article_restore, article_update

    dms = make_topic()
    follow(reader, dms)
    article = article_make(author=other_editor, title="DMS-Auswahl", topics=[dms])
    notifications_collect()
    follow(editor, article)

    article_update(article=article, user=other_editor, expected_revision=1,
                   message="Kosten ergänzt", body="Mit **Kosten**.")
    # The topic's follower and the article's; not the author, who made the revision.
    assert notifications_collect() == 2
    assert notifications_collect() == 0  # a second beat: nothing twice
    article_restore(article=article, revision=article.revisions.get(number=1),
                    user=other_editor)
    notifications_collect()

    assert rows(reader) == [
        ("articles", "DMS-Auswahl", "Thema: Dokumentenmanagementsystem",
         f"/wissen/artikel/{article.slug}/"),
        ("articles_revised", "DMS-Auswahl (Version 2)", "Thema: Dokumentenmanagementsystem",
         f"/wissen/artikel/{article.slug}/"),
        ("articles_revised", "DMS-Auswahl (Version 3)", "Thema: Dokumentenmanagementsystem",
         f"/wissen/artikel/{article.slug}/")]
    assert [row[:3] for row in rows(editor)] == [
        ("articles_revised", "DMS-Auswahl (Version 2)", "Artikel: DMS-Auswahl"),
        ("articles_revised", "DMS-Auswahl (Version 3)", "Artikel: DMS-Auswahl")]
    assert Notification.objects.get(user=reader, kind="articles_revised",
                                    title__endswith="2)").kind_label == "Artikel überarbeitet"


def test_revisions_of_an_archived_article_notify_nobody(reader, other_editor):
    from knowledge.articles.services import article_update
    from knowledge.models import Article

    dms = make_topic()
    follow(reader, dms)
    article = article_make(author=other_editor, title="Veraltet", topics=[dms])
    Article.objects.filter(pk=article.pk).update(archived_at=timezone.now())
    article.refresh_from_db()
    article_update(article=article, user=other_editor, expected_revision=1, body="Neu")

    notifications_collect()

    assert rows(reader) == []
    assert not Notification.objects.filter(kind="articles_revised").exists()


def test_a_burst_of_changes_queues_one_collector_run_until_it_starts(settings):
    from datetime import timedelta

    from notifications import services
    from notifications.models import CollectorState

    assert services._dispatch_claim() is True  # the first change queues a run
    assert services._dispatch_claim() is False  # the next ones find it queued
    assert services._dispatch_claim() is False
    services.dispatch_marker_clear()  # the run starts: later changes need another one
    assert services._dispatch_claim() is True
    CollectorState.objects.filter(key=services.DISPATCH_MARKER).update(
        watermark=timezone.now() - timedelta(minutes=3))
    assert services._dispatch_claim() is True  # a lost task holds nothing back


@pytest.mark.django_db(transaction=True)
def test_the_task_clears_the_marker_when_it_runs(reader, other_editor):
    from notifications.models import CollectorState

    dms = make_topic()
    follow(reader, dms)
    for title in ("Erster", "Zweiter"):  # two transactions, each committed
        article_make(author=other_editor, title=title, topics=[dms])

    # Tasks run in-process here: each commit's run started (and cleared the marker) at once.
    assert sorted(row[1] for row in rows(reader)) == ["Erster", "Zweiter"]
    assert not CollectorState.objects.filter(key="dispatch-queued").exists()


def test_nobody_is_notified_of_their_own_change(reader, coordinator, other_editor):
    from knowledge.articles.services import article_update

    dms = make_topic()
    follow(reader, dms)
    follow(other_editor, dms)
    article = article_make(author=other_editor, title="Eigener Artikel", topics=[dms])
    article_update(article=article, user=coordinator, expected_revision=1, body="Ergänzt")
    article_update(article=article, user=other_editor, expected_revision=2, body="Korrigiert")

    notifications_collect()

    # The author hears of the revision someone else made, not of their own two changes.
    assert [row[1] for row in rows(other_editor)] == ["Eigener Artikel (Version 2)"]
    assert sorted(row[1] for row in rows(reader)) == [
        "Eigener Artikel", "Eigener Artikel (Version 2)", "Eigener Artikel (Version 3)"]
