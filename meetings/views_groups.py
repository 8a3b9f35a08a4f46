"""Working groups: overview, group page, and creating and editing by coordinators."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import permission_required
from members.rules import is_coordinator, is_member_staff

from .forms_groups import WorkingGroupForm
from .models import WorkingGroup
from .selectors_groups import action_items_open_for, working_group_detail, working_groups_for_list
from .services_groups import working_group_save


@require_safe
def group_list(request):
    return render(request, "meetings/group_list.html", {
        "groups": working_groups_for_list(request.user),
        "can_create": is_coordinator(request.user),
        "nav_section": "meetings",
    })


@require_safe
def group_detail(request, slug):
    internal = is_member_staff(request.user)
    group = get_object_or_404(working_group_detail(slug=slug, user=request.user))
    return render(request, "meetings/group_detail.html", {
        "group": group,
        "internal": internal,
        "action_items": action_items_open_for(group) if internal else [],
        "can_edit": is_coordinator(request.user),
        "nav_section": "meetings",
    })


@permission_required("members.manage_network")
@require_http_methods(["GET", "HEAD", "POST"])
def group_edit(request, slug=None):
    group = get_object_or_404(WorkingGroup, slug=slug) if slug else WorkingGroup()
    # The form changes its instance while validating; headings keep the saved name.
    saved = copy.copy(group) if slug else None
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
