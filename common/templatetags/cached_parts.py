"""`{% cached_part "name" vary1 vary2 %} … {% endcached_part %}`: a part of a page that is
the same for everyone with the same `vary` values, kept in the cache until anything it
could show changes (common.page_cache.until_changed: every write a visitor could see, the
scopes in the context variable `cache_scopes`, and the day).

For the rows of long lists that logged-in people read: the caller passes as `vary` what
the part depends on besides the data (e.g. whether the person may see internal details),
never the person; a `vary` value of None renders the part afresh (e.g. for an editor,
whose part differs by their own administration). The part must hold no POST form (its
CSRF and once tokens are personal). Only the address itself, its page numbers and map
views are kept (a filtered list is rendered afresh, so made-up query strings cannot fill
the cache)."""

import hashlib

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from common.page_cache import until_changed

register = template.Library()
_KEPT_PARAMETERS = {"page", "karte"}


def _kept(query) -> bool:
    # A page number of up to five digits and a map view (Germany or a Kreis key): nothing
    # else, so that made-up values cannot fill the cache either.
    page, view = query.get("page", "1"), query.get("karte", "deutschland")
    return (set(query) <= _KEPT_PARAMETERS and page.isdigit() and len(page) <= 5
            and (view == "deutschland" or (view.isdigit() and len(view) == 5)))


class CachedPartNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or not _kept(request.GET):
            return self.nodelist.render(context)
        vary = [value.resolve(context) for value in self.vary]
        if None in vary:
            return self.nodelist.render(context)
        values = [self.name.resolve(context), request.path, sorted(request.GET.items()), *vary]
        digest = hashlib.sha256(repr(values).encode()).hexdigest()
        scopes = tuple(context.get("cache_scopes") or ())
        return mark_safe(until_changed(  # noqa: S308 - rendered by an autoescaping template
            f"part:{digest}:{timezone.localdate()}", lambda: self.nodelist.render(context),
            scopes=scopes))


@register.tag
def cached_part(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("cached_part needs a name")
    nodelist = parser.parse(("endcached_part",))
    parser.delete_first_token()
    return CachedPartNode(nodelist, parser.compile_filter(bits[0]),
                          [parser.compile_filter(bit) for bit in bits[1:]])
