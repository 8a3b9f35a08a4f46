"""Articles can be commented on (comments.registry): member staff who may open an article
read and write its comments."""

from django.urls import reverse

from comments.registry import commentable_register

from .models import Article


def register() -> None:
    """Called once from KnowledgeConfig.ready()."""
    commentable_register(
        "knowledge.Article",
        visible_to=lambda user, article: article.is_visible_to(user),
        visible=lambda user: Article.objects.visible_to(user),
        url=lambda article: reverse("knowledge:article_detail", args=[article.slug]))
