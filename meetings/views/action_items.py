"""Action items of a meeting: recorded by the coordination office, ticked off by whoever is
responsible."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import URLObject, permission_required

from ..forms.action_items import ActionItemForm
from ..models import ActionItem, Meeting
from ..services.action_items import action_item_save, action_item_set_done
from .form_page import form_page


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.change_action_items",
                     obj=URLObject(Meeting.objects.select_related("working_group")))
def action_item_edit(request, meeting, item_pk=None):
    item = (get_object_or_404(ActionItem, pk=item_pk, meeting=meeting) if item_pk
            else ActionItem(meeting=meeting))
    form = ActionItemForm(request.POST or None, instance=item, meeting=meeting)
    title = _("Aufgabe bearbeiten") if item_pk else _("Aufgabe erfassen")
    return form_page(request, meeting, form, title, "#aufgaben", lambda fields:
                     action_item_save(item=item, fields=fields, by=request.user))


@require_POST
@permission_required("meetings.tick_off_action_item", obj=URLObject(
    ActionItem.objects.select_related("meeting", "responsible_administration"),
    kwarg="item_pk", field="pk"))
def action_item_done(request, item):
    """Tick off (done=1) or open again; back to `next` if it is on this site."""
    done = request.POST.get("done") == "1"
    action_item_set_done(item=item, done=done, by=request.user)
    messages.success(request, _("Die Aufgabe „%(title)s“ ist erledigt.") % {"title": item.title}
                     if done else _("Die Aufgabe „%(title)s“ ist wieder offen.")
                     % {"title": item.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = item.meeting.get_absolute_url() + "#aufgaben"
    return redirect(target)
