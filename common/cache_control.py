"""Keep personal and internal answers out of shared caches and off the disk.

Every response to a logged-in user may carry internal content (meeting internals, statuses,
staff lists, exports), and every response reached through a secret in the address (the
personal calendar feed, invitation and password-reset links) belongs to one person only.
Both get ``Cache-Control: private, no-store``, whatever the view set, unless the view asked
for no-store itself. Answers to visitors stay as the view made them, so public pages remain
cacheable.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# URL keyword arguments that carry a secret: a response to such an address is personal
# even without a login. Projects may widen the list with the setting of the same name.
SECRET_URL_KWARGS = ("token", "key", "uidb36", "uidb64")


def is_personal(request) -> bool:
    """Whether the answer to this request is meant for one person only."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    names = getattr(settings, "CACHE_CONTROL_SECRET_URL_KWARGS", SECRET_URL_KWARGS)
    return match is not None and any(name in match.kwargs for name in names)


def make_private(response) -> None:
    """private and no-store, keeping what the view set that is as strict (no-cache,
    must-revalidate, max-age=0), dropping what contradicts it (public, s-maxage, a positive
    max-age: a cached copy of a personal answer would outlive the session)."""
    directives = [part.strip() for part in response.get("Cache-Control", "").split(",")
                  if part.strip()]
    kept = [directive for directive in directives if not _lets_caches_keep(directive)]
    if kept != directives:
        response["Cache-Control"] = ", ".join(kept)
    patch_cache_control(response, private=True, no_store=True)


def _lets_caches_keep(directive: str) -> bool:
    name, _, value = directive.partition("=")
    name = name.strip().lower()
    return name in ("public", "s-maxage") or (name == "max-age" and value.strip() != "0")


class PrivateCacheMiddleware:
    """Marks personal responses ``private, no-store`` (see the module docstring).

    Place it after AuthenticationMiddleware, so that it sees the user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request):
            make_private(response)
        return response
