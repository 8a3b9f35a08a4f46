"""What knowledge adds to notifications: articles can be followed (by whoever may open
them), and authors follow their own articles by default."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications.registry import (
    DefaultFollow,
    default_follow_register,
    followable_register,
    model_followable,
)

from .models import Article


def _authors(pks: list[int]):
    return Article.objects.filter(pk__in=pks, author__isnull=False).values_list("pk", "author_id")


def _written_by(user):
    return Article.objects.filter(author=user).values_list("pk", flat=True)


def register() -> None:
    """Called once from KnowledgeConfig.ready()."""
    followable_register(model_followable(
        Article, _("Artikel"), queryset_for=Article.objects.visible_to,
        url=lambda article: reverse("knowledge:article_detail", kwargs={"slug": article.slug})))
    default_follow_register(DefaultFollow("knowledge.article", followers=_authors,
                                          followed_by=_written_by))
