"""Registering for a meeting and withdrawing (member staff), and recording who came
(coordination office)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import URLObject, permission_required

from ..forms.registrations import AttendanceForm, RegistrationForm
from ..models import Meeting
from ..selectors.meetings import meeting_for_page
from ..services.registrations import (
    attendance_record,
    registration_decline,
    registration_register,
)


@require_POST
@permission_required("meetings.take_part", obj=URLObject(Meeting))
def register(request, meeting):
    form = RegistrationForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie, wie Sie teilnehmen."))
        return redirect(meeting)
    try:
        registration = registration_register(
            meeting=meeting, user=request.user, mode=form.cleaned_data["mode"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.is_waiting:
            messages.warning(request, _("Die Sitzung ist ausgebucht. Sie stehen auf der "
                                        "Warteliste und rücken automatisch nach."))
        else:
            messages.success(request, _("Sie sind angemeldet (%(mode)s).")
                             % {"mode": registration.get_mode_display()})
    return redirect(meeting)


@require_POST
@permission_required("meetings.take_part", obj=URLObject(Meeting))
def decline(request, meeting):
    try:
        registration_decline(meeting=meeting, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Sie haben für diese Sitzung abgesagt."))
    return redirect(meeting)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=URLObject(lambda request: meeting_for_page()))
def attendance(request, meeting):
    """Tick who came; add member staff who came unregistered and guests from outside."""
    registrations = [r for r in meeting.registrations.all() if not r.is_declined]
    guests = list(meeting.guests.all())
    form = AttendanceForm(request.POST or None, people=[r.user for r in registrations],
                          guests=guests,
                          initial={"attended": [str(r.user_id) for r in registrations
                                                if r.attended],
                                   "guests_kept": [str(g.pk) for g in guests]})
    if request.method == "POST" and form.is_valid():
        try:
            attendance_record(meeting=meeting, attended_user_ids=form.attended_ids(),
                              walk_in_ids=form.cleaned_data["walk_ins"],
                              guests_add=form.cleaned_data["guests"],
                              guests_keep=form.guests_kept_ids(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Anwesenheit wurde gespeichert."))
            return redirect(meeting.get_absolute_url() + "#anwesenheit")
    return render(request, "meetings/attendance_form.html", {"meeting": meeting, "form": form})
