"""Permission checks declared on views: one decorator and one mixin, both asking django-rules.

The permissions themselves are rules that each app registers in its `rules.py`
(`rules.add_perm("members.change_administration", is_editor_of)`); a view only names the
permission it needs. Whoever lacks it gets 403 with the German error page, visitors
included: that page offers them the login (a redirect would hide that the address exists
but is not theirs, and would differ from the refusals the portal gave so far).

    @permission_required("members.manage_network")
    def survey_create(request): ...

    @permission_required("members.change_administration",
                         obj=URLObject(Administration, kwarg="slug"))
    def profile_edit(request, administration): ...

With `obj`, the object is looked up first (404 if there is none), the permission is checked
against it, and the view receives it in place of the URL keyword argument, so it is
loaded once.

Pages of objects that may be internal (articles, documents, meetings) are wrapped in
`login_offered`: a visitor who opens such a link gets the login with `next` instead of a
404, for an internal object and a missing one alike, so the answer does not tell whether
the object exists. Signed-in users keep their 404.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin as RulesPermissionRequiredMixin
from rules.contrib.views import permission_required as rules_permission_required

Perms = str | tuple[str, ...] | list[str]


@dataclass(frozen=True)
class URLObject:
    """The object a view works on, found by one keyword argument of its URL.

    `source` is a model, a queryset, or a function of the request that returns a queryset
    (for objects the user may not even see: `lambda request: Article.objects.visible_to(
    request.user)`). `field` is the model field to match, by default the argument's name.
    """

    source: type[Model] | QuerySet | Callable[[Any], QuerySet]
    kwarg: str = "pk"
    field: str = ""

    def get(self, request, value) -> Model:
        source = self.source
        if callable(source) and not isinstance(source, type):
            source = source(request)
        return get_object_or_404(source, **{self.field or self.kwarg: value})


def _as_tuple(perm: Perms) -> tuple[str, ...]:
    return (perm,) if isinstance(perm, str) else tuple(perm)


def permission_required(perm: Perms, obj: URLObject | None = None):
    """View decorator: refuse (403) everyone without `perm`, on the object of `obj` if
    given (see the module docstring). Put it below `require_http_methods`/`require_safe`
    where a wrong method should be answered first."""
    if obj is None:
        return rules_permission_required(perm, raise_exception=True)
    perms = _as_tuple(perm)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            found = obj.get(request, kwargs.pop(obj.kwarg))
            if not request.user.has_perms(perms, found):
                raise PermissionDenied
            return view(request, found, *args, **kwargs)
        return wrapper
    return decorator


def login_offered(view):
    """View decorator for the page of an object that may be internal: a visitor (not
    signed in) whom the view answers with 404 is sent to the login with `next` instead,
    whether the object is internal or does not exist at all (its existence may be
    internal too); the login page shows nothing of the object. Put it outermost."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())
    return wrapper


def permission_check(user, perm: Perms, obj: Model | None = None) -> None:
    """For services: raise PermissionDenied unless the rule itself allows `user` `perm`
    (on `obj`), so a service asks the same rule its view declared, whoever calls it.

    It asks django-rules directly, not `user.has_perms`: Django lets active superusers
    pass every permission, which would let an admin "archive" an archived article. Role
    predicates count admins in themselves (members.rules.is_coordinator)."""
    if user is None or not all(rules.has_perm(name, user, obj) for name in _as_tuple(perm)):
        raise PermissionDenied


class PermissionRequiredMixin(RulesPermissionRequiredMixin):
    """For class-based views: `permission_required = "app.perm"`, checked against
    `get_object()` where the view has one (detail, update and delete views), else without
    an object. 403 for everyone without it; the object is loaded once."""

    raise_exception = True
    _permission_object = None

    def get_permission_object(self):
        self._permission_object = super().get_permission_object()
        return self._permission_object

    def get_object(self, queryset=None):
        if queryset is None and self._permission_object is not None:
            return self._permission_object
        return super().get_object(queryset)
