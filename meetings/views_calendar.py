"""Calendar downloads, the personal calendar feed, and PDF/CSV exports of a meeting."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from common.tabular import csv_response

from . import calendar, exports
from .enums import MinutesState
from .selectors_pages import meeting_for_page

ICS_TYPE = "text/calendar; charset=utf-8"


def require_member_staff(request) -> None:
    """Details of meetings are for the member administrations and the coordination office."""
    user = request.user
    if not (user.has_perm("members.view_internal") or user.has_perm("members.manage_network")):
        raise PermissionDenied


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(meeting, stem: str, extension: str) -> str:
    return f"{stem}-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.{extension}"


@require_safe
def meeting_ics(request, pk):
    require_member_staff(request)
    meeting = get_object_or_404(calendar.calendar_meetings(), pk=pk)
    return _download(calendar.meeting_ics(meeting), ICS_TYPE,
                     _filename(meeting, "sitzung", "ics"))


@never_cache
@require_safe
def feed(request, token):
    """The personal feed; the secret token in the address is the only credential."""
    user = calendar.feed_user(token)
    if user is None:
        raise Http404
    response = HttpResponse(calendar.feed_ics(calendar.meetings_for_feed(user)),
                            content_type=ICS_TYPE)
    response["Content-Disposition"] = 'inline; filename="kreishaus-sitzungen.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
def calendar_settings(request):
    require_member_staff(request)
    feed_url = settings.SITE_URL + reverse("meetings:feed",
                                           args=[request.user.calendar_token])
    return render(request, "meetings/calendar_settings.html", {
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        "past_days": calendar.FEED_PAST_DAYS,
        "nav_section": "meetings",
    })


@login_required
@require_POST
def calendar_regenerate(request):
    require_member_staff(request)
    calendar.calendar_token_regenerate(user=request.user)
    messages.success(request, _("Ihr Kalender-Link wurde neu erzeugt. Der alte Link "
                                "funktioniert nicht mehr; bitte abonnieren Sie den neuen."))
    return redirect("meetings:calendar")


def _export_meeting(request, pk):
    require_member_staff(request)
    return get_object_or_404(meeting_for_page(pk))


@require_safe
def minutes_pdf(request, pk):
    meeting = _export_meeting(request, pk)
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or minutes.state != MinutesState.PUBLISHED:
        raise Http404
    return _download(exports.minutes_pdf(meeting), "application/pdf",
                     _filename(meeting, "protokoll", "pdf"))


@require_safe
def attendance_pdf(request, pk):
    meeting = _export_meeting(request, pk)
    return _download(exports.attendance_pdf(meeting), "application/pdf",
                     _filename(meeting, "anwesenheit", "pdf"))


@require_safe
def attendance_csv(request, pk):
    meeting = _export_meeting(request, pk)
    header, rows = exports.attendance_table(meeting)
    return csv_response(_filename(meeting, "anwesenheit", "csv"), header, rows)
