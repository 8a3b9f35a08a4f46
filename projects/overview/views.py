"""The network overview: matrix, topic page, OZG pages and progress over time.

Statuses are internal: only member staff see them. Visitors get an explanation on
/vorhaben/ and a refusal (with a login link) on the deeper pages.
"""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.params import page_number
from common.permissions import permission_required
from members.rules import editing_audience

from ..enums import MATURITY_DESCRIPTIONS, Maturity
from ..maps import service_map, topic_map
from ..models import OzgService, StageCount, Topic
from ..statuses.freshness import status_scopes
from .charts import (
    NO_STATUS,
    STAGE_DISPLAY,
    Bar,
    Segment,
    StackedRow,
    bar_chart,
    stacked_bar_chart,
)
from .filters import MatrixFilter, ServiceFilter, StatusListFilter
from .progress import Scope, progress_chart, progress_of, topics_now
from .selectors import (
    HELPERS_PAGE_SIZE,
    MATRIX_PAGE_SIZE,
    matrix_members,
    matrix_rows,
    matrix_topics,
    maturity_by_themenfeld,
    maturity_of_service,
    ozg_services,
    products_used,
    stage_distribution,
    status_rows,
    statuses_in_order,
    statuses_of,
    with_live_counts,
)

SERVICES_PAGE_SIZE = 50


def _stage_chart(distribution, *, title: str, chart_id: str):
    return bar_chart(title=title, chart_id=chart_id, bars=[
        Bar(total.display.label, total.count, total.display.css, total.display.symbol)
        for total in distribution])


def _maturity_legend():
    return [(level.label, MATURITY_DESCRIPTIONS[level]) for level in Maturity]


@require_safe
def index(request):
    # Open to all: visitors get an explanation instead of the matrix.
    if not request.user.has_perm("projects.view_statuses"):
        return render(request, "projects/project_index.html")
    filterset = MatrixFilter(request.GET, queryset=matrix_members())
    # The table is kept in the cache ({% cached_part %}) per editing
    # audience until a topic status changes: computed only when rendered.
    return render(request, "projects/matrix.html", {
        "filter": filterset,
        "parts": partial(_matrix_parts, request, filterset),
        "summary": stage_distribution(scope=StageCount.Scope.NETWORK_TOPICS),
        "editing_audience": editing_audience(request.user),
        "cache_scopes": status_scopes(topics=True),
        "legend": [*STAGE_DISPLAY.values(), NO_STATUS],
        "export_query": filterset.export_query(),
    })


def _matrix_parts(request, filterset) -> dict:
    topics = matrix_topics(group=filterset.topic_group)
    page = Paginator(filterset.qs, MATRIX_PAGE_SIZE).get_page(page_number(request))
    return {"topics": topics, "page": page,
            "rows": matrix_rows(administrations=list(page.object_list), topics=topics,
                                user=request.user)}


def _status_list(request, *, topic=None, service=None):
    filter_form = StatusListFilter(request.GET)
    statuses = statuses_of(topic=topic, service=service, **filter_form.values())
    # The page is chosen on the covering index (ids only), then its rows are read.
    page = Paginator(statuses.values_list("pk", flat=True), HELPERS_PAGE_SIZE).get_page(
        page_number(request))
    page.object_list = statuses_in_order(list(page.object_list))
    kind, slug = ("thema", topic.slug) if topic else ("ozg", str(service.ozg_id))
    return {
        "filter_form": filter_form,
        "page": page,
        "status_rows": status_rows(page.object_list, user=request.user, kind=kind,
                                   subject=slug),
        "products": products_used(topic=topic, service=service),
    }


def _topic_charts(topic) -> dict:
    distribution = stage_distribution(scope=StageCount.Scope.TOPIC, scope_id=topic.pk)
    progress = progress_of(Scope.topic(topic))
    return {
        "stage_chart": _stage_chart(
            distribution, chart_id="verteilung",
            title=_("Stand der Mitglieder beim Thema %(name)s") % {"name": topic.name}),
        "progress": progress,
        "progress_chart": progress_chart(
            progress, chart_id="verlauf",
            title=_("Anteil mit Pilot oder Betrieb beim Thema %(name)s, Monat für Monat")
            % {"name": topic.name}),
    }


@permission_required("projects.view_statuses")
@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    # Charts and the list of members are the same for every reader: the template keeps
    # them in the cache ({% cached_part %}) until a status of the topic changes, so they
    # are computed only when rendered (callables: the template calls them).
    return render(request, "projects/topic_detail.html", {
        "topic": topic,
        "charts": partial(_topic_charts, topic),
        "helpers": partial(_status_list, request, topic=topic),
        "editing_audience": editing_audience(request.user),
        "cache_scopes": status_scopes(topic_id=topic.pk),
        "member_map": topic_map(request, topic),
    })


@permission_required("projects.view_statuses")
@require_safe
def ozg(request):
    # The same for all member staff: kept in the cache ({% cached_part %}) until a status of
    # an OZG service changes, computed only when rendered.
    return render(request, "projects/ozg.html", {
        "parts": partial(_ozg_parts, request), "levels": _maturity_legend(),
        "cache_scopes": status_scopes(services=True),
    })


def _ozg_parts(request) -> dict:
    rows = maturity_by_themenfeld()
    filterset = ServiceFilter(request.GET, queryset=ozg_services())
    page = Paginator(filterset.qs, SERVICES_PAGE_SIZE).get_page(page_number(request))
    services = with_live_counts(page.object_list)
    chart = stacked_bar_chart(
        chart_id="reifegrade", title=_("Reifegrade der OZG-Leistungen je Themenfeld"),
        rows=[StackedRow(row.themenfeld.name, [
            Segment(level.label, count, f"maturity--{level.value}")
            for level, count in zip(Maturity, row.counts, strict=True)]) for row in rows])
    return {"rows": rows, "chart": chart, "filter": filterset, "page": page,
            "services": services}


@permission_required("projects.view_statuses")
@require_safe
def service_detail(request, ozg_id):
    service = get_object_or_404(OzgService.objects.select_related("themenfeld", "lebenslage"),
                                ozg_id=ozg_id)
    # As on the topic page: charts and list from the cache until a status changes.
    return render(request, "projects/service_detail.html", {
        "service": service,
        "charts": partial(_service_charts, service),
        "levels": _maturity_legend(),
        "helpers": partial(_status_list, request, service=service),
        "editing_audience": editing_audience(request.user),
        "cache_scopes": status_scopes(service_id=service.pk),
        "member_map": service_map(request, service),
    })


def _service_charts(service) -> dict:
    distribution = stage_distribution(scope=StageCount.Scope.SERVICE, scope_id=service.pk)
    maturity = maturity_of_service(service)
    return {
        "stage_chart": _stage_chart(
            distribution, chart_id="verteilung",
            title=_("Stand der Mitglieder bei %(name)s") % {"name": service.name}),
        "maturity_chart": bar_chart(
            chart_id="reifegrad",
            title=_("Reifegrad bei %(name)s") % {"name": service.name},
            bars=[Bar(level.label, count, f"maturity--{level.value}")
                  for level, count in zip(Maturity, maturity, strict=True)]),
    }


@permission_required("projects.view_statuses")
@require_safe
def progress(request):
    # The same for all member staff: kept in the cache ({% cached_part %}) until a status
    # changes, computed only when rendered.
    return render(request, "projects/progress.html", {
        "parts": partial(_progress_parts),
        "cache_scopes": (*status_scopes(topics=True), status_scopes(services=True)[1]),
    })


def _progress_parts() -> dict:
    topics, services = progress_of(Scope.network_topics()), progress_of(Scope.network_services())
    return {
        "topics_progress": topics,
        "topics_chart": progress_chart(
            topics, chart_id="verlauf-themen",
            title=_("Themen: Anteil der Sachstände mit Pilot oder Betrieb")),
        "services_progress": services,
        "services_chart": progress_chart(
            services, chart_id="verlauf-ozg",
            title=_("OZG-Leistungen: Anteil der Sachstände mit Pilot oder Betrieb")),
        "topics_now": topics_now(),
    }
