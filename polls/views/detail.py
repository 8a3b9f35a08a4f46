"""The page of a Rundfrage: context, questions, audience, and for an administration in the
audience its answer form (draft for all staff, "Antwort abgeben" for editors)."""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.markdown import markdown_render
from common.permissions import login_offered, permission_required

from ..forms import AnswerForm
from ..lists import answer_of, audience_label
from ..models import AnswerState
from ..selectors import is_open
from ..services import AnswerConflict, answer_save
from .common import NAV, VISIBLE_POLL

DRAFT, FINAL = "entwurf", "abgeben"  # values of the two submit buttons (name "aktion")


@login_offered
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("polls.view_poll", VISIBLE_POLL)
def poll_detail(request, poll):
    user = request.user
    questions = list(poll.questions.all())
    asked = user.has_perm("polls.answer_poll", poll)
    answer = answer_of(poll, user.administration) if asked else None
    may_answer = rules.test_rule("polls.answer_open_poll", user, poll)
    may_finalise = may_answer and rules.test_rule("polls.finalise_answer", user, poll)
    # A handed-in answer is changed by editors only; readers see it.
    may_edit = may_answer and (may_finalise or answer is None
                               or answer.state != AnswerState.FINAL)
    form = conflict = None
    if request.method == "POST":
        if not may_edit:
            if asked and not is_open(poll):
                messages.error(request, _("Diese Rundfrage nimmt keine Antworten mehr an."))
                return redirect("polls:detail", poll.pk)
            raise PermissionDenied
        finalise = request.POST.get("aktion") == FINAL
        form = AnswerForm(request.POST, questions=questions, answer=answer, finalise=finalise)
        if form.is_valid():
            try:
                saved = answer_save(poll=poll, by=user, version=form.cleaned_data["version"],
                                    items=form.items(), finalise=finalise)
            except AnswerConflict as error:
                conflict = answer_of(poll, user.administration)
                form = _typed_against(request.POST, questions, conflict or error.answer)
                messages.error(request, _(
                    "Ihre Eingaben wurden nicht gespeichert: %(who)s hat die Antwort "
                    "inzwischen geändert. Oben sehen Sie die gespeicherte Antwort, im "
                    "Formular Ihre Eingaben. Wenn Sie jetzt speichern, ersetzen Ihre "
                    "Eingaben die gespeicherte Antwort.") % {
                        "who": (conflict or error.answer).updated_by or _("Jemand")})
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _(
                    "Die Antwort von %(name)s ist abgegeben. Bis zur Frist können Sie sie "
                    "noch ändern.") % {"name": user.administration} if saved.state
                    == AnswerState.FINAL else _("Ihr Entwurf ist gespeichert. Abgegeben ist "
                                                "die Antwort erst mit „Antwort abgeben“."))
                return redirect(reverse("polls:detail", args=[poll.pk]) + "#antwort")
    elif may_edit:
        form = AnswerForm(questions=questions, answer=answer)
    shown = conflict or answer
    return render(request, "polls/poll_detail.html", {
        "poll": poll, "questions": questions, "context_html": markdown_render(poll.context),
        "audience": audience_label(poll), "is_open": is_open(poll), "asked": asked,
        "answer": shown, "answer_rows": _answer_rows(questions, shown),
        "form": form, "conflict": conflict, "may_finalise": may_finalise,
        "draft_value": DRAFT, "final_value": FINAL, **NAV})


def _typed_against(data, questions, current) -> AnswerForm:
    """The person's entries, now against the stored version (saving again overwrites it
    knowingly); shown as typed, not checked again."""
    data = data.copy()
    data["version"] = str(current.version)
    form = AnswerForm(data, questions=questions, answer=current)
    form._errors = ErrorDict()
    return form


def _answer_rows(questions, answer):
    """(question, item) per question of a stored answer, for showing it."""
    if answer is None:
        return []
    items = {item.question_id: item for item in answer.items.all()}
    return [(question, items.get(question.pk)) for question in questions]
