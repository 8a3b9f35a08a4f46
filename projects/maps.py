"""The member map of a topic (by stage) and of an OZG service (by maturity level): the
current members as areas of geo's map, each with its status read in one query.

Statuses are internal: only the member pages (projects.view_statuses) show these maps."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from geo.pages import map_for_request
from geo.render import Area, LegendEntry, MemberMap
from members.maps import kind_labels, map_members, member_url_maker

from .enums import Maturity
from .models import OzgService, Status, Topic
from .overview.charts import NO_STATUS, STAGE_DISPLAY

STAGE_LEGEND = {
    **{value: LegendEntry(display.css, str(display.label), f"ball-{value}", display.symbol)
       for value, display in STAGE_DISPLAY.items()},
    None: LegendEntry(NO_STATUS.css, str(NO_STATUS.label), "dot", NO_STATUS.symbol),
}
_BALLS = dict(zip(Maturity.values, ("○", "◔", "◑", "◕", "●"), strict=True))
MATURITY_LEGEND = {
    **{level.value: LegendEntry(f"maturity--{level.value}", str(level.label),
                                f"ball-{level.value}", _BALLS[level.value])
       for level in Maturity},
    None: LegendEntry("maturity--none", str(NO_STATUS.label), "dot", NO_STATUS.symbol),
}


def _areas(values: dict[int, int | None], legend: dict) -> list[Area]:
    url, labels = member_url_maker(), kind_labels()
    return [Area(member["regional_key"] or "", member["name"], legend[values.get(member["pk"])],
                 url(member["slug"]), labels.get(member["kind"], member["kind"]))
            for member in map_members()]


def topic_map(request: HttpRequest, topic: Topic) -> MemberMap:
    """Every current member by its stage on this topic (two queries)."""
    stages = dict(Status.objects.filter(topic=topic).values_list("administration_id", "stage"))
    return map_for_request(
        request, areas=_areas(stages, STAGE_LEGEND), legend=list(STAGE_LEGEND.values()),
        title=_("Karte: Stand der Mitglieder beim Thema %(name)s") % {"name": topic.name})


def service_map(request: HttpRequest, service: OzgService) -> MemberMap:
    """Every current member by its maturity level on this OZG service (two queries)."""
    levels = dict(Status.objects.filter(service=service)
                  .values_list("administration_id", "maturity"))
    return map_for_request(
        request, areas=_areas(levels, MATURITY_LEGEND), legend=list(MATURITY_LEGEND.values()),
        title=_("Karte: Reifegrad der Mitglieder bei %(name)s") % {"name": service.name})
