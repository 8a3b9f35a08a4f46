"""Who may do what with the legal pages and the feedback messages (django-rules).

Everyone reads the legal pages and sends feedback, logged in or not. The texts are kept
by the coordination office (and admins, whom members.rules counts as coordinators); the
feedback messages hold personal data of the senders, so only the coordination office sees
and answers them. Views declare these permissions, templates ask them, services check
them again (common.permissions.permission_check).

State rules (asked with `{% test_rule %}` and by services; see knowledge.rules for why):
restoring a revision needs one that is not the current text.
"""

import rules

from members.rules import is_coordinator


@rules.predicate
def is_current_revision(user, revision) -> bool:
    return bool(revision is not None and revision.is_current)


@rules.predicate
def has_video(user, page) -> bool:
    return bool(page is not None and page.has_video)


# Reading and sending: open to everyone.
rules.add_perm("legal.view_page", rules.always_allow)
rules.add_perm("legal.send_feedback", rules.always_allow)

# The texts and their history (object: the page, or nothing).
rules.add_perm("legal.change_page", is_coordinator)
rules.add_perm("legal.view_revisions", is_coordinator)
# The sign language video and its captions.
rules.add_perm("legal.change_video", is_coordinator)

# Feedback messages (object: the message, or nothing for the list).
rules.add_perm("legal.view_feedback", is_coordinator)
rules.add_perm("legal.change_feedback", is_coordinator)

STATE_RULES = {
    # object: the revision; restoring the current one would change nothing
    "legal.restore_revision": is_coordinator & ~is_current_revision,
    # object: the page
    "legal.remove_video": is_coordinator & has_video,
}
for _name, _predicate in STATE_RULES.items():
    rules.add_perm(_name, _predicate)
    rules.add_rule(_name, _predicate)
