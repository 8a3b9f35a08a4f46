"""Meeting list, meeting page, the coordinator's meeting forms and registrations."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import int_param
from common.permissions import permission_required

from . import services
from .enums import MeetingState, RegistrationStatus
from .filters import MeetingFilter
from .forms import AttendanceForm, CancelForm, CarryOverForm, MeetingForm, RegistrationForm
from .models import Meeting, WorkingGroup
from .selectors_pages import (
    agenda_with_times,
    meeting_for_page,
    meetings_for_list,
    open_items_of_group,
    registration_counts,
)


def _meeting(pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("working_group"), pk=pk)


@require_safe
def index(request):
    internal = request.user.has_perm("members.view_internal")
    meetings = meetings_for_list(request.user)
    if not internal:
        # Visitors see only date, working group and host of what is still to come.
        meetings = meetings.order_by("starts_at")
        filterset = None
    else:
        filterset = MeetingFilter(request.GET, queryset=meetings)
        meetings = filterset.qs
    return render(request, "meetings/meeting_list.html", {
        "meetings": meetings, "filter": filterset, "internal": internal,
        "can_manage": request.user.has_perm("members.manage_network"), "now": timezone.now(),
    })


@require_safe
def detail(request, pk):
    internal = request.user.has_perm("members.view_internal")
    if not internal:
        meeting = get_object_or_404(
            Meeting.objects.visible_to(request.user).select_related("working_group", "host"),
            pk=pk)
        return render(request, "meetings/meeting_public.html", {"meeting": meeting})
    meeting = get_object_or_404(meeting_for_page(pk))
    registrations = list(meeting.registrations.all())
    mine = next((r for r in registrations if r.user_id == request.user.pk), None)
    minutes = getattr(meeting, "minutes", None)
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting,
        "agenda": agenda_with_times(meeting),
        "registrations": [r for r in registrations if r.status != RegistrationStatus.DECLINED],
        "counts": registration_counts(meeting),
        "my_registration": mine,
        "registration_open": services.registration_is_open(meeting),
        "registration_form": RegistrationForm(meeting=meeting, initial={
            "mode": mine.mode} if mine else None),
        "minutes": minutes,
        "show_minutes": minutes is not None and (
            minutes.state == "published" or request.user.is_coordinator),
        "carried_over": open_items_of_group(meeting),
        "completable": {item.pk for item in meeting.action_items.all()
                        if services.action_item_may_complete(item, request.user)},
        "can_manage": request.user.has_perm("members.manage_network"),
        "cancel_form": CancelForm(),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def meeting_edit(request, pk=None):
    meeting = _meeting(pk) if pk else Meeting()
    initial = {}
    suggestion = None
    if pk is None:
        group = WorkingGroup.objects.filter(slug=request.GET.get("gruppe")).first()
        if group:
            from .selectors import next_meeting_suggestion

            starts, host = next_meeting_suggestion(group)
            last = group.meetings.exclude(state=MeetingState.CANCELLED).order_by(
                "-starts_at").first()
            duration = (last.ends_at - last.starts_at) if last else timedelta(hours=3)
            suggestion = {"starts_at": starts, "host": host, "group": group}
            initial = {"working_group": group, "host": host, "starts_at": starts,
                       "ends_at": starts + duration if starts else None,
                       "title": _("Sitzung der %(group)s") % {"group": group.name}}
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)
    source_pk = int_param(request.GET.get("von"), minimum=1) if pk is None else None
    source = Meeting.objects.filter(pk=source_pk).first() if source_pk else None
    carry_form = CarryOverForm(request.POST or None, source=source) if source else None
    if request.method == "POST" and form.is_valid() and (carry_form is None
                                                          or carry_form.is_valid()):
        fields = {name: form.cleaned_data[name] for name in form.fields}
        try:
            with transaction.atomic():
                meeting = services.meeting_save(meeting=meeting, fields=fields, by=request.user)
                if carry_form is not None:
                    services.agenda_carry_over(source=source, target=meeting,
                                               item_ids=carry_form.item_ids(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Sitzung wurde gespeichert."))
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {
        "form": form, "meeting": meeting, "suggestion": suggestion,
        "carry_form": carry_form, "source": source})


@require_POST
@permission_required("members.manage_network")
def meeting_transition(request, pk):
    meeting = _meeting(pk)
    target = request.POST.get("to", "")
    if target not in MeetingState.values:
        raise Http404
    form = CancelForm(request.POST) if target == MeetingState.CANCELLED else None
    if form is not None and not form.is_valid():
        messages.error(request, _("Bitte geben Sie einen Grund für die Absage an."))
        return redirect(meeting)
    try:
        services.meeting_transition(meeting=meeting, to=target, by=request.user,
                                    reason=form.cleaned_data["reason"] if form else "")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Die Sitzung ist jetzt „%(state)s“.")
                         % {"state": MeetingState(target).label})
    return redirect(meeting)


@require_POST
def register(request, pk):
    if not request.user.has_perm("members.view_internal"):
        raise PermissionDenied
    meeting = _meeting(pk)
    form = RegistrationForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie, wie Sie teilnehmen."))
        return redirect(meeting)
    try:
        registration = services.registration_register(
            meeting=meeting, user=request.user, mode=form.cleaned_data["mode"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == RegistrationStatus.WAITING:
            messages.warning(request, _("Die Sitzung ist ausgebucht. Sie stehen auf der "
                                        "Warteliste und rücken automatisch nach."))
        else:
            messages.success(request, _("Sie sind angemeldet (%(mode)s).")
                             % {"mode": registration.get_mode_display()})
    return redirect(meeting)


@require_POST
def decline(request, pk):
    if not request.user.has_perm("members.view_internal"):
        raise PermissionDenied
    meeting = _meeting(pk)
    try:
        services.registration_decline(meeting=meeting, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Sie haben für diese Sitzung abgesagt."))
    return redirect(meeting)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.manage_network")
def attendance(request, pk):
    meeting = get_object_or_404(meeting_for_page(pk))
    registrations = [r for r in meeting.registrations.all()
                     if r.status != RegistrationStatus.DECLINED]
    people = [r.user for r in registrations]
    form = AttendanceForm(request.POST or None, people=people, initial={
        "attended": [str(r.user_id) for r in registrations if r.attended]})
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, attended_user_ids=form.attended_ids(),
                                       by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Anwesenheit wurde gespeichert."))
            return redirect(meeting.get_absolute_url() + "#anwesenheit")
    return render(request, "meetings/attendance_form.html", {"meeting": meeting, "form": form})
