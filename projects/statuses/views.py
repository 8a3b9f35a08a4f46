"""Editing one status (with conflict detection), and an administration's status history."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.params import int_param, page_number
from common.permissions import URLObject, permission_required
from members.models import Administration

from ..models import OzgService, Topic
from .forms import PRODUCT_LIST_ID, OzgPickForm, StatusForm
from .freshness import status_scopes
from .selectors import (
    service_statuses_of,
    status_changes_recent,
    status_comparison,
    status_for,
    status_history_page,
    status_product_suggestions,
)
from .services import StatusConflict, status_save

# The administration of the page, from the address.
ADMINISTRATION = URLObject(Administration, kwarg="slug")
SERVICE_STATUSES_PER_PAGE = 50


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.change_status", ADMINISTRATION)
def status_edit_topic(request, administration, topic):
    return _status_edit(request, administration, topic=get_object_or_404(Topic, slug=topic))


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.change_status", ADMINISTRATION)
def status_edit_service(request, administration, ozg_id):
    service = get_object_or_404(OzgService.objects.select_related("themenfeld"), ozg_id=ozg_id)
    return _status_edit(request, administration, service=service)


def _status_edit(request, administration, *, topic=None, service=None):
    subject = {"topic": topic, "service": service}
    status = status_for(administration=administration, **subject)
    form_options = {"contacts": administration.contacts.present(), "with_maturity": bool(service)}
    form = StatusForm(request.POST or None, initial=StatusForm.initial_for(status), **form_options)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            status_save(administration=administration, by=request.user,
                        fields=form.status_fields(),
                        expected_version=form.cleaned_data["version"], **subject)
        except StatusConflict as error:
            status = error.current
            conflict = {"by": status.updated_by, "at": status.updated_at,
                        "rows": status_comparison(current=status, typed=form.status_fields())}
            # Keep what the user typed, but from now on against the version they have seen.
            data = request.POST.copy()
            data["version"] = str(status.version)
            form = StatusForm(data, **form_options)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Der Sachstand wurde gespeichert."))
            return redirect(administration.get_absolute_url() + "#sachstand")
    return render(request, "projects/status_form.html", {
        "administration": administration, "topic": topic, "service": service,
        "status": status, "form": form, "conflict": conflict,
        "products": status_product_suggestions(administration=administration, **subject),
        "product_list_id": PRODUCT_LIST_ID,
        "recent_changes": status_changes_recent(status=status),
    })


@require_safe
@permission_required("projects.view_statuses", ADMINISTRATION)
def status_history(request, administration):
    # The history and the table are kept in the cache ({% cached_part %}) until a status of
    # this administration changes: computed only when rendered (the template calls it).
    return render(request, "projects/status_history.html", {
        "administration": administration,
        "parts": partial(_history_parts, request, administration),
        "cache_scopes": status_scopes(administration_id=administration.pk),
        "pick_form": OzgPickForm(),
    })


def _history_parts(request, administration) -> dict:
    page = status_history_page(administration=administration, page=page_number(request))
    services_page = None
    if page.number == 1:
        # 557 OZG services: a page of them at a time (?ozg=), like the history.
        services_page = Paginator(service_statuses_of(administration=administration),
                                  SERVICE_STATUSES_PER_PAGE).get_page(
            int_param(request.GET.get("ozg"), minimum=1) or 1)
    return {"page": page, "services_page": services_page,
            "service_statuses": services_page.object_list if services_page else None}


@require_safe
@permission_required("projects.change_status", ADMINISTRATION)
def status_service_pick(request, administration):
    form = OzgPickForm(request.GET)
    if form.is_valid():
        return redirect("projects:status_edit_service", administration.slug,
                        form.cleaned_data["ozg_id"])
    for error in form.errors.get("ozg_id", []):
        messages.error(request, error)
    return redirect(reverse("projects:status_history", args=[administration.slug])
                    + "#ozg-leistungen")
