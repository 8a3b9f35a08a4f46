"""Pages of the results: results page, exports, the asker's summary (and its public page),
and the knowledge article made from the results.

A Rundfrage the user may not see (hidden, or a visitor) answers 404, and visitors are
offered the login instead (common.permissions.login_offered); the one page a visitor may
read is a published summary.
"""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.markdown import markdown_render
from common.permissions import URLObject, login_offered, permission_required
from common.tabular import csv_response, xlsx_response

from ..models import Poll
from ..selectors import is_open, polls_listed_for
from . import services
from .article_text import article_body, article_title
from .forms import ArticleFromPollForm, KindFilter, SummaryForm
from .selectors import final_answer_count, poll_results
from .table import export_header, export_rows, item_text

POLL = URLObject(lambda request: polls_listed_for(request.user).select_related(
    "administration", "article"), kwarg="pk")


@login_offered
@require_safe
@permission_required("polls.view_results", obj=POLL)
def results(request, poll):
    filter_form = KindFilter(request.GET or None)
    data = poll_results(poll, kind=filter_form.kind())
    questions = [summary.question for summary in data.questions]
    table = [(row, [item_text(item, question)
                    for item, question in zip(row.items, questions, strict=True)])
             for row in data.rows]
    return render(request, "polls/results/results.html", {
        "poll": poll,
        "results": data,
        "table": table,
        "filter": filter_form,
        "export_query": filter_form.query(),
        "is_open": is_open(poll),
        "summary_html": markdown_render(poll.summary) if poll.summary.strip() else "",
        "context_html": markdown_render(poll.context) if poll.context.strip() else "",
    })


def _export(request, poll, extension: str):
    filter_form = KindFilter(request.GET or None)
    if filter_form.is_bound and not filter_form.is_valid():
        return HttpResponseBadRequest(_("Unbekannter Filter für den Export."))
    data = poll_results(poll, kind=filter_form.kind())
    suffix = f"-{filter_form.kind()}" if filter_form.kind() else ""
    filename = f"rundfrage-{poll.pk}-ergebnisse{suffix}.{extension}"
    header = export_header(data)
    if extension == "csv":
        return csv_response(filename, header, list(export_rows(data, for_csv=True)))
    return xlsx_response(filename, _("Ergebnisse"), header,
                         export_rows(data, for_csv=False),
                         widths=[36, 22, 18, 24, *([30] * len(data.questions))])


@login_offered
@require_safe
@permission_required("polls.view_results", obj=POLL)
def results_csv(request, poll):
    return _export(request, poll, "csv")


@login_offered
@require_safe
@permission_required("polls.view_results", obj=POLL)
def results_xlsx(request, poll):
    return _export(request, poll, "xlsx")


@login_offered
@require_safe
def summary(request, pk):
    """The published summary: title, summary and number of answers, for everyone."""
    poll = get_object_or_404(
        Poll.objects.filter(summary_public=True, hidden_at__isnull=True).exclude(summary=""),
        pk=pk)
    return render(request, "polls/results/summary.html", {
        "poll": poll,
        "summary_html": markdown_render(poll.summary),
        "answer_count": final_answer_count(poll),
    })


@login_offered
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("polls.manage_poll", obj=POLL)
def summary_edit(request, poll):
    title = poll.title
    form = SummaryForm(request.POST or None, instance=poll)
    if request.method == "POST" and form.is_valid():
        saved = services.poll_summary_save(
            poll=poll, user=request.user, summary=form.cleaned_data["summary"],
            public=form.cleaned_data["summary_public"])
        messages.success(request, _("Die Zusammenfassung ist veröffentlicht.")
                         if saved.summary_public else _("Die Zusammenfassung ist gespeichert."))
        return redirect("polls_results:results", pk=poll.pk)
    return render(request, "polls/results/summary_form.html", {
        "poll": poll, "title": title, "form": form,
        "public_url": reverse("polls_results:summary", args=[poll.pk]),
    }, status=400 if request.method == "POST" else 200)


@login_offered
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("polls.manage_poll", obj=POLL)
def article_create(request, poll):
    """Confirmation page (category), then the article; a poll gets one article only."""
    if poll.article_id is not None:
        messages.info(request, _("Aus dieser Rundfrage wurde bereits ein Wissensartikel "
                                 "angelegt. Hier ist er."))
        return redirect("knowledge:article_detail", slug=poll.article.slug)
    form = ArticleFromPollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article, created = services.poll_article_create(
            poll=poll, user=request.user, category=form.cleaned_data["category"])
        if created:
            messages.success(request, _(
                "Der Wissensartikel ist angelegt (intern). Prüfen und ergänzen Sie ihn; "
                "veröffentlichen können Sie ihn beim Bearbeiten."))
        else:
            messages.info(request, _("Aus dieser Rundfrage wurde bereits ein Wissensartikel "
                                     "angelegt. Hier ist er."))
        return redirect("knowledge:article_detail", slug=article.slug)
    data = poll_results(poll)
    return render(request, "polls/results/article_confirm.html", {
        "poll": poll, "form": form,
        "article_title": article_title(poll),
        "body_html": markdown_render(article_body(poll, data)),
    }, status=400 if request.method == "POST" else 200)
