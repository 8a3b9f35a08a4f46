"""Topic catalogue: member staff read it, coordinators create and change topics."""

import copy

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import permission_required

from ..models import Topic
from .forms import TopicForm
from .selectors import topic_catalogue
from .services import topic_save


@permission_required("projects.view_catalogue")
@require_safe
def catalogue(request):
    # Whoever maintains the catalogue also sees the inactive topics, to activate them again.
    maintains = rules.has_perm("projects.maintain_catalogue", request.user)
    return render(request, "projects/topic_catalogue.html", {
        "groups": topic_catalogue(include_inactive=maintains),
    })


@permission_required("projects.maintain_catalogue")
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
