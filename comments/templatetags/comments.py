"""`{% load comments %}{% comments_section obj %}`: the comments of a page and the form.

The pages of knowledge, projects and polls include it (templates are not imports). It
renders nothing for anyone who may not read comments there (visitors above all), and reads
the comments with two queries however many there are.
"""

import rules
from django import template
from django.urls import reverse

from common.markdown import markdown_section

from ..forms import CommentForm
from ..mentions import mentions_link
from ..registry import commentable_for
from ..selectors import comments_for

register = template.Library()


def _entry(comment, user) -> dict:
    def allowed(name: str) -> bool:
        return rules.test_rule(name, user, comment)

    shown = comment.deleted_at is None and (
        comment.hidden_at is None or allowed("comments.view_hidden_comment"))
    return {
        "comment": comment,
        "html": mentions_link(markdown_section(comment.body, heading_level=3),
                              comment.mentions.all()) if shown else "",
        "can_edit": allowed("comments.change_comment"),
        "can_delete": allowed("comments.delete_comment"),
        "can_hide": allowed("comments.hide_comment"),
        "can_unhide": allowed("comments.unhide_comment"),
    }


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comments_section(context, target):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not rules.has_perm("comments.view_comments", user, target):
        return {"show": False}
    kind = commentable_for(target)
    entries = [_entry(comment, user) for comment in comments_for(target)]
    return {
        "show": True,
        "entries": entries,
        "count": sum(1 for entry in entries if entry["comment"].deleted_at is None),
        "form": CommentForm(auto_id="kommentar-%s"),
        "post_url": reverse("comments:create", args=[kind.key, target.pk]),
        "may_post": rules.has_perm("comments.add_comment", user, target),
        "csrf_token": context.get("csrf_token"),
    }
