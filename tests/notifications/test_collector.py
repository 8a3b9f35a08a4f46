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
    assert first == Notification.objects.count() == 2  # the reader and (by default) the author
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
    follow(gone, dms)
    follow(outsider, dms)
    article_make(author=other_editor, title="DMS", topics=[dms])

    notifications_collect()

    assert set(Notification.objects.values_list("user_id", flat=True)) == {other_editor.pk}


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

    assert [row[1] for row in rows(reader)] == ["Spät gespeichert"]


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
