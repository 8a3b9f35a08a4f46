"""Members on the map (geo): the current members as map areas, one by one or counted per
Kreis (geo.pages.MemberSource), and the map of the directory and the start page, which
shows each member by its kind (public facts only)."""

from collections.abc import Callable, Collection, Mapping
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Left
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


def _kind_counted() -> dict[str, tuple[str, str]]:
    return {
        AdministrationKind.LANDKREIS: (_("%(count)s Landkreis"), _("%(count)s Landkreise")),
        AdministrationKind.KREISFREIE_STADT: (_("%(count)s kreisfreie Stadt"),
                                              _("%(count)s kreisfreie Städte")),
        AdministrationKind.STADT: (_("%(count)s Stadt"), _("%(count)s Städte")),
        AdministrationKind.GEMEINDE: (_("%(count)s Gemeinde"), _("%(count)s Gemeinden")),
        AdministrationKind.VERBANDSGEMEINDE: (_("%(count)s Verbandsgemeinde"),
                                              _("%(count)s Verbandsgemeinden")),
    }


def kind_legend() -> dict[str, LegendEntry]:
    counted = _kind_counted()
    entries = {kind.value: LegendEntry(f"kind--{kind.value}", str(kind.label), mark,
                                       counted=counted[kind])
               for kind, mark in _KIND_MARKS.items()}
    other = LegendEntry("kind--other", _("andere Mitglieder"), "ball-0", counted=(
        _("%(count)s anderes Mitglied"), _("%(count)s andere Mitglieder")))
    return {kind.value: entries.get(kind.value, other) for kind in AdministrationKind}


def member_url_maker() -> Callable[[str], str]:
    """The member page's URL by slug, reversed once instead of once per member."""
    pattern = reverse("members:detail", args=[_SLUG])
    return lambda slug: pattern.replace(_SLUG, slug)


def kind_labels() -> dict[str, str]:
    """Each kind's label, translated once per page rather than once per member."""
    return {kind.value: str(kind.label) for kind in AdministrationKind}


class MemberAreas:
    """The current members as areas of geo's map (geo.pages.MemberSource), each with its
    entry of `legend`, keyed by its value: the field `value` of the administration, or
    what `values` reads for a list of administration ids in one query. `value` (a lookup,
    possibly through the annotations in `relations`) is what is counted per Kreis."""

    def __init__(self, *, legend: Mapping[Any, LegendEntry], value: str = "kind",
                 relations: dict | None = None,
                 values: Callable[[list[int]], dict[int, Any]] | None = None):
        self.legend, self.value, self.values = legend, value, values
        self.relations = relations or {}

    def areas(self, *, limit: int | None = None,
              kreise: Collection[str | None] | None = None) -> list[Area] | None:
        members = Administration.objects.current().order_by("name", "pk")
        if kreise is not None:
            wanted = Q(kreis__in=[key for key in kreise if key])
            if None in kreise:
                wanted |= Q(regional_key__isnull=True)
            members = members.annotate(kreis=Left("regional_key", 5)).filter(wanted)
        fields = ["pk", "name", "slug", "kind", "regional_key"]
        if self.values is None:
            fields.append(self.value)
        rows = members.values(*fields)
        rows = list(rows if limit is None else rows[:limit + 1])
        if limit is not None and len(rows) > limit:
            return None
        values = (self.values([row["pk"] for row in rows]) if self.values is not None
                  else {row["pk"]: row[self.value] for row in rows})
        url, labels = member_url_maker(), kind_labels()
        return [Area(row["regional_key"] or "", row["name"], self.legend[values.get(row["pk"])],
                     url(row["slug"]), labels.get(row["kind"], row["kind"])) for row in rows]

    def per_kreis(self) -> list[tuple[str | None, LegendEntry, int]]:
        rows = (Administration.objects.current()
                .annotate(**self.relations, kreis=Left("regional_key", 5)).order_by()
                .values_list("kreis", self.value).annotate(members=Count("pk")))
        return [(kreis, self.legend[value], count) for kreis, value, count in rows]


def kinds_map(request: HttpRequest) -> MemberMap:
    """The members by kind: for the directory and the visitors' start page (one query;
    three per Kreis)."""
    legend = kind_legend()
    return map_for_request(
        request, source=MemberAreas(legend=legend), legend=list(dict.fromkeys(legend.values())),
        used_only=True, kind_column=False, cache_key="kinds",
        title=_("Karte der Mitglieder nach Art der Verwaltung"),
        rule=_("Jeder Kreis ist nach der Art gefüllt, die die meisten seiner Mitglieder haben."))
