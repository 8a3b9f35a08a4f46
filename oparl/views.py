"""The OParl 1.1 endpoints (/oparl/v1/): JSON in UTF-8 with `Access-Control-Allow-Origin: *`,
errors as the spec's error object, files of public documents for
anyone. Stateless: the answer never depends on who asks (public data only)."""

import json

from django.conf import settings
from django.db.models import Count, Max, Min
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings.exports import public_minutes_pdf
from meetings.models import Meeting, WorkingGroup
from members.models import Administration

from . import selectors, serializers
from .listing import ListError, filtered, in_memory_filtered, list_params, paginate
from .serializers import BODY, url

CONTENT_TYPE = "application/json; charset=utf-8"


def _json(data: dict, status: int = 200) -> HttpResponse:
    # Compact: json's C encoder only runs without indentation (a page of 500 meetings).
    response = HttpResponse(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                            content_type=CONTENT_TYPE, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message: str, debug: str, status: int) -> HttpResponse:
    return _json({"type": "https://schema.oparl.org/1.1/Error", "message": message,
                  "debug": debug}, status=status)


def _not_found(debug: str = "") -> HttpResponse:
    return _error("Dieses Objekt gibt es nicht (oder es ist nicht öffentlich).", debug, 404)


@require_safe
def not_found(request, rest=""):
    """Every other address below /oparl/v1/: the spec's error object, not an HTML page."""
    return _not_found(request.path)


def _params(request):
    return list_params({
        "created_since": request.GET.get("created_since"),
        "created_until": request.GET.get("created_until"),
        "modified_since": request.GET.get("modified_since"),
        "modified_until": request.GET.get("modified_until"),
        "limit": request.GET.get("limit"),
        "page": request.GET.get("page"),
        "omit_internal": request.GET.get("omit_internal"),
    })


def _list(request, objects, *, base: str, render_one, created: str = "created_at",
          modified: str = "updated_at") -> HttpResponse:
    """A page of an external list; `objects` is a queryset ordered by id, or a list of
    (object, created, modified) filtered here."""
    try:
        params = _params(request)
        if isinstance(objects, list):
            objects = in_memory_filtered(objects, params)
        else:
            objects = filtered(objects, params, created=created, modified=modified)
        page = paginate(objects, params, base)
    except ListError as error:
        return _error(error.message, error.debug, error.status)
    return _json({"data": [render_one(obj, params) for obj in page.objects],
                  "pagination": page.pagination, "links": page.links})


def _times() -> tuple:
    """Created and modified of the system and the body: the first working group and the
    last change of any working group (what the body lists)."""
    times = WorkingGroup.objects.aggregate(created=Min("created_at"), modified=Max("updated_at"))
    now = timezone.now()
    return times["created"] or now, times["modified"] or now


@require_safe
def system(request):
    created, modified = _times()
    return _json(serializers.system(created=created, modified=modified))


@require_safe
def bodies(request):
    """The list of bodies: the network, the only one."""
    created, modified = _times()
    return _list(request, [(None, created, modified)], base=url("bodies"),
                 render_one=lambda _body_, params: _body())


def _body() -> dict:
    created, modified = _times()
    # The administration that coordinates the most working groups speaks for the network.
    coordinator = (Administration.objects.annotate(groups=Count("coordinated_groups"))
                   .filter(groups__gt=0).order_by("-groups", "pk").first())
    return serializers.body(coordinator=coordinator, created=created, modified=modified)


@require_safe
def body(request, body_id):
    if body_id != BODY:
        return _not_found(request.path)
    return _json(_body())


@require_safe
def body_organizations(request, body_id):
    if body_id != BODY:
        return _not_found(request.path)
    return _list(request, selectors.groups_public(), base=url("body_organizations", BODY),
                 created="created_at", modified="updated_at",
                 render_one=lambda group, params: serializers.organization(group))


def _meeting_list(request, meetings, base: str) -> HttpResponse:
    """Depublished meetings only for clients that ask for changes (spec 2.5)."""
    known = selectors.meetings_known(with_deleted=_changes_asked(request))
    return _list(request, selectors.meetings_for_page(known.filter(pk__in=meetings)),
                 base=base, modified="oparl_modified",
                 render_one=lambda meeting, params: serializers.meeting(
                     meeting, omit_internal=params.omit_internal))


@require_safe
def body_agenda_items(request, body_id):
    """Every public agenda item (spec 1.1: `Body.agendaItem`)."""
    if body_id != BODY:
        return _not_found(request.path)
    items = selectors.agenda_items_known(with_deleted=_changes_asked(request))
    return _list(request, items, base=url("body_agenda_items", BODY), modified="oparl_modified",
                 render_one=lambda item, params: serializers.agenda_item(item))


@require_safe
def body_locations(request, body_id):
    """The public places of meetings (`Body.locationList`)."""
    if body_id != BODY:
        return _not_found(request.path)
    places = selectors.locations_known(with_deleted=_changes_asked(request))
    return _list(request, places, base=url("body_locations", BODY), modified="oparl_modified",
                 render_one=lambda meeting, params: serializers.location(meeting))


def _changes_asked(request) -> bool:
    """Depublished objects only for clients that ask for changes (spec 2.5)."""
    return request.GET.get("modified_since") is not None


@require_safe
def body_meetings(request, body_id):
    if body_id != BODY:
        return _not_found(request.path)
    return _meeting_list(request, Meeting.objects.values("pk"), url("body_meetings", BODY))


def _nobody(request, body_id, name: str) -> HttpResponse:
    """Persons and papers: none are public (spec 1.6: persons only with their consent), so
    these lists stay empty."""
    if body_id != BODY:
        return _not_found(request.path)
    return _list(request, [], base=url(name, BODY), render_one=None)


@require_safe
def body_people(request, body_id):
    return _nobody(request, body_id, "body_people")


@require_safe
def body_papers(request, body_id):
    return _nobody(request, body_id, "body_papers")


@require_safe
def organization(request, pk):
    group = selectors.groups_public().filter(pk=pk).first()
    if group is None:
        return _not_found(request.path)
    return _json(serializers.organization(group))


@require_safe
def organization_meetings(request, pk):
    if not selectors.groups_public().filter(pk=pk).exists():
        return _not_found(request.path)
    return _meeting_list(request, Meeting.objects.filter(working_group_id=pk).values("pk"),
                         url("organization_meetings", pk))


@require_safe
def meeting(request, pk):
    found = selectors.meeting_known(pk)
    if found is None:
        return _not_found(request.path)
    return _json(serializers.meeting(found, omit_internal=request.GET.get("omit_internal")
                                     == "true"))


@require_safe
def agenda_item(request, pk):
    found = selectors.agenda_items_known(with_deleted=True).filter(pk=pk).first()
    if found is None:
        return _not_found(request.path)
    return _json(serializers.agenda_item(found))


@require_safe
def location(request, pk):
    found = selectors.locations_known(with_deleted=True).filter(pk=pk).first()
    if found is None:
        return _not_found(request.path)
    return _json(serializers.location(found))


# --- Files ------------------------------------------------------------------------------------

@require_safe
def minutes_file(request, pk):
    found = selectors.minutes_known(with_deleted=True).filter(pk=pk).first()
    if found is None:
        return _not_found(request.path)
    return _json(serializers.minutes_file(found))


def _minutes_response(pk: int, *, attachment: bool):
    """The public minutes PDF for anyone; 410 once they are no longer public, 404 if they
    never were (spec 2.7)."""
    found = selectors.minutes_known(with_deleted=True).filter(pk=pk).first()
    if found is None:
        return HttpResponse(status=404)
    if not found.oparl_minutes:
        return HttpResponse(status=410)
    meeting = selectors.meeting_with_public_minutes(pk).first()
    meta = serializers.minutes_file(found)
    response = HttpResponse(public_minutes_pdf(meeting), content_type=meta["mimeType"])
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{meta["fileName"]}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def minutes_access(request, pk):
    return _minutes_response(pk, attachment=False)


@require_safe
def minutes_download(request, pk):
    return _minutes_response(pk, attachment=True)


@require_safe
def document_file(request, pk):
    found = selectors.document_published(pk)
    if found is None:
        return _not_found(request.path)
    return _json(serializers.document_file(found, meetings=found.public_meetings))


def _document_response(pk: int, *, attachment: bool):
    """The file of a public document; 410 once it is archived (depublished), 404 for
    internal ones (spec 2.7)."""
    found = selectors.document_published(pk)
    if found is None:
        return HttpResponse(status=404)
    if found.archived_at is not None:
        return HttpResponse(status=410)
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        return HttpResponse(status=404)
    meta = serializers.document_file(found)
    response = FileResponse(handle, as_attachment=attachment, filename=found.filename,
                            content_type=meta["mimeType"])
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def document_access(request, pk):
    return _document_response(pk, attachment=False)


@require_safe
def document_download(request, pk):
    return _document_response(pk, attachment=True)


# --- The page for people ------------------------------------------------------------------------

@require_safe
def interfaces(request):
    """/schnittstellen/: what the API offers, with example addresses and the licence."""
    return render(request, "oparl/interfaces.html", {
        "entry": url("system"), "meetings": url("body_meetings", BODY),
        "organizations": url("body_organizations", BODY),
        "agenda_items": url("body_agenda_items", BODY), "locations": url("body_locations", BODY),
        "example_filter": url("body_meetings", BODY) + "?modified_since=2025-01-01T00%3A00%3A00"
                                                       "%2B01%3A00",
        "license_url": settings.OPARL_DATA_LICENSE,
        "license_name": settings.OPARL_DATA_LICENSE_NAME,
        "schema": "https://schema.oparl.org/1.1/",
    })
