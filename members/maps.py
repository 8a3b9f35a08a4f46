"""Members on the map (geo): the current members as map areas, and the map of the
directory and the start page, which shows each member by its kind (public facts only)."""

from collections.abc import Callable

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from geo.pages import map_for_request
from geo.render import Area, LegendEntry, MemberMap

from .enums import AdministrationKind
from .models import Administration

_SLUG = "SLUG0PLACEHOLDER"
# Kinds with an area of their own; the others (IT service providers, state authorities)
# share one entry and are usually listed below the map for want of a regional key.
_KIND_MARKS = {
    AdministrationKind.LANDKREIS: "square",
    AdministrationKind.KREISFREIE_STADT: "diamond",
    AdministrationKind.STADT: "dot",
    AdministrationKind.GEMEINDE: "triangle",
    AdministrationKind.VERBANDSGEMEINDE: "stripe",
}


def kind_legend() -> dict[str, LegendEntry]:
    entries = {kind.value: LegendEntry(f"kind--{kind.value}", str(kind.label), mark)
               for kind, mark in _KIND_MARKS.items()}
    other = LegendEntry("kind--other", _("andere Mitglieder"), "ball-0")
    return {kind.value: entries.get(kind.value, other) for kind in AdministrationKind}


def member_url_maker() -> Callable[[str], str]:
    """The member page's URL by slug, reversed once instead of once per member."""
    pattern = reverse("members:detail", args=[_SLUG])
    return lambda slug: pattern.replace(_SLUG, slug)


def map_members() -> list[dict]:
    """The current members with what the map needs, in name order (one query)."""
    return list(Administration.objects.current().order_by("name", "pk")
                .values("pk", "name", "slug", "kind", "regional_key"))


def kind_labels() -> dict[str, str]:
    """Each kind's label, translated once per page rather than once per member."""
    return {kind.value: str(kind.label) for kind in AdministrationKind}


def kinds_map(request: HttpRequest) -> MemberMap:
    """The members by kind: for the directory and the visitors' start page (one query)."""
    legend, labels, url = kind_legend(), kind_labels(), member_url_maker()
    areas = [Area(member["regional_key"] or "", member["name"], legend[member["kind"]],
                  url(member["slug"]), labels.get(member["kind"], member["kind"]))
             for member in map_members()]
    used = {area.entry for area in areas}
    return map_for_request(
        request, areas=areas, legend=[e for e in dict.fromkeys(legend.values()) if e in used],
        title=_("Karte der Mitglieder nach Art der Verwaltung"), kind_column=False)
