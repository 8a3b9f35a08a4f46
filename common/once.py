"""One-time form tokens: a double click or a resubmitted page does not act twice.

Every POST form carries `{% once_token %}`, a random token per rendered form. For a POST
that carries one, `OnceTokenMiddleware` claims the token in a transaction that wraps the
view: it inserts a row with a unique (scope, token) before the view runs. A second,
concurrent submission of the same form blocks on that unique index until the first has
finished; then

* the first answered with a redirect (the action was done): the row stays with the
  redirect target, and the second request is sent there (303) with a note instead of
  acting again;
* the first answered 200 (form errors, a preview): nothing was done, the row was deleted,
  and the second request runs normally;
* the first answered 4xx/5xx: everything it wrote was rolled back, the token is free.

The view's own `transaction.atomic` blocks become savepoints, and `on_commit` callbacks
(mails, tasks) run only once the whole request has committed. A CSRF failure answers
before this middleware's view hook, so it never uses up a token. Old rows are removed by
the periodic task `common.tasks.once_tokens_cleanup`.
"""

import re
import sys
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .models import OnceToken
from .templatetags.once import ONCE_FIELD

TOKEN_PATTERN = re.compile(r"[0-9a-f]{32}")
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_KEEP_HOURS = 48


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _scope(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session = getattr(request, "session", None)
    key = session.session_key if session is not None else None
    return f"session:{key}" if key else "anonymous"


class _Claim:
    """The open transaction of one request and the token row it inserted (None when the
    token was already used)."""

    def __init__(self, request, token: str):
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.row: OnceToken | None = None
        self.used: OnceToken | None = None
        scope = _scope(request)
        try:
            try:
                with transaction.atomic():
                    self.row = OnceToken.objects.create(scope=scope, token=token,
                                                        path=request.path[:500])
            except IntegrityError:
                # The first submission has committed meanwhile (the insert waited for it).
                self.used = OnceToken.objects.filter(scope=scope, token=token).first()
        except BaseException:
            self.atomic.__exit__(*sys.exc_info())
            raise

    def finish(self, response) -> None:
        try:
            if self.row is None or response.status_code >= 400:
                transaction.set_rollback(True)
            elif response.status_code in REDIRECT_STATUSES and response.has_header("Location"):
                self.row.target = response["Location"][:2000]
                self.row.save(update_fields=["target"])
            else:
                self.row.delete()
        except BaseException:
            self.atomic.__exit__(*sys.exc_info())
            raise
        self.atomic.__exit__(None, None, None)

    def abort(self, exc_info) -> None:
        self.atomic.__exit__(*exc_info)


def _already_done(request, used: OnceToken | None):
    target = used.target if used is not None else ""
    if not target or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = request.path
    messages.info(request, _("Dieses Formular wurde bereits abgeschickt; Ihre Eingaben wurden "
                             "nur einmal übernommen. Hier sehen Sie das Ergebnis."),
                  fail_silently=True)
    return HttpResponseSeeOther(target)


class OnceTokenMiddleware:
    """Place after CsrfViewMiddleware, AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except BaseException:
            claim = request.__dict__.pop("_once_claim", None)
            if claim is not None:
                claim.abort(sys.exc_info())
            raise
        claim = request.__dict__.pop("_once_claim", None)
        if claim is not None:
            claim.finish(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        token = request.POST.get(ONCE_FIELD, "")
        if not TOKEN_PATTERN.fullmatch(token):
            return None  # no token (or a mangled one): the view runs unprotected, as before
        claim = _Claim(request, token)
        request._once_claim = claim
        if claim.row is None:
            return _already_done(request, claim.used)
        return None


def once_tokens_cleanup(*, now=None) -> int:
    """Forget tokens older than ONCE_TOKEN_KEEP_HOURS; returns how many were removed. A form
    left open longer than that is treated as new when it is finally sent."""
    hours = getattr(settings, "ONCE_TOKEN_KEEP_HOURS", DEFAULT_KEEP_HOURS)
    cutoff = (now or timezone.now()) - timedelta(hours=hours)
    deleted, _rows = OnceToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted
