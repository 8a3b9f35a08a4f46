"""The map on a page. The GET parameter `karte` chooses the view: `deutschland` shows all of
Germany, a Kreis's regional key (five digits, a Kreis of the 2021 boundaries) zooms to that
Kreis; any other value, or none, shows the members' region.

Up to settings.MAP_MEMBER_LIMIT members are drawn one by one. Beyond it the map is drawn
per Kreis (geo.kreise) and only the zoomed Kreis shows its members one by one, so a page
holds about 400 areas, not 11,000, whatever the size of the network.

A page that names its map (`cache_key`) gets it from the cache until the members or the
data it shows change (common.page_cache.until_changed with the page's `scopes`): the map is
the same for everyone who may see the page: one per view (region, Germany, a Kreis), the
links that carry the page's other parameters filled in afterwards."""

import re
from collections.abc import Collection, Sequence
from typing import Protocol

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from common.page_cache import until_changed

from .kreise import kreis_map
from .render import Area, LegendEntry, MemberMap, member_map
from .shapes import shapes

PARAMETER, WHOLE_COUNTRY = "karte", "deutschland"
# Stands for the address of the zoomed views in a cached map (letters and digits only, so
# escaping leaves it as it is).
_LINK = "ZOOMLINK7f3c9a"
_KREIS_KEY = re.compile(r"[0-9]{5}")


class MemberSource(Protocol):
    """What a page hands the map: its members, one by one or counted per Kreis."""

    def areas(self, *, limit: int | None = None,
              kreise: Collection[str | None] | None = None) -> list[Area] | None:
        """The members in name order (one or two queries): all of them, or None when there
        are more than `limit`; or only those in `kreise` (Kreis keys, the first five digits
        of a member's regional key; None for members without one)."""

    def per_kreis(self) -> list[tuple[str | None, LegendEntry, int]]:
        """(Kreis key or None, value, number of members) for all members (one query)."""


def map_choice(request: HttpRequest) -> str | None:
    """WHOLE_COUNTRY, the key of a Kreis to zoom to, or None for the members' region."""
    value = request.GET.get(PARAMETER, "")
    if value == WHOLE_COUNTRY:
        return WHOLE_COUNTRY
    if _KREIS_KEY.fullmatch(value) and value in shapes().kreise:
        return value
    return None


def _url(request: HttpRequest, value: str | None) -> str:
    query = request.GET.copy()
    query.pop(PARAMETER, None)
    if value:
        query[PARAMETER] = value
    encoded = query.urlencode()
    return f"{request.path}?{encoded}#karte" if encoded else f"{request.path}#karte"


def _zoom_link(request: HttpRequest) -> str:
    """The address of a zoomed view without the Kreis key, which follows it."""
    query = request.GET.copy()
    query.pop(PARAMETER, None)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}&{PARAMETER}=" if encoded else f"{request.path}?{PARAMETER}="


def map_for_request(request: HttpRequest, *, source: MemberSource,
                    legend: Sequence[LegendEntry], title: str, rule: str,
                    prefer: Sequence[LegendEntry] | None = None, kind_column: bool = True,
                    used_only: bool = False, cache_key: str | None = None,
                    scopes: tuple[str, ...] = ()) -> MemberMap:
    """The member map for this request, with the links that switch the view. `prefer` breaks
    ties between equally common values of a Kreis (default: the legend's order); `rule`
    says in the legend how a Kreis is filled; `used_only` leaves unused values out of it;
    `cache_key` and `scopes`: see the module's docstring."""
    choice, link = map_choice(request), _zoom_link(request)

    def compute(link: str) -> MemberMap:
        return _build(choice, link=link, source=source, legend=legend, title=title, rule=rule,
                      prefer=prefer, kind_column=kind_column, used_only=used_only)

    if cache_key:
        # Kept with a stand-in for the zoom links, which carry the page's other parameters
        # (filters, page number): one map per view, whatever the query. The day is part of
        # the key: who is a current member follows the calendar.
        key = f"map:{cache_key}:{choice}:{timezone.localdate()}"
        result = until_changed(key, lambda: compute(_LINK), scopes=scopes)
        result.svg = mark_safe(result.svg.replace(_LINK, escape(link)))  # noqa: S308
        result.table_rows = mark_safe(  # noqa: S308 - rendered and escaped by geo
            result.table_rows.replace(_LINK, escape(link)))
    else:
        result = compute(link)
    result.switch_url = _url(request, None if choice == WHOLE_COUNTRY else WHOLE_COUNTRY)
    result.region_url = _url(request, None)
    result.country_url = _url(request, WHOLE_COUNTRY)
    return result


def _build(choice: str | None, *, link: str, source: MemberSource,
           legend: Sequence[LegendEntry], title: str, rule: str,
           prefer: Sequence[LegendEntry] | None, kind_column: bool,
           used_only: bool) -> MemberMap:
    whole, zoom = choice == WHOLE_COUNTRY, (choice if choice != WHOLE_COUNTRY else None)
    areas = source.areas(limit=settings.MAP_MEMBER_LIMIT)
    if areas is not None:
        if used_only:
            used = {area.entry for area in areas}
            legend = [entry for entry in legend if entry in used]
        result = member_map(areas=areas, legend=list(legend), title=title, whole_country=whole,
                            kind_column=kind_column, zoom=zoom)
    else:
        counts = source.per_kreis()
        if used_only:
            used = {entry for _key, entry, _count in counts}
            legend = [entry for entry in legend if entry in used]
        kreise = shapes().kreise
        wanted = [zoom] if zoom else sorted({key for key, _entry, _count in counts
                                             if key not in kreise}, key=str)
        members = source.areas(kreise=wanted) if wanted else []
        result = kreis_map(counts=counts, legend=legend, prefer=prefer or legend, title=title,
                           link=link, rule=rule, whole_country=whole, zoom=zoom,
                           members=members or [], kind_column=kind_column)
    return result
