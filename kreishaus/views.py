"""Site-wide views: start page and dashboard, health check, public media, security.txt."""

from datetime import UTC, timedelta

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from common.changes import recent_changes
from common.health import health_report
from common.page_cache import until_changed, visitor_cached
from common.uploads import IMAGE_TYPES, image_format_of
from members.maps import kinds_map
from members.rules import is_member_staff
from members.selectors import administrations_public, members_newest
from projects.statuses.freshness import status_scopes

from .landing import landing_context

LANDING_NEWEST_MEMBERS = 12


def _recent_changes(user):
    """"Letzte Änderungen", the same for everyone of a role (the sources scope by role),
    kept in the cache until the next write a visitor could see or a status change (six
    queries, ~130 ms at national scale, on every dashboard otherwise)."""
    audience = f"{is_member_staff(user)}:{user.role}:{user.is_superuser}"
    scopes = (*status_scopes(topics=True), status_scopes(services=True)[1])
    return until_changed(f"dashboard:changes:{audience}", lambda: recent_changes(user),
                         scopes=scopes)


@require_safe
@visitor_cached
def start(request):
    if request.user.is_authenticated:
        # The panels are the sections the apps registered for common.sections.DASHBOARD.
        return render(request, "kreishaus/dashboard.html",
                      {"recent_changes": _recent_changes(request.user)})
    members = administrations_public()
    # The newest members only: at national scale the network has 11,000 (the directory
    # pages through all of them).
    return render(request, "kreishaus/landing.html", {
        "member_count": members.count(),
        "newest_members": members_newest(limit=LANDING_NEWEST_MEMBERS),
        "member_map": kinds_map(request),
        **landing_context(request.user),
    })


@never_cache
@require_safe
def healthz(request):
    """The health report of common.health as JSON: 200 when the database answers (status
    "ok" or "degraded"), 503 when it does not; for load balancers and monitoring."""
    try:
        report = health_report()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse(report)


@require_safe
def public_media(request, path):
    """Public uploads (logos), typed by their content, not their name: a PNG named .pdf is
    served as a PNG; what is no PNG, JPEG, GIF or WebP is only offered as a download.
    MEDIA_ROOT is read per request so tests may move it."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    with open(safe_join(settings.MEDIA_ROOT, path), "rb") as file:
        image_type = IMAGE_TYPES.get(image_format_of(file.read(12)) or "")
    del response["Content-Encoding"]  # guessed from names such as logo.png.gz
    if image_type is None:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    else:
        response["Content-Type"] = image_type.content_type
        del response["Content-Disposition"]  # its file name may claim another type
    response["X-Content-Type-Options"] = "nosniff"
    # Even opened on its own, an upload runs nothing and embeds nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


SECURITY_TXT_VALID_DAYS = 180


@require_safe
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability (SECURITY_CONTACT, several separated by
    commas), valid for half a year from each request."""
    contacts = [" ".join(contact.split()) for contact in settings.SECURITY_CONTACT.split(",")
                if contact.strip()]
    expires = timezone.now().astimezone(UTC) + timedelta(days=SECURITY_TXT_VALID_DAYS)
    lines = [*(f"Contact: {'mailto:' if ':' not in c else ''}{c}" for c in contacts),
             f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
             "Preferred-Languages: de, en",
             f"Canonical: {settings.SITE_URL}/.well-known/security.txt"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
