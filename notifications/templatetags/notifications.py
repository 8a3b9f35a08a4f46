"""`{% notification_bell %}` for the header and `{% follow_button obj %}` for the pages of
followable things (templates of any app may load these tags)."""

from django import template

from members.rules import is_member_staff

from ..registry import followable, target_key
from ..selectors import is_following, unread_count

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context):
    """The link to the list with the unread count: one query, remembered for the request."""
    request = context.get("request")
    user = _user(context)
    if not is_member_staff(user):
        return {"show": False}
    count = getattr(request, "_notifications_unread", None)
    if count is None:
        count = unread_count(user)
        if request is not None:
            request._notifications_unread = count
    return {"show": True, "count": count}


@register.inclusion_tag("notifications/_follow_button.html", takes_context=True)
def follow_button(context, obj):
    """A POST button to follow the thing or stop following it (member staff only)."""
    user = _user(context)
    key = target_key(obj)
    kind = followable(obj._meta.label_lower)
    request = context.get("request")
    if kind is None or not is_member_staff(user):
        return {"show": False}
    return {"show": True, "key": key, "following": is_following(user, key),
            "next": request.get_full_path() if request is not None else "",
            "kind_label": kind.label, "title": str(obj)}
