"""Confirmation pages of the irreversible steps: publishing the minutes and cancelling a
meeting. GET says what will happen (with the numbers from the data), POST does it; no
JavaScript needed. A step the state or the content forbids shows the reason instead of
the button."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.permissions import URLObject, permission_required

from ..enums import MeetingState
from ..forms.meetings import CancelForm
from ..models import Meeting
from ..rules import STATE_REFUSALS
from ..selectors.confirmations import (
    cancellation_recipients,
    minutes_content,
    minutes_publish_recipients,
)
from ..selectors.meetings import registration_counts
from ..services.meetings import meeting_transition
from ..services.minutes import EMPTY_MINUTES_REFUSAL, minutes_publish

MEETING = URLObject(Meeting.objects.select_related("working_group"))


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=MEETING)
def minutes_publish_confirm(request, meeting):
    """Publish the minutes: the page names what they hold and how many people are told."""
    error = ""
    if request.method == "POST":
        try:
            minutes_publish(meeting=meeting, by=request.user)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("Das Protokoll ist veröffentlicht; die Arbeitsgruppe "
                                        "wird per E-Mail benachrichtigt."))
            return redirect(meeting.get_absolute_url() + "#protokoll")
    content = minutes_content(meeting)
    return render(request, "meetings/minutes_publish_confirm.html", {
        "meeting": meeting, "content": content, "error": error,
        "empty_refusal": EMPTY_MINUTES_REFUSAL if content.is_empty else "",
        "state_refusal": STATE_REFUSALS["meetings.publish_minutes"],
        "recipients": minutes_publish_recipients(meeting),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=MEETING)
def cancel_confirm(request, meeting):
    """Cancel a meeting with a reason: the page says who is told."""
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_transition(meeting=meeting, to=MeetingState.CANCELLED, by=request.user,
                               reason=form.cleaned_data["reason"])
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Die Sitzung ist abgesagt."))
            return redirect(meeting)
    meeting = Meeting.objects.select_related("working_group").prefetch_related(
        "registrations").get(pk=meeting.pk)
    return render(request, "meetings/cancel_confirm.html", {
        "meeting": meeting, "form": form, "counts": registration_counts(meeting),
        "recipients": cancellation_recipients(meeting),
    })
