"""The meeting list, the meeting page, planning and editing a meeting, and moving it along
(invite, mark as held, cancel)."""

from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import int_param
from common.permissions import URLObject, login_offered, permission_required

from ..enums import MeetingState
from ..filters import MeetingFilter
from ..forms.agenda import ActionItemsToAgendaForm
from ..forms.meetings import CarryOverForm, MeetingForm, PlanForGroupForm
from ..forms.registrations import RegistrationForm
from ..models import Meeting, WorkingGroup
from ..selectors.meetings import (
    meeting_page_head,
    meeting_page_parts,
    meetings_for_list,
    registration_counts,
)
from ..selectors.planning import meeting_form_initial
from ..selectors.public import meeting_public, public_records
from ..services.meetings import meeting_save, meeting_transition

VISITOR = AnonymousUser()
MEETING = URLObject(Meeting.objects.select_related("working_group"))


@require_safe
def index(request):
    internal = request.user.has_perm("meetings.view_internals")
    meetings = meetings_for_list(request.user)
    if internal:
        filterset = MeetingFilter(request.GET, queryset=meetings)
        meetings = filterset.qs
    else:
        # Visitors see only date, working group and host of what is still to come.
        meetings, filterset = meetings.order_by("starts_at"), None
    plan_form = None
    if request.user.has_perm("meetings.add_meeting"):
        chosen = filterset.form.cleaned_data.get("working_group") if (
            filterset is not None and filterset.form.is_valid()) else None
        # The filtered group, else the first: the browser would send the first as well.
        plan_form = PlanForGroupForm(auto_id="plan_%s", initial={
            "gruppe": chosen or WorkingGroup.objects.order_by("name").first()})
    return render(request, "meetings/meeting_list.html", {
        "meetings": meetings, "filter": filterset, "internal": internal, "now": timezone.now(),
        "plan_form": plan_form,
    })


@login_offered
@require_safe
def detail(request, pk):
    """Member staff see the whole meeting; everyone else the date, group and host of a
    meeting still to come, and the public records of one whose records are public
    (Meeting.objects.visible_to, selectors.public). `?ansicht=oeffentlich` shows member
    staff the page as visitors see it."""
    internal = request.user.has_perm("meetings.view_internals")
    if not internal or request.GET.get("ansicht") == "oeffentlich":
        meeting = get_object_or_404(meeting_public(pk, VISITOR))
        return render(request, "meetings/meeting_public.html", {
            "meeting": meeting, "records": public_records(meeting), "preview": internal})
    meeting = get_object_or_404(meeting_page_head(pk))
    registrations = list(meeting.registrations.all())
    mine = next((r for r in registrations if r.user_id == request.user.pk), None)
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting,
        "registrations": [r for r in registrations if not r.is_declined],
        "counts": registration_counts(meeting),
        "my_registration": mine,
        "registration_form": RegistrationForm(meeting=meeting, initial={
            "mode": mine.mode} if mine else None),
        "minutes": getattr(meeting, "minutes", None),
        # Agenda, documents, knowledge, participants, minutes and decisions are the same
        # for every member reader: kept as parts ({% cached_part %}) and loaded only when
        # rendered; the coordination office's page (with its edit forms) is always fresh.
        "parts": cache(partial(_detail_parts, meeting)),  # loaded once for all parts
        "part_audience": None if request.user.has_perm("meetings.manage_meeting") else "",
    })


def _detail_parts(meeting):
    parts = meeting_page_parts(meeting)
    to_agenda = ActionItemsToAgendaForm(items=parts["carried_over"], on_agenda={
        item.action_item_id for item in meeting.agenda_items.all()})
    parts["to_agenda_form"] = to_agenda if to_agenda.fields["items"].choices else None
    return parts


def _meeting_form_page(request, meeting, initial=None, suggestion=None, source=None):
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)
    carry_form = CarryOverForm(request.POST or None, source=source) if source else None
    if request.method == "POST" and form.is_valid() and (carry_form is None
                                                          or carry_form.is_valid()):
        fields = form.meeting_fields()
        try:
            meeting = meeting_save(
                meeting=meeting, fields=fields, by=request.user, carry_over_from=source,
                carry_over_items=carry_form.item_ids() if carry_form else ())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Sitzung wurde gespeichert."))
            return redirect(meeting)
    plan_form = None
    if meeting.pk is None and suggestion is None:
        plan_form = PlanForGroupForm(auto_id="plan_%s")
    return render(request, "meetings/meeting_form.html", {
        "form": form, "meeting": meeting, "suggestion": suggestion,
        "carry_form": carry_form, "source": source, "plan_form": plan_form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.add_meeting")
def meeting_create(request):
    """A new meeting; `?gruppe=<slug>` fills in the planning help for that group, `?von=<pk>`
    offers the agenda items of an earlier meeting to take over."""
    group = WorkingGroup.objects.filter(slug=request.GET.get("gruppe")).first()
    initial = meeting_form_initial(group) if group else {}
    suggestion = {"starts_at": initial["starts_at"], "host": initial["host"],
                  "location": initial["location"], "group": group} if group else None
    source_pk = int_param(request.GET.get("von"), minimum=1)
    source = Meeting.objects.filter(pk=source_pk).first() if source_pk else None
    return _meeting_form_page(request, Meeting(), initial, suggestion, source)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.manage_meeting", obj=MEETING)
def meeting_edit(request, meeting):
    return _meeting_form_page(request, meeting)


@require_POST
@permission_required("meetings.manage_meeting", obj=MEETING)
def transition(request, meeting):
    """Invite or mark as held, by the target state in `to` (cancelling: confirmations)."""
    target = request.POST.get("to", "")
    if target not in MeetingState.values:
        raise Http404
    if target == MeetingState.CANCELLED:
        # Cancelling goes through its confirmation page (who is told, with the reason).
        return redirect("meetings:cancel", pk=meeting.pk)
    try:
        meeting_transition(meeting=meeting, to=target, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Die Sitzung ist jetzt „%(state)s“.")
                         % {"state": MeetingState(target).label})
    return redirect(meeting)
