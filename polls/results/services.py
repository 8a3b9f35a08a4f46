"""Writes of the results: the asker's summary and the knowledge article made from the
results. Each checks its permission (polls.rules) on the poll as stored."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from common.permissions import permission_check
from knowledge.articles.services import article_create
from knowledge.enums import Visibility
from knowledge.models import Article, Category
from members.rules import is_coordinator

from ..models import Poll
from .article_text import article_body, article_summary, article_title
from .selectors import poll_results


@transaction.atomic
def poll_summary_save(*, poll: Poll, user, summary: str, public: bool) -> Poll:
    """Save the asker's summary; published, it is the one thing visitors may read."""
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    permission_check(user, "polls.manage_poll", poll)
    summary = summary.strip()
    if public and not summary:
        raise ValueError("an empty summary cannot be published")
    poll.summary = summary
    poll.summary_public = public
    poll.save(update_fields=["summary", "summary_public", "updated_at"])
    return poll


@transaction.atomic
def poll_article_create(*, poll: Poll, user, category: Category) -> tuple[Article, bool]:
    """Turn the results into an internal knowledge article, once: the article, and whether
    it was created now (False: the poll already had one, which is returned instead)."""
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    permission_check(user, "polls.manage_poll", poll)
    if poll.article_id is not None:
        return poll.article, False
    results = poll_results(poll)
    # The asking administration contributes the article; the coordination office may
    # credit it, others write for their own administration.
    administration = None
    if poll.administration is not None and (
            poll.administration_id == user.administration_id or is_coordinator(user)):
        administration = poll.administration
    article = article_create(
        author=user, title=article_title(poll), summary=article_summary(poll, results),
        body=article_body(poll, results), category=category, visibility=Visibility.INTERNAL,
        administration=administration, topics=list(poll.topics.all()),
        message=_("Aus der Rundfrage übernommen"))
    poll.article = article
    poll.save(update_fields=["article", "updated_at"])
    return article, True
