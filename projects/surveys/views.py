"""Sachstandserhebungen: list, opening, round page, answer form, closing, comparison."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required
from members.models import Administration

from ..enums import Maturity, Stage, SurveyState
from ..models import SurveyResponse, SurveyRound
from .exports import comparison_response
from .forms import ANSWER_FIELDS, SurveyRoundForm, SurveyRowForm, survey_row_forms
from .selectors import (
    SurveyRow,
    survey_close_preview,
    survey_comparison,
    survey_progress,
    survey_response_of,
    survey_round_for_page,
    survey_rounds_for_list,
    survey_rows_for,
)
from .services import survey_answer_save, survey_round_close, survey_round_open

# The member an answer is for; former members cannot answer (404).
CURRENT_MEMBER = URLObject(lambda request: Administration.objects.current(), kwarg="slug")


@require_safe
@permission_required("projects.view_surveys")
def survey_list(request):
    return render(request, "projects/survey_list.html", {
        "rounds": survey_rounds_for_list(),
        "members_now": Administration.objects.current().count(),
        "nav_section": "projects",
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.manage_surveys")
def survey_create(request):
    form = SurveyRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey_round = survey_round_open(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Erhebung ist eröffnet; die Redaktionen der "
                                        "Mitglieder werden per E-Mail benachrichtigt."))
            return redirect(survey_round)
    return render(request, "projects/survey_form.html",
                  {"form": form, "nav_section": "projects"})


@require_safe
@permission_required("projects.view_surveys")
def survey_detail(request, pk):
    survey_round = get_object_or_404(survey_round_for_page(pk))
    progress = survey_progress(survey_round)
    mine = next((m for m in progress.members if m.pk == request.user.administration_id), None)
    return render(request, "projects/survey_detail.html", {
        "survey_round": survey_round, "progress": progress, "mine": mine,
        # The answer of the user's own administration, for the rule projects.answer_survey.
        "mine_response": SurveyResponse(round=survey_round, administration=mine)
        if mine else None,
        "nav_section": "projects",
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.change_status", CURRENT_MEMBER)
def survey_answer(request, administration, pk):
    survey_round = get_object_or_404(SurveyRound, pk=pk)
    if not survey_round.is_open:
        # A stale link or a second tab: say so instead of refusing.
        messages.error(request, _("Diese Erhebung ist abgeschlossen."))
        return redirect(survey_round)
    rows = survey_rows_for(survey_round, administration)
    forms = survey_row_forms(rows, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(form.is_valid() for form in forms):
        conflicts = survey_answer_save(survey_round=survey_round,
                                       administration=administration, by=request.user,
                                       answers=[form.answer() for form in forms])
        if not conflicts:
            messages.success(request, _("Vielen Dank! Die Antworten für %(name)s sind "
                                        "gespeichert.") % {"name": administration.name})
            return redirect(survey_round)
        forms = _with_conflicts(forms, conflicts)
        messages.error(request, ngettext(
            "Es wurde nichts gespeichert: %(count)d Sachstand wurde inzwischen von anderer "
            "Seite geändert. Bitte prüfen Sie die markierte Zeile; Ihre übrigen Eingaben "
            "sind erhalten.",
            "Es wurde nichts gespeichert: %(count)d Sachstände wurden inzwischen von anderer "
            "Seite geändert. Bitte prüfen Sie die markierten Zeilen; Ihre übrigen Eingaben "
            "sind erhalten.", len(conflicts)) % {"count": len(conflicts)})
    response = survey_response_of(survey_round, administration)
    return render(request, "projects/survey_answer.html", {
        "survey_round": survey_round, "administration": administration, "forms": forms,
        "response": response,
        # The error summary on top: every row that needs a look, linked to it.
        "row_errors": [form for form in forms if form.errors],
        "submit_label": _("Speichern") if response and response.completed_at
        else _("Antworten absenden"),
        "nav_section": "projects",
    })


def _with_conflicts(forms: list[SurveyRowForm], conflicts) -> list[SurveyRowForm]:
    """Conflicting rows show what is stored now, with the editor's own entry kept where
    there was one (its version moves on, so saving again applies it knowingly)."""
    by_key = {(c.answer.topic, c.answer.service): c for c in conflicts}
    result = []
    for form in forms:
        conflict = by_key.get((form.row.topic, form.row.service))
        if conflict is None:
            result.append(form)
            continue
        fresh = SurveyRowForm(row=SurveyRow(form.row.topic, form.row.service,
                                            conflict.current))
        if not conflict.answer.unchanged:
            fresh.initial.update({name: form.cleaned_data[name] for name in ANSWER_FIELDS
                                  if name in form.fields})
        fresh.conflict = _conflict_text(conflict.current, kept=not conflict.answer.unchanged)
        result.append(fresh)
    return result


def _conflict_text(status, *, kept: bool) -> str:
    now = [_("Stand „%(stage)s“") % {"stage": Stage(status.stage).label}]
    if status.maturity is not None:
        now.append(_("Reifegrad „%(maturity)s“") % {"maturity": Maturity(status.maturity).label})
    if status.product:
        now.append(_("Produkt „%(product)s“") % {"product": status.product})
    text = _("%(who)s hat diesen Sachstand am %(when)s geändert, während Sie die Erhebung "
             "ausgefüllt haben. Jetzt gespeichert: %(now)s.") % {
        "who": status.updated_by or _("Jemand"),
        "when": date_format(timezone.localtime(status.updated_at), "j. F Y, H:i"),
        "now": ", ".join(now)}
    if kept:
        return text + " " + _("Ihre Eingabe steht unten; wenn Sie erneut abschließen, "
                              "ersetzt sie den gespeicherten Stand.")
    return text + " " + _("Bitte prüfen Sie den neuen Stand.")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.manage_surveys")
def survey_close(request, pk):
    """GET shows what closing will do (with the real numbers), POST does it."""
    survey_round = get_object_or_404(survey_round_for_page(pk))
    if not survey_round.is_open:
        messages.error(request, _("Diese Erhebung ist bereits abgeschlossen."))
        return redirect(survey_round)
    if request.method != "POST":
        return render(request, "projects/survey_close.html", {
            "survey_round": survey_round, "preview": survey_close_preview(survey_round),
            "nav_section": "projects",
        })
    try:
        survey_round_close(survey_round=survey_round, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Die Erhebung ist abgeschlossen; die Sachstände sind "
                                    "festgehalten."))
    return redirect(survey_round)


@require_safe
@permission_required("projects.view_surveys")
def survey_compare(request, pk):
    # Only a closed round has a frozen state to compare.
    survey_round = get_object_or_404(SurveyRound, pk=pk, state=SurveyState.CLOSED)
    return render(request, "projects/survey_compare.html", {
        "survey_round": survey_round, "comparison": survey_comparison(survey_round),
        "nav_section": "projects",
    })


@require_safe
@permission_required("projects.view_surveys")
def survey_compare_export(request, pk, extension):
    if extension not in ("csv", "xlsx"):
        raise Http404
    survey_round = get_object_or_404(SurveyRound, pk=pk, state=SurveyState.CLOSED)
    return comparison_response(survey_round, survey_comparison(survey_round), extension)
