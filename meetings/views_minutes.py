"""Coordinator pages for agenda items, minutes, decisions, action items and documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import int_param
from common.permissions import permission_required
from common.phrases import DOCUMENT_UPLOADED

from . import services
from .enums import MinutesState
from .forms import ActionItemForm, AgendaItemForm, DecisionForm, DocumentForm, MinutesForm
from .models import ActionItem, AgendaItem, Decision, Meeting, MeetingDocument, Minutes


def _form_page(request, meeting, form, title, anchor, save):
    """Shared flow of the small coordinator forms: validate, call the service, go back."""
    if request.method == "POST" and form.is_valid():
        try:
            save({name: form.cleaned_data[name] for name in form.fields})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Gespeichert."))
            return redirect(meeting.get_absolute_url() + anchor)
    return render(request, "meetings/item_form.html",
                  {"meeting": meeting, "form": form, "title": title, "anchor": anchor})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def agenda_item_edit(request, pk, item_pk=None):
    meeting = get_object_or_404(Meeting, pk=pk)
    item = (get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting) if item_pk
            else AgendaItem(meeting=meeting))
    form = AgendaItemForm(request.POST or None, instance=item, meeting=meeting)
    title = _("Tagesordnungspunkt bearbeiten") if item_pk else _("Tagesordnungspunkt hinzufügen")
    return _form_page(request, meeting, form, title, "#tagesordnung", lambda fields:
                      services.agenda_item_save(item=item, fields=fields, by=request.user))


@require_POST
@permission_required("members.manage_network")
def agenda_item_delete(request, pk, item_pk):
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting_id=pk)
    services.agenda_item_delete(item=item, by=request.user)
    messages.success(request, _("Der Tagesordnungspunkt wurde entfernt."))
    return redirect(item.meeting.get_absolute_url() + "#tagesordnung")


@require_POST
@permission_required("members.manage_network")
def agenda_item_move(request, pk, item_pk):
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting_id=pk)
    services.agenda_item_move(item=item, direction=-1 if request.POST.get("direction") == "up"
                              else 1, by=request.user)
    return redirect(item.meeting.get_absolute_url() + "#tagesordnung")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def minutes_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    published = bool(minutes and minutes.state == MinutesState.PUBLISHED)
    form = MinutesForm(request.POST or None, items=meeting.agenda_items.all(),
                       published=published, initial={"summary": minutes.summary if minutes
                                                     else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(meeting=meeting, summary=form.cleaned_data["summary"],
                                  notes=form.notes(), by=request.user,
                                  correction_reason=form.cleaned_data.get("correction_reason",
                                                                          ""))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Das Protokoll wurde gespeichert."))
            return redirect(meeting.get_absolute_url() + "#protokoll")
    return render(request, "meetings/minutes_form.html",
                  {"meeting": meeting, "form": form, "published": published})


@require_POST
@permission_required("members.manage_network")
def minutes_publish(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    try:
        services.minutes_publish(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Das Protokoll ist veröffentlicht; die Arbeitsgruppe wird "
                                    "per E-Mail benachrichtigt."))
    return redirect(meeting.get_absolute_url() + "#protokoll")


@require_POST
@permission_required("members.manage_network")
def minutes_approve(request, pk):
    """Mark the minutes a 'Genehmigung des Protokolls' item of this meeting refers to."""
    meeting = get_object_or_404(Meeting, pk=pk)
    item = get_object_or_404(AgendaItem, pk=int_param(request.POST.get("item")),
                             meeting=meeting, approves_minutes_of__isnull=False)
    minutes = get_object_or_404(Minutes, meeting=item.approves_minutes_of)
    try:
        services.minutes_approve(minutes=minutes, in_meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Das Protokoll von „%(title)s“ ist genehmigt.")
                         % {"title": minutes.meeting.title})
    return redirect(meeting.get_absolute_url() + "#tagesordnung")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def decision_edit(request, pk, decision_pk=None):
    meeting = get_object_or_404(Meeting, pk=pk)
    decision = (get_object_or_404(Decision, pk=decision_pk, meeting=meeting) if decision_pk
                else Decision(meeting=meeting))
    form = DecisionForm(request.POST or None, instance=decision, meeting=meeting)
    title = _("Beschluss bearbeiten") if decision_pk else _("Beschluss erfassen")
    return _form_page(request, meeting, form, title, "#beschluesse", lambda fields:
                      services.decision_save(decision=decision, fields=fields, by=request.user))


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def action_item_edit(request, pk, item_pk=None):
    meeting = get_object_or_404(Meeting.objects.select_related("working_group"), pk=pk)
    item = (get_object_or_404(ActionItem, pk=item_pk, meeting=meeting) if item_pk
            else ActionItem(meeting=meeting))
    form = ActionItemForm(request.POST or None, instance=item, meeting=meeting)
    title = _("Aufgabe bearbeiten") if item_pk else _("Aufgabe erfassen")
    return _form_page(request, meeting, form, title, "#aufgaben", lambda fields:
                      services.action_item_save(item=item, fields=fields, by=request.user))


@require_POST
def action_item_done(request, item_pk):
    item = get_object_or_404(ActionItem.objects.select_related("meeting"), pk=item_pk)
    done = request.POST.get("done") == "1"
    services.action_item_set_done(item=item, done=done, by=request.user)
    messages.success(request, _("Die Aufgabe „%(title)s“ ist erledigt.") % {"title": item.title}
                     if done else _("Die Aufgabe „%(title)s“ ist wieder offen.")
                     % {"title": item.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = item.meeting.get_absolute_url() + "#aufgaben"
    return redirect(target)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def document_upload(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.document_add(meeting=meeting, title=form.cleaned_data["title"],
                              file=form.cleaned_data["file"], by=request.user)
        messages.success(request, DOCUMENT_UPLOADED)
        return redirect(meeting.get_absolute_url() + "#unterlagen")
    return render(request, "meetings/item_form.html", {
        "meeting": meeting, "form": form, "title": _("Unterlage hochladen"),
        "anchor": "#unterlagen", "multipart": True})


@require_safe
def document_download(request, document_pk):
    """Documents are internal: served only to member staff, never from a public URL."""
    if not request.user.has_perm("members.view_internal"):
        raise PermissionDenied
    document = get_object_or_404(MeetingDocument, pk=document_pk)
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.file.name.rsplit("/", 1)[-1])
