"""Site-wide views: start page and dashboard, health check, public media."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from knowledge.selectors import articles_newest
from meetings.selectors import action_items_open_for, meetings_upcoming_for
from members.selectors import administrations_public
from projects.surveys import survey_rounds_open_for


@require_safe
def start(request):
    if request.user.is_authenticated:
        return render(request, "kreishaus/dashboard.html", {
            "upcoming_meetings": meetings_upcoming_for(request.user),
            "my_action_items": action_items_open_for(request.user),
            "open_surveys": survey_rounds_open_for(request.user),
            "new_articles": articles_newest(request.user),
        })
    return render(
        request, "kreishaus/landing.html", {"administrations": administrations_public()}
    )


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it does not; for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def public_media(request, path):
    """Public uploads (logos); MEDIA_ROOT is read per request so tests may move it."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
