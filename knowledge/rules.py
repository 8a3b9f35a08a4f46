"""Who may read and write knowledge articles and documents (django-rules)."""

import rules

from members.rules import is_coordinator, is_member_staff


@rules.predicate
def is_visible_to(user, item) -> bool:
    """Public, not archived items for everyone; everything else for member staff only."""
    if item is None:
        return False
    if item.is_public:
        return True
    return bool(user.is_authenticated and user.is_member_staff)


@rules.predicate
def is_author_of(user, item) -> bool:
    owner_id = getattr(item, "author_id", None) or getattr(item, "uploaded_by_id", None)
    return bool(user.is_authenticated and owner_id is not None and owner_id == user.pk)


@rules.predicate
def is_editor_of_contributor(user, item) -> bool:
    return bool(user.is_authenticated and item.administration_id is not None
                and user.is_editor_of(item.administration))


may_change = is_member_staff & (is_coordinator | is_author_of | is_editor_of_contributor)

rules.add_perm("knowledge.add_article", is_member_staff)
rules.add_perm("knowledge.view_article", is_visible_to)
rules.add_perm("knowledge.change_article", may_change)
rules.add_perm("knowledge.archive_article", is_coordinator)
rules.add_perm("knowledge.add_document", is_member_staff)
rules.add_perm("knowledge.view_document", is_visible_to)
rules.add_perm("knowledge.change_document", may_change)
rules.add_perm("knowledge.archive_document", is_coordinator)
rules.add_perm("knowledge.manage_categories", is_coordinator)
