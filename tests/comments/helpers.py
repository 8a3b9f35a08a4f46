"""Comment test data: comments are written through the service, as on the site."""

from datetime import timedelta

from django.utils import timezone

from comments.models import Comment
from comments.services import comment_post
from knowledge.enums import Visibility
from tests.knowledge.factories import article_make


def public_article(author, **fields):
    fields.setdefault("title", "DMS im Vergleich")
    return article_make(author=author, visibility=Visibility.PUBLIC, **fields)


def comment_make(*, author, target, body="Danke für den Überblick!", minutes_ago=0) -> Comment:
    comment = comment_post(user=author, target=target, body=body)
    if minutes_ago:
        # Time travel: the comment was written that long ago.
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=minutes_ago))
        comment.refresh_from_db()
    return comment


def section(html: str) -> str:
    """The comment section of a page ("" if the page has none)."""
    if 'id="kommentare"' not in html:
        return ""
    return html.split('id="kommentare"', 1)[1].split("</section>", 1)[0]
