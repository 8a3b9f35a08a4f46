"""Posting, the 15-minute rule, errors that keep the typed text, double submits, the
comment section on joint project and topic pages, and its constant number of queries."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.services import CommentEditExpired, comment_edit, comment_post
from comments.signals import comment_posted
from projects.models import JointProject
from tests.comments.helpers import comment_make, public_article, section
from tests.factories import UserFactory
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

EXPIRED = "nur in den ersten 15 Minuten nach dem Schreiben ändern"


def _article_url(article) -> str:
    return reverse("knowledge:article_detail", args=[article.slug])


def test_edit_link_shown_within_15_minutes(client, reader):
    article = public_article(reader)
    comment = comment_make(author=reader, target=article, minutes_ago=14)
    client.force_login(reader)

    page = section(client.get(_article_url(article)).content.decode())

    assert reverse("comments:edit", args=[comment.pk]) in page


def test_edit_after_15_minutes_link_gone_and_refused(client, reader):
    article = public_article(reader)
    comment = comment_make(author=reader, target=article, body="Alt.", minutes_ago=16)
    client.force_login(reader)

    page = section(client.get(_article_url(article)).content.decode())
    shown = client.get(reverse("comments:edit", args=[comment.pk]), follow=True)
    posted = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Neu."})

    assert reverse("comments:edit", args=[comment.pk]) not in page
    # The author may still delete it.
    assert reverse("comments:delete", args=[comment.pk]) in page
    assert EXPIRED in shown.content.decode()
    assert EXPIRED in posted.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Alt." and comment.edited_at is None


def test_edit_service_refuses_after_window(reader):
    comment = comment_make(author=reader, target=public_article(reader), minutes_ago=16)

    with pytest.raises(CommentEditExpired):
        comment_edit(user=reader, comment=comment, body="Zu spät.")


def test_edit_window_ends_while_form_is_open(client, reader):
    # The form was opened in time, but sent after the window: the typed text is kept.
    comment = comment_make(author=reader, target=public_article(reader), minutes_ago=14)
    client.force_login(reader)
    client.get(reverse("comments:edit", args=[comment.pk]))
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=1))

    response = client.post(reverse("comments:edit", args=[comment.pk]),
                           {"body": "Mein neuer Text"})

    page = response.content.decode()
    assert response.status_code == 200
    assert EXPIRED in page
    assert "Mein neuer Text" in page
    comment.refresh_from_db()
    assert comment.body == "Danke für den Überblick!"


def test_post_with_error_keeps_typed_text(client, reader):
    article = public_article(reader)
    client.force_login(reader)
    too_long = "Ä" * 5001

    response = client.post(reverse("comments:create", args=["knowledge.article", article.pk]),
                           {"body": too_long})

    page = response.content.decode()
    assert response.status_code == 200
    assert "höchstens 5000 Zeichen" in page
    assert too_long in page
    assert f"Zurück zu „{article.title}“" in page
    assert not Comment.objects.exists()


def test_post_empty_shows_german_error(client, reader):
    article = public_article(reader)
    client.force_login(reader)

    response = client.post(reverse("comments:create", args=["knowledge.article", article.pk]),
                           {"body": "   "})

    assert "Bitte schreiben Sie einen Kommentar." in response.content.decode()
    assert not Comment.objects.exists()


def test_double_submit_posts_once_and_signals_once(client, reader):
    article = public_article(reader)
    client.force_login(reader)
    received = []

    def receiver(sender, comment, mentioned_administrations, **kwargs):
        received.append(comment.pk)

    comment_posted.connect(receiver)
    try:
        url = reverse("comments:create", args=["knowledge.article", article.pk])
        data = {"body": "Einmal bitte.", "_once": "0123456789abcdef0123456789abcdef"}
        first = client.post(url, data)
        second = client.post(url, data)
    finally:
        comment_posted.disconnect(receiver)

    assert first.status_code == 302 and second.status_code == 303
    assert Comment.objects.filter(body="Einmal bitte.").count() == 1
    assert received == [Comment.objects.get().pk]


def test_unknown_kind_or_missing_target_is_404(client, reader):
    article = public_article(reader)
    client.force_login(reader)

    unknown = client.post(reverse("comments:create", args=["members.user", reader.pk]),
                          {"body": "x"})
    missing = client.post(reverse("comments:create", args=["knowledge.article", 10**15]),
                          {"body": "x"})
    huge = client.get(f"/kommentare/knowledge.article/{article.pk}99999999999999999999/neu/")

    assert unknown.status_code == 404
    assert missing.status_code == 404
    assert huge.status_code == 404
    assert not Comment.objects.exists()


def test_service_refuses_visitor_and_deactivated(reader):
    article = public_article(reader)
    gone = UserFactory(administration=reader.administration, is_active=False)

    for user in (AnonymousUser(), gone):
        with pytest.raises(PermissionDenied):
            comment_post(user=user, target=article, body="Hallo")
    assert not Comment.objects.exists()


def test_comment_link_leads_to_its_place(client, reader):
    article = public_article(reader)
    comment = comment_make(author=reader, target=article)
    client.force_login(reader)

    response = client.get(reverse("comments:comment", args=[comment.pk]))

    assert response["Location"] == _article_url(article) + f"#kommentar-{comment.pk}"


def test_comment_link_refused_to_visitors(client, reader):
    comment = comment_make(author=reader, target=public_article(reader))

    response = client.get(reverse("comments:comment", args=[comment.pk]))

    assert response.status_code == 403


def test_joint_project_and_topic_pages_have_comments(client, reader, administration):
    project = JointProject.objects.create(title="Digitale Bauakte", slug="digitale-bauakte",
                                          goal="Gemeinsam", lead=administration)
    topic = make_topic(name="Dokumentenmanagementsystem", slug="dms")
    comment_make(author=reader, target=project, body="Wir sind dabei.")
    comment_make(author=reader, target=topic, body="Wer nutzt welches DMS?")
    client.force_login(reader)

    project_page = section(client.get(project.get_absolute_url()).content.decode())
    topic_page = section(client.get(topic.get_absolute_url()).content.decode())
    client.logout()
    visitor_topic_page = client.get(topic.get_absolute_url()).content.decode()

    assert "Wir sind dabei." in project_page
    assert "Wer nutzt welches DMS?" in topic_page
    assert "(MYK)" in topic_page
    assert "Wer nutzt welches DMS?" not in visitor_topic_page


def test_section_queries_do_not_grow(client, reader, other_editor):
    one, many = public_article(reader, title="Eins"), public_article(reader, title="Viele")
    comment_make(author=reader, target=one, body="Kommentar an @NR und @MYK")
    for number in range(30):
        comment_make(author=reader if number % 2 else other_editor, target=many,
                     body=f"Kommentar {number} an @NR und @MYK")
    client.force_login(reader)
    counts, sections = [], []
    for article in (one, many):
        client.get(_article_url(article))  # warm caches (content types, session)
        with CaptureQueriesContext(connection) as context:
            response = client.get(_article_url(article))
        counts.append(len(context.captured_queries))
        sections.append(section(response.content.decode()))

    assert sections[0].count('class="comment"') == 1
    assert sections[1].count('class="comment"') == 30
    assert sections[1].count(f'href="{other_editor.administration.get_absolute_url()}"') == 30
    assert counts[0] == counts[1]


def test_comment_headings_sit_below_the_section_heading(client, reader):
    article = public_article(reader)
    comment_make(author=reader, target=article, body="# Frage\n\nZeile eins\nZeile zwei")
    client.force_login(reader)

    page = section(client.get(_article_url(article)).content.decode())

    assert "<h3>Frage</h3>" in page
    assert "Zeile eins<br>\nZeile zwei" in page
