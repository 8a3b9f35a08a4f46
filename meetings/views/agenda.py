"""Agenda items of a meeting: add, change, remove, reorder, put open action items of the
group on it (coordination office; read-only once the minutes are published)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import URLObject, permission_required

from ..forms.agenda import ActionItemsToAgendaForm, AgendaItemForm
from ..models import AgendaItem, Meeting
from ..selectors.meetings import open_items_of_group
from ..services.agenda import (
    agenda_add_action_items,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_save,
)
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


@require_POST
@permission_required("meetings.manage_meeting", obj=URLObject(Meeting))
def action_items_add(request, meeting):
    """The group's open action items chosen on the meeting page become agenda items."""
    form = ActionItemsToAgendaForm(request.POST, items=open_items_of_group(meeting),
                                   on_agenda=set())
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["items"]))
        return redirect(meeting.get_absolute_url() + ANCHOR)
    try:
        added = agenda_add_action_items(meeting=meeting, item_ids=form.item_ids(),
                                        by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if added:
            messages.success(request, ngettext(
                "%(count)d Aufgabe steht jetzt auf der Tagesordnung.",
                "%(count)d Aufgaben stehen jetzt auf der Tagesordnung.", len(added))
                % {"count": len(added)})
        else:
            messages.info(request, _("Die gewählten Aufgaben stehen bereits auf der "
                                     "Tagesordnung."))
    return redirect(meeting.get_absolute_url() + ANCHOR)
