"""The error pages: 400 (with the reason, e.g. the body limit), 403 for a failed CSRF
check, and 500 (which says whether the operators were notified).

Each renders in the site layout where it can; a page that would itself fail falls back
to plainer forms, so that an error page never becomes a second error. Nothing here calls
request.get_host(): a 400 may be the answer to a forged Host header.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def _page(request, template: str, context: dict, status: int, fallback: str) -> HttpResponse:
    try:
        return render(request, template, context, status=status)
    except Exception:
        logger.exception("Error page %s failed in the layout", template)
    try:  # without the request: no user, no session, no context processors
        return HttpResponse(loader.render_to_string(template, {**context, "bare": True}),
                            status=status)
    except Exception:
        logger.exception("Error page %s failed", template)
    return HttpResponse(fallback, status=status, content_type="text/plain; charset=utf-8")


def body_limit_text() -> str:
    return filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


def bad_request(request, exception=None):
    """handler400: a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a Host not in ALLOWED_HOSTS,
    too many fields, and every other SuspiciousOperation."""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(exception, RequestDataTooBig):
            reason = _("Die gesendeten Daten sind zu umfangreich: Ein Formular darf ohne "
                       "angehängte Dateien höchstens %(limit)s umfassen. Bitte kürzen Sie "
                       "Ihre Eingaben und senden Sie das Formular erneut.") % {
                "limit": body_limit_text()}
        elif isinstance(exception, DisallowedHost):
            reason = _("Die Anfrage richtet sich an eine Adresse, unter der dieses Portal "
                       "nicht erreichbar ist. Bitte rufen Sie das Portal über seine "
                       "offizielle Adresse auf.")
        elif isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
            reason = _("Das Formular enthält zu viele Felder oder Dateien, um es zu "
                       "verarbeiten.")
        else:
            reason = _("Die Anfrage ist ungültig oder unvollständig und wurde deshalb nicht "
                       "verarbeitet.")
        fallback = _("Ungültige Anfrage (Fehler 400). %(reason)s") % {"reason": reason}
        return _page(request, "400.html", {"reason": reason}, 400, fallback)


@requires_csrf_token
def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: Django's own page is English and technical."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Das Formular konnte nicht sicher zugeordnet werden, etwa weil die Seite "
                 "zu lange geöffnet war oder Cookies blockiert sind. Bitte laden Sie die "
                 "Seite neu und senden Sie das Formular erneut.")
        return _page(request, "403.html", {"reason": text}, 403,
                     _("Zugriff verweigert (Fehler 403). %(reason)s") % {"reason": text})


# Seconds after which a client may try again while the database is unreachable.
DATABASE_DOWN_RETRY_AFTER = 30


def _database_unreachable() -> bool:
    """The exception being handled says the database is down or the connection was lost
    (not a bug in a query: those are ProgrammingError, IntegrityError …)."""
    exc = sys.exc_info()[1]
    return isinstance(exc, OperationalError | InterfaceError)


def server_error(request):
    """handler500: rendered without the request or the database (either may be the
    cause), and truthful about who was told. An unreachable database answers 503 with
    Retry-After: nothing is broken that the operators must fix in the code, and the
    pages serve again as soon as it is back (connections are checked before reuse)."""
    with translation.override(settings.LANGUAGE_CODE):
        if _database_unreachable():
            try:
                response = HttpResponse(loader.render_to_string("503.html"), status=503)
            except Exception:
                response = HttpResponse(
                    _("Das Portal ist vorübergehend nicht erreichbar (Fehler 503). Bitte "
                      "versuchen Sie es in einigen Minuten erneut."),
                    status=503, content_type="text/plain; charset=utf-8")
            response["Retry-After"] = str(DATABASE_DOWN_RETRY_AFTER)
            return response
        context = {"admins_notified": bool(settings.ADMINS)}
        try:
            return HttpResponse(loader.render_to_string("500.html", context), status=500)
        except Exception:
            return HttpResponse(_("Fehler auf dem Server (Fehler 500). Bitte versuchen Sie "
                                  "es in einigen Minuten erneut."),
                                status=500, content_type="text/plain; charset=utf-8")
