"""Reads of the categories."""

from django.db.models import Count, QuerySet

from ..models import Category, listed_q


def categories_with_counts(user) -> QuerySet[Category]:
    """Categories in their order, each with `article_count` of the articles the user finds
    in lists."""
    return Category.objects.annotate(
        article_count=Count("articles", filter=listed_q(user, "articles__"))
    ).order_by("position", "name")
