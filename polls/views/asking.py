"""Asking a Rundfrage and changing it while nobody has handed in an answer."""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from common.permissions import permission_required

from ..forms import PollForm, question_formset
from ..services import poll_create, poll_update
from .common import NAV, VISIBLE_POLL

MORE = "weitere_frage"  # the name of the "Weitere Frage" button
EDIT_REFUSED = gettext_lazy(
    "Diese Rundfrage lässt sich nicht mehr ändern: Sie ist beendet, oder eine Verwaltung "
    "hat bereits ihre Antwort abgegeben.")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("polls.add_poll")
def poll_create_view(request):
    return _poll_form_page(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("polls.manage_poll", VISIBLE_POLL)
def poll_edit_view(request, poll):
    if not rules.test_rule("polls.edit_poll", request.user, poll):
        messages.error(request, EDIT_REFUSED)
        return redirect("polls:detail", poll.pk)
    return _poll_form_page(request, poll)


def _poll_form_page(request, poll):
    if request.method != "POST":
        form = PollForm(initial=PollForm.initial_for(poll) if poll else None)
        questions = question_formset(poll=poll)
    elif MORE in request.POST:
        # One more question row; everything typed comes back unchecked.
        form = PollForm(request.POST)
        form._errors = ErrorDict()
        questions = question_formset(request.POST, more=True).errors_hidden()
    else:
        form, questions = PollForm(request.POST), question_formset(request.POST)
        if form.is_valid() and questions.is_valid():
            fields = {name: form.cleaned_data[name] for name in (
                "title", "context", "topics", "audience", "audience_kinds", "audience_groups",
                "audience_administrations", "deadline", "results_visibility")}
            try:
                if poll is None:
                    saved = poll_create(by=request.user, questions=questions.questions(),
                                        **fields)
                else:
                    saved = poll_update(poll=poll, by=request.user,
                                        questions=questions.questions(), **fields)
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied:
                if poll is None:
                    raise
                # An answer was handed in while the asker was editing.
                messages.error(request, EDIT_REFUSED)
                return redirect("polls:detail", poll.pk)
            else:
                messages.success(request, _("Die Rundfrage ist gestellt.") if poll is None
                                 else _("Die Rundfrage ist geändert."))
                return redirect("polls:detail", saved.pk)
    return render(request, "polls/poll_form.html", {
        "form": form, "questions": questions, "poll": poll, "more": MORE,
        "action": reverse("polls:edit", args=[poll.pk]) if poll else reverse("polls:create"),
        **NAV})
