"""Calendars: the .ics file of one meeting, the personal feed (secret token in the address),
and the page where a person finds and renews their feed link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from common.permissions import permission_required

from .. import ical
from ..selectors.calendar import FEED_PAST_DAYS, calendar_meetings, feed_user, meetings_for_feed
from ..services.calendar import calendar_token_regenerate
from .exports import download, filename

ICS_TYPE = "text/calendar; charset=utf-8"


@require_safe
@permission_required("meetings.view_internals")
def meeting_ics(request, pk):
    meeting = get_object_or_404(calendar_meetings(), pk=pk)
    return download(ical.meeting_ics(meeting), ICS_TYPE, filename(meeting, "sitzung", "ics"))


@never_cache
@require_safe
def feed(request, token):
    """The personal feed; the secret token in the address is the only credential."""
    user = feed_user(token)
    if user is None:
        raise Http404
    response = HttpResponse(ical.feed_ics(meetings_for_feed(user)), content_type=ICS_TYPE)
    response["Content-Disposition"] = 'inline; filename="kreishaus-sitzungen.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
@permission_required("meetings.subscribe_calendar")
def calendar_settings(request):
    feed_url = settings.SITE_URL + reverse("meetings:feed",
                                           args=[request.user.calendar_token])
    return render(request, "meetings/calendar_settings.html", {
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        "past_days": FEED_PAST_DAYS,
        "nav_section": "meetings",
    })


@login_required
@require_POST
@permission_required("meetings.subscribe_calendar")
def calendar_regenerate(request):
    calendar_token_regenerate(user=request.user)
    messages.success(request, _("Ihr Kalender-Link wurde neu erzeugt. Der alte Link "
                                "funktioniert nicht mehr; bitte abonnieren Sie den neuen."))
    return redirect("meetings:calendar")
