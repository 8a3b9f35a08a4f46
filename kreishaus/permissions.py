"""View decorators shared by the apps; the predicates themselves live in members.rules."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from members.rules import is_coordinator


def coordinator_required(view):
    """Refuse (403) everybody but the coordination office and admins, on the server."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapper
