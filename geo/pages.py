"""The map on a page: the switch between the members' region and all of Germany is the GET
parameter `karte=deutschland`; every other value (or none) means the members' region."""

from django.http import HttpRequest

from .render import Area, LegendEntry, MemberMap, member_map

PARAMETER, WHOLE_COUNTRY = "karte", "deutschland"


def map_for_request(request: HttpRequest, *, areas: list[Area], legend: list[LegendEntry],
                    title: str, kind_column: bool = True) -> MemberMap:
    """The member map for this request, with the link that switches the view."""
    whole = request.GET.get(PARAMETER) == WHOLE_COUNTRY
    result = member_map(areas=areas, legend=legend, title=title, whole_country=whole,
                        kind_column=kind_column)
    query = request.GET.copy()
    query.pop(PARAMETER, None)
    if not whole:
        query[PARAMETER] = WHOLE_COUNTRY
    encoded = query.urlencode()
    result.switch_url = f"{request.path}?{encoded}#karte" if encoded else f"{request.path}#karte"
    return result
