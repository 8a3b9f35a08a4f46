"""Minutes of a meeting (write, correct, approve in a later meeting; publishing is in
views.confirmations) and its decisions; coordination office."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.params import int_param
from common.permissions import URLObject, permission_required

from ..forms.minutes import DecisionForm, MinutesForm
from ..models import AgendaItem, Decision, Meeting, Minutes
from ..rules import minutes_are_published
from ..services.minutes import decision_save, minutes_approve, minutes_save
from .form_page import form_page

ANCHOR = "#protokoll"


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def minutes_edit(request, meeting):
    """Write the minutes; once published, a correction with a reason."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    published = minutes_are_published(request.user, meeting)
    form = MinutesForm(request.POST or None, items=meeting.agenda_items.all(),
                       published=published,
                       initial={"summary": minutes.summary if minutes else ""})
    if request.method == "POST" and form.is_valid():
        try:
            minutes_save(meeting=meeting, summary=form.cleaned_data["summary"],
                         notes=form.notes(), by=request.user,
                         correction_reason=form.cleaned_data.get("correction_reason", ""))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Das Protokoll wurde gespeichert."))
            return redirect(meeting.get_absolute_url() + ANCHOR)
    return render(request, "meetings/minutes_form.html",
                  {"meeting": meeting, "form": form, "published": published})


@require_POST
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def approve(request, meeting):
    """Mark the minutes a 'Genehmigung des Protokolls' item of this meeting refers to."""
    item = get_object_or_404(AgendaItem, pk=int_param(request.POST.get("item")),
                             meeting=meeting, approves_minutes_of__isnull=False)
    minutes = get_object_or_404(Minutes.objects.select_related("meeting"),
                                meeting=item.approves_minutes_of)
    try:
        minutes_approve(minutes=minutes, in_meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Das Protokoll von „%(title)s“ ist genehmigt.")
                         % {"title": minutes.meeting.title})
    return redirect(meeting.get_absolute_url() + "#tagesordnung")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def decision_edit(request, meeting, decision_pk=None):
    decision = (get_object_or_404(Decision, pk=decision_pk, meeting=meeting) if decision_pk
                else Decision(meeting=meeting))
    form = DecisionForm(request.POST or None, instance=decision, meeting=meeting)
    title = _("Beschluss bearbeiten") if decision_pk else _("Beschluss erfassen")
    return form_page(request, meeting, form, title, "#beschluesse", lambda fields:
                     decision_save(decision=decision, fields=fields, by=request.user))
