"""Agenda items of a meeting: add, change, remove, reorder (coordination office; read-only
once the minutes are published)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import URLObject, permission_required

from ..forms.agenda import AgendaItemForm
from ..models import AgendaItem, Meeting
from ..services.agenda import agenda_item_delete, agenda_item_move, agenda_item_save
from .form_page import form_page

ANCHOR = "#tagesordnung"


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def item_edit(request, meeting, item_pk=None):
    item = (get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting) if item_pk
            else AgendaItem(meeting=meeting))
    form = AgendaItemForm(request.POST or None, instance=item, meeting=meeting)
    title = _("Tagesordnungspunkt bearbeiten") if item_pk else _("Tagesordnungspunkt hinzufügen")
    return form_page(request, meeting, form, title, ANCHOR, lambda fields:
                     agenda_item_save(item=item, fields=fields, by=request.user))


@require_POST
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def item_delete(request, meeting, item_pk):
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    try:
        agenda_item_delete(item=item, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Der Tagesordnungspunkt wurde entfernt."))
    return redirect(meeting.get_absolute_url() + ANCHOR)


@require_POST
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def item_move(request, meeting, item_pk):
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    try:
        agenda_item_move(item=item, direction=-1 if request.POST.get("direction") == "up"
                         else 1, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(meeting.get_absolute_url() + ANCHOR)
