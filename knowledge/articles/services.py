"""Writes of articles: create and update (each save a new revision), restore, archive, and
the confirmation that an article is still current (a check without a new revision).

Each checks its permission (knowledge.rules) on the article as stored, whoever calls it.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from common.slugs import slug_save
from notifications.services import notifications_dispatch_after_commit

from ..models import Article, ArticleReview, ArticleRevision

REVISED_FIELDS = ("title", "summary", "body")


class ArticleConflict(Exception):
    """Someone else saved the article after the editor opened it."""

    def __init__(self, article: Article):
        super().__init__(article.pk)
        self.article = article


def _revision_add(*, article: Article, user, message: str,
                  restored_from: int | None = None) -> ArticleRevision:
    article.revision_number += 1
    # Whoever saves a revision has looked at the content: it counts as a check.
    article.reviewed_at = timezone.localdate()
    Article.objects.filter(pk=article.pk).update(revision_number=article.revision_number,
                                                 reviewed_at=article.reviewed_at)
    revision = ArticleRevision.objects.create(
        article=article, number=article.revision_number, title=article.title,
        summary=article.summary, body=article.body, author=user, message=message[:200],
        restored_from=restored_from)
    # Followers of the article, its topics and its administration hear of it.
    notifications_dispatch_after_commit()
    return revision


def _relations_set(article: Article, *, tags, topics, joint_projects, meetings) -> None:
    if tags is not None:
        article.tags.set(list(tags), clear=False)
    if topics is not None:
        article.topics.set(topics)
    if joint_projects is not None:
        article.joint_projects.set(joint_projects)
    if meetings is not None:
        article.meetings.set(meetings)


@transaction.atomic
def article_create(*, author, title: str, summary: str, body: str, category, visibility: str,
                   administration=None, slug: str = "", tags: Iterable[str] = (),
                   review_interval_months: int | None = None,
                   topics: Iterable = (), joint_projects: Iterable = (),
                   meetings: Iterable = (), message: str = "") -> Article:
    """Create an article and its first revision; the author's administration contributes it
    unless the coordination office credits another one."""
    permission_check(author, "knowledge.add_article")
    if administration is None:
        administration = author.administration
    elif administration.pk != author.administration_id:
        permission_check(author, "knowledge.credit_administration")
    article = Article(
        title=title, slug=slug, summary=summary, body=body, category=category,
        visibility=visibility, author=author, administration=administration,
        review_interval_months=review_interval_months)
    # "E-Akte einführen" → "e-akte-einfuehren", "e-akte-einfuehren-2" … (race-free)
    slug_save(article, source=title, fallback="artikel")
    _relations_set(article, tags=tags, topics=topics, joint_projects=joint_projects,
                   meetings=meetings)
    _revision_add(article=article, user=author, message=message or _("Erste Fassung"))
    return article


@transaction.atomic
def article_update(*, article: Article, user, expected_revision: int | None, message: str = "",
                   tags: Iterable[str] | None = None, topics: Iterable | None = None,
                   joint_projects: Iterable | None = None, meetings: Iterable | None = None,
                   **fields) -> Article:
    """Save changed fields as a new revision; refuse if another save came in between.

    `expected_revision` is the revision the editor started from (None skips the check).
    Rights follow the stored article, not the changes: an editor cannot hand an article to
    another administration (knowledge.credit_administration).
    """
    current = Article.objects.select_for_update().get(pk=article.pk)
    permission_check(user, "knowledge.change_article", current)
    if "administration" in fields and _pk(fields["administration"]) != current.administration_id:
        permission_check(user, "knowledge.credit_administration")
    if expected_revision is not None and current.revision_number != expected_revision:
        raise ArticleConflict(current)
    for name, value in fields.items():
        setattr(article, name, value)
    article.revision_number = current.revision_number
    article.save()
    _relations_set(article, tags=tags, topics=topics, joint_projects=joint_projects,
                   meetings=meetings)
    _revision_add(article=article, user=user, message=message)
    return article


def _pk(instance) -> int | None:
    return instance.pk if instance is not None else None


@transaction.atomic
def article_restore(*, article: Article, revision: ArticleRevision, user) -> ArticleRevision:
    """Make an old revision's text current again; the restore is itself a new revision."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if revision.article_id != article.pk:
        raise ValueError(f"revision {revision.pk} is not one of article {article.pk}")
    revision.article = article  # the locked row: is it still not the current revision?
    permission_check(user, "knowledge.restore_revision", revision)
    for name in REVISED_FIELDS:
        setattr(article, name, getattr(revision, name))
    article.save()
    message = _("Version %(number)s wiederhergestellt") % {"number": revision.number}
    return _revision_add(article=article, user=user, message=message,
                         restored_from=revision.number)


@transaction.atomic
def article_confirm_current(*, article: Article, user) -> ArticleReview:
    """Record that `user` checked the article and found it current: "geprüft am" becomes
    today, so the next check is due one interval later; no new revision."""
    current = Article.objects.select_for_update().select_related("category").get(pk=article.pk)
    permission_check(user, "knowledge.confirm_current", current)
    now = timezone.now()
    article.reviewed_at = current.reviewed_at = timezone.localdate(now)
    # Only this field: the article's "zuletzt geändert" stays, it was not changed.
    current.save(update_fields=["reviewed_at"])
    return ArticleReview.objects.create(article=current, user=user, reviewed_at=now)


def article_archive(*, article: Article, user) -> Article:
    """Take an article out of lists and search; member staff can still open it."""
    permission_check(user, "knowledge.archive_article", article)
    article.archived_at = timezone.now()
    article.save(update_fields=["archived_at", "updated_at"])
    return article


def article_unarchive(*, article: Article, user) -> Article:
    """Bring an archived article back into lists and search."""
    permission_check(user, "knowledge.unarchive_article", article)
    article.archived_at = None
    article.save(update_fields=["archived_at", "updated_at"])
    return article
