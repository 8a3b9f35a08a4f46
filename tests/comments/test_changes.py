"""The change source "comments": new comments as recent changes, one query, only for member
staff, only on things the person may open, with the commented thing as target (followers
of it are notified)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.changes import comments_new_changes
from comments.models import Comment
from comments.registry import commentable_register, commentable_unregister
from comments.services import comment_delete, comment_hide
from common.changes import recent_changes
from knowledge.enums import Visibility
from members.models import Administration
from projects.models import JointProject
from tests.comments.helpers import comment_make, public_article
from tests.knowledge.factories import article_make
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


def test_change_records_name_the_commented_thing(reader, administration):
    article = public_article(reader, title="DMS im Vergleich")
    topic = make_topic(name="Dokumentenmanagementsystem", slug="dms")
    first = comment_make(author=reader, target=article, minutes_ago=5)
    second = comment_make(author=reader, target=topic)

    changes = comments_new_changes(reader, 10)

    assert [(c.object_key, c.title, c.url, c.targets, c.administration, c.public, c.kind)
            for c in changes] == [
        (f"comments.comment:{second.pk}", "Kommentar zu „Dokumentenmanagementsystem“",
         reverse("comments:comment", args=[second.pk]), (f"projects.topic:{topic.pk}",),
         "Landkreis Mayen-Koblenz", False, "comments"),
        (f"comments.comment:{first.pk}", "Kommentar zu „DMS im Vergleich“",
         reverse("comments:comment", args=[first.pk]), (f"knowledge.article:{article.pk}",),
         "Landkreis Mayen-Koblenz", False, "comments"),
    ]
    assert changes[0].when == Comment.objects.get(pk=second.pk).created_at


def test_change_source_is_registered(reader):
    comment = comment_make(author=reader, target=public_article(reader))

    keys = [change.object_key for change in recent_changes(reader, kinds=["comments"])]

    assert keys == [f"comments.comment:{comment.pk}"]


def test_visitors_get_no_comment_changes(reader):
    comment_make(author=reader, target=public_article(reader))

    assert comments_new_changes(AnonymousUser(), 10) == []


def test_deleted_and_hidden_comments_are_no_news(reader, coordinator):
    article = public_article(reader)
    deleted = comment_make(author=reader, target=article)
    hidden = comment_make(author=reader, target=article)
    kept = comment_make(author=reader, target=article)
    comment_delete(user=reader, comment=deleted)
    comment_hide(user=coordinator, comment=hidden, reason="Werbung")

    keys = [change.object_key for change in comments_new_changes(reader, 10)]

    assert keys == [f"comments.comment:{kept.pk}"]


def test_since_and_limit(reader):
    article = public_article(reader)
    comment_make(author=reader, target=article, minutes_ago=60)
    newer = [comment_make(author=reader, target=article, minutes_ago=minutes)
             for minutes in (3, 2, 1)]

    since = comments_new_changes(reader, 10, timezone.now() - timedelta(minutes=30))
    limited = comments_new_changes(reader, 2)

    assert [c.object_key for c in since] == [f"comments.comment:{c.pk}" for c in newer[::-1]]
    assert len(limited) == 2


def test_scoped_by_each_kinds_rule_in_one_query(reader, other_editor, administration,
                                                other_administration):
    # A kind whose rule lets people see only their own administration's page.
    commentable_register(
        "members.Administration",
        visible_to=lambda user, item: item.pk == user.administration_id,
        visible=lambda user: Administration.objects.filter(pk=user.administration_id),
        url=lambda item: item.get_absolute_url(), title_field="name")
    try:
        own = comment_make(author=reader, target=administration)
        other = comment_make(author=other_editor, target=other_administration)
        project = JointProject.objects.create(title="Bauakte", slug="bauakte", goal="x",
                                              lead=administration)
        on_project = comment_make(author=other_editor, target=project)
        internal = article_make(author=reader, visibility=Visibility.INTERNAL, title="Intern")
        on_internal = comment_make(author=reader, target=internal)

        with CaptureQueriesContext(connection) as queries:
            keys = {change.object_key for change in comments_new_changes(reader, 10)}
    finally:
        commentable_unregister("members.Administration")

    assert len(queries.captured_queries) == 1
    assert keys == {f"comments.comment:{c.pk}" for c in (own, on_project, on_internal)}
    assert f"comments.comment:{other.pk}" not in keys


def test_dashboard_lists_a_new_comment_at_once_with_the_cache_on(
        client, reader, cache_on, django_capture_on_commit_callbacks):
    article = public_article(reader, title="DMS im Vergleich")
    client.force_login(reader)
    client.get(reverse("start"))  # the changes are in the cache now

    with django_capture_on_commit_callbacks(execute=True):
        comment_make(author=reader, target=article)
    page = client.get(reverse("start")).content.decode()

    changes = page.split('id="dash-changes"', 1)[1].split("</section>", 1)[0]
    assert "Kommentar zu „DMS im Vergleich“" in changes
