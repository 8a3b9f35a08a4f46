"""Who may do what in the knowledge base (django-rules): every predicate of the app.

Roles come from members.rules (member staff, coordinator, editor of an administration);
visibility is the models' own rule (`Article.is_visible_to`, the same definition as
`Article.objects.visible_to`), asked here and never written out a second time. Views
declare these permissions (common.permissions), templates ask them (`{% has_perm %}`,
`{% test_rule %}`), and the services check them again before they write
(`common.permissions.permission_check`).

Two kinds, as in projects.rules:

* Permissions on who the user is (`change_article`, `manage_archive`, …). Views declare
  them, so a stale page that asks for something no longer possible (archiving an article
  that someone archived meanwhile) gets a message, not a refusal.
* State rules (`archive_article`, `unarchive_article`, `restore_revision`, …) add the state
  of the object. Services check them and templates ask them with `{% test_rule %}`:
  Django's `user.has_perm` (and so `{% has_perm %}`) is always true for active superusers
  and would offer an admin to archive an article that is already archived.
  `rules.test_rule` and `rules.has_perm` answer exactly; superusers pass the role
  predicates anyway (members.rules counts them as coordinators).
"""

import rules

from members.rules import is_coordinator, is_editor_of, is_member_staff

# --- predicates --------------------------------------------------------------------------


@rules.predicate
def is_visible_to(user, item) -> bool:
    """The item's own rule (models.VisibleToMixin): public and not archived for everyone,
    everything for member staff."""
    return bool(item is not None and item.is_visible_to(user))


@rules.predicate
def is_author_of(user, item) -> bool:
    """Wrote the article, or uploaded the document."""
    owner_id = getattr(item, "author_id", None) or getattr(item, "uploaded_by_id", None)
    return bool(user.is_authenticated and owner_id is not None and owner_id == user.pk)


@rules.predicate
def is_editor_of_contributor(user, item) -> bool:
    """Editor (Redaktion) of the administration that contributed the item."""
    return bool(item is not None and item.administration_id is not None
                and is_editor_of(user, item.administration))


# Articles and documents alike: member staff who wrote it, the Redaktion of the
# contributing administration, and the coordination office.
may_change = is_member_staff & (is_coordinator | is_author_of | is_editor_of_contributor)


@rules.predicate
def is_archived(user, item) -> bool:
    return bool(item is not None and item.is_archived)


@rules.predicate
def may_change_article_of(user, revision) -> bool:
    """Whoever may change the article a revision belongs to."""
    return bool(revision is not None and may_change.test(user, revision.article))


@rules.predicate
def is_current_revision(user, revision) -> bool:
    return bool(revision is not None and revision.is_current)


# --- permissions -------------------------------------------------------------------------

# Articles (object: the article). Who changed what and when is internal, even for a public
# article: the history is for member staff.
rules.add_perm("knowledge.add_article", is_member_staff)
rules.add_perm("knowledge.view_article", is_visible_to)
rules.add_perm("knowledge.view_revisions", is_member_staff)
rules.add_perm("knowledge.change_article", may_change)
# "Als aktuell bestätigen": whoever may change the article confirms that it is still right.
rules.add_perm("knowledge.confirm_article", may_change)
# "Zu prüfen" on the knowledge start page: the coordination office keeps the shelves current.
rules.add_perm("knowledge.view_review_queue", is_coordinator)

# Documents (object: the document): downloading is open to whoever may see the document.
rules.add_perm("knowledge.add_document", is_member_staff)
rules.add_perm("knowledge.view_document", is_visible_to)
rules.add_perm("knowledge.download_document", is_visible_to)
rules.add_perm("knowledge.change_document", may_change)
rules.add_perm("knowledge.view_archived_documents", is_member_staff)

# The coordination office keeps the shelves in order: archives articles and documents and
# brings them back, maintains the categories, and may credit an article or document to
# another administration than the writer's own.
rules.add_perm("knowledge.manage_archive", is_coordinator)
rules.add_perm("knowledge.manage_categories", is_coordinator)
rules.add_perm("knowledge.credit_administration", is_coordinator)

# State rules (see the module docstring): permissions for services, rules for templates.
STATE_RULES = {
    # object: the article
    "knowledge.archive_article": is_coordinator & ~is_archived,
    "knowledge.unarchive_article": is_coordinator & is_archived,
    # an archived article is out of the lists; nobody needs to keep it current
    "knowledge.confirm_current": may_change & ~is_archived,
    # object: the revision; restoring the current one would change nothing
    "knowledge.restore_revision": may_change_article_of & ~is_current_revision,
    # object: the document
    "knowledge.archive_document": is_coordinator & ~is_archived,
    "knowledge.unarchive_document": is_coordinator & is_archived,
}
for _name, _predicate in STATE_RULES.items():
    rules.add_perm(_name, _predicate)
    rules.add_rule(_name, _predicate)


