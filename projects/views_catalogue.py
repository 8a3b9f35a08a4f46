"""Topic catalogue: member staff read it, coordinators create and change topics."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import permission_required
from members.rules import is_coordinator

from .forms_catalogue import TopicForm
from .models import Topic
from .selectors_matrix import topic_catalogue
from .services_catalogue import topic_save


@permission_required("members.view_internal")
@require_safe
def catalogue(request):
    can_edit = is_coordinator(request.user)
    return render(request, "projects/topic_catalogue.html", {
        "groups": topic_catalogue(include_inactive=can_edit),
        "can_edit": can_edit,
    })


@permission_required("members.manage_network")
@require_http_methods(["GET", "HEAD", "POST"])
def topic_edit(request, slug=None):
    topic = get_object_or_404(Topic, slug=slug) if slug else Topic()
    # The form changes its instance while validating; headings keep the saved name.
    saved = copy.copy(topic) if slug else None
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        try:
            topic = topic_save(topic=topic, by=request.user,
                               fields={name: form.cleaned_data[name] for name in form.fields})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Das Thema wurde gespeichert."))
            return redirect(reverse("projects:catalogue") + f"#thema-{topic.slug}")
    return render(request, "projects/topic_form.html", {"form": form, "topic": saved})
