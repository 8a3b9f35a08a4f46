"""Writes of the categories."""

from django.db import transaction

from common.permissions import permission_check
from common.slugs import slug_save

from ..models import Category


@transaction.atomic
def category_save(*, category: Category, fields: dict, user) -> Category:
    """Create or change a category; without a short address one is made from the name."""
    permission_check(user, "knowledge.manage_categories", category)
    for name, value in fields.items():
        setattr(category, name, value)
    # The slug is checked by slug_save, which also holds against a concurrent save.
    category.full_clean(exclude=["slug"])
    slug_save(category, source=category.name, fallback="kategorie")
    return category
