"""Working groups: overview, group page, and creating and editing by coordinators."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required

from ..forms.groups import WorkingGroupForm
from ..models import WorkingGroup
from ..selectors.groups import (
    action_items_open_of_group,
    working_group_detail,
    working_groups_for_list,
)
from ..services.groups import working_group_save


@require_safe
def group_list(request):
    return render(request, "meetings/group_list.html", {
        "groups": working_groups_for_list(request.user),
        "nav_section": "meetings",
    })


@require_safe
def group_detail(request, slug):
    internal = request.user.has_perm("meetings.view_internals")
    group = get_object_or_404(working_group_detail(slug=slug, user=request.user))
    return render(request, "meetings/group_detail.html", {
        "group": group,
        "internal": internal,
        "action_items": action_items_open_of_group(group) if internal else [],
        "nav_section": "meetings",
    })


def _group_form_page(request, group, saved):
    form = WorkingGroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields if name != "members"}
        try:
            group = working_group_save(group=group, fields=fields,
                                       members=form.cleaned_data["members"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Arbeitsgruppe wurde gespeichert."))
            return redirect(reverse("groups:detail", args=[group.slug]))
    return render(request, "meetings/group_form.html", {
        "form": form, "group": saved, "nav_section": "meetings",
    })


@permission_required("meetings.add_workinggroup")
@require_http_methods(["GET", "HEAD", "POST"])
def group_create(request):
    return _group_form_page(request, WorkingGroup(), None)


@permission_required("meetings.change_workinggroup",
                     obj=URLObject(WorkingGroup, kwarg="slug"))
@require_http_methods(["GET", "HEAD", "POST"])
def group_edit(request, group):
    # The form changes its instance while validating; headings keep the saved name.
    return _group_form_page(request, group, copy.copy(group))
