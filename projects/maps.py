"""The member map of a topic (by stage) and of an OZG service (by maturity level): the
current members as areas of geo's map, each with its status read in one query.

Statuses are internal: only the member pages (projects.view_statuses) show these maps."""

from django.db.models import FilteredRelation, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from geo.pages import map_for_request
from geo.render import LegendEntry, MemberMap
from members.maps import MemberAreas

from .enums import Maturity
from .models import OzgService, Status, Topic
from .overview.charts import NO_STATUS, STAGE_DISPLAY
from .statuses.freshness import status_scopes

STAGE_LEGEND = {
    **{value: LegendEntry(display.css, str(display.label), f"ball-{value}", display.symbol)
       for value, display in STAGE_DISPLAY.items()},
    None: LegendEntry(NO_STATUS.css, str(NO_STATUS.label), "dot", NO_STATUS.symbol,
                      counted=(_("%(count)s ohne Angabe"), _("%(count)s ohne Angabe"))),
}


def _counted_level(level: int) -> str:
    return "%(count)s " + _("mit Reifegrad %(level)s") % {"level": level}


_BALLS = dict(zip(Maturity.values, ("○", "◔", "◑", "◕", "●"), strict=True))
MATURITY_LEGEND = {
    **{level.value: LegendEntry(f"maturity--{level.value}", str(level.label),
                                f"ball-{level.value}", _BALLS[level.value],
                                counted=(_counted_level(level.value),) * 2)
       for level in Maturity},
    None: LegendEntry("maturity--none", str(NO_STATUS.label), "dot", NO_STATUS.symbol,
                      counted=(_("%(count)s ohne Angabe"), _("%(count)s ohne Angabe"))),
}
# Ties between equally common values of a Kreis go to the more advanced one.
_PREFER_STAGES = [STAGE_LEGEND[value] for value in sorted(STAGE_DISPLAY, reverse=True)] + [
    STAGE_LEGEND[None]]
_PREFER_LEVELS = [MATURITY_LEGEND[level] for level in reversed(Maturity.values)] + [
    MATURITY_LEGEND[None]]


def _source(legend: dict, value: str, **scope) -> MemberAreas:
    """The members with their status in `scope` (topic= or service=): one by one through
    the statuses of the members drawn, per Kreis through a join in the count."""
    def values(ids: list[int]) -> dict[int, int | None]:
        return dict(Status.objects.filter(**scope, administration_id__in=ids)
                    .values_list("administration_id", value))

    condition = Q(**{f"statuses__{name}": scoped for name, scoped in scope.items()})
    return MemberAreas(legend=legend, value=f"scoped_status__{value}", values=values,
                       relations={"scoped_status": FilteredRelation("statuses",
                                                                    condition=condition)})


def topic_map(request: HttpRequest, topic: Topic) -> MemberMap:
    """Every current member by its stage on this topic (two queries; four per Kreis)."""
    return map_for_request(
        request, source=_source(STAGE_LEGEND, "stage", topic=topic),
        cache_key=f"topic:{topic.pk}", scopes=status_scopes(topic_id=topic.pk),
        legend=list(STAGE_LEGEND.values()), prefer=_PREFER_STAGES,
        title=_("Karte: Stand der Mitglieder beim Thema %(name)s") % {"name": topic.name},
        rule=_("Jeder Kreis ist nach dem Stand gefüllt, den die meisten seiner Mitglieder "
               "haben; bei Gleichstand nach dem weiter fortgeschrittenen."))


def service_map(request: HttpRequest, service: OzgService) -> MemberMap:
    """Every current member by its maturity level on this OZG service (two queries; four
    per Kreis)."""
    return map_for_request(
        request, source=_source(MATURITY_LEGEND, "maturity", service=service),
        cache_key=f"service:{service.pk}", scopes=status_scopes(service_id=service.pk),
        legend=list(MATURITY_LEGEND.values()), prefer=_PREFER_LEVELS,
        title=_("Karte: Reifegrad der Mitglieder bei %(name)s") % {"name": service.name},
        rule=_("Jeder Kreis ist nach dem Reifegrad gefüllt, den die meisten seiner "
               "Mitglieder haben; bei Gleichstand nach dem höheren."))
