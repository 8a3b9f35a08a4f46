"""One login path with its second factor.

- `/admin/login/` sends everyone to the portal login (allauth), so the admin has no login
  form of its own that skips the rate limits and the second factor.
- SecondFactorMiddleware ends any session that was opened without the second factor of a
  user who has one (whatever code path called `login()`), and, with
  MFA_REQUIRED_FOR_PRIVILEGED, sends superusers and coordinators without an authenticator
  app to its setup before anything else.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

_LOGGED_IN_ATTRIBUTE = "_kreishaus_logged_in"


def safe_local_path(url: str | None, default: str) -> str:
    """`url` if it is a path on this site ("/admin/…"), else `default`."""
    if (
        url
        and url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    ):
        return url
    return default


def admin_login(request):
    """Replaces Django's admin login form with the portal login (any method)."""
    next_url = safe_local_path(request.GET.get(REDIRECT_FIELD_NAME), reverse("admin:index"))
    if request.user.is_authenticated:
        # Logged in without admin rights: Django would show its login form again, the
        # portal login would send the user straight back here (a loop).
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return redirect(next_url)
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")


@receiver(user_logged_in, dispatch_uid="members.login.second_factor.mark_login")
def _mark_login(sender, request, user, **kwargs):
    # Only marks the request; SecondFactorMiddleware checks it once the view is done.
    if request is not None:
        setattr(request, _LOGGED_IN_ATTRIBUTE, user)


def _passed_second_factor(request, user) -> bool:
    return any(record.get("method") == "mfa"
               for record in get_authentication_records(request, user))


def _has_totp(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def _is_privileged(user) -> bool:
    return user.is_authenticated and user.is_coordinator  # superusers included


def _setup_exempt_prefixes() -> tuple[str, ...]:
    """Pages a privileged user without a second factor may still open."""
    return (
        reverse("mfa_index"),  # setup, recovery codes, MFA reauthentication
        reverse("account_reauthenticate"),
        reverse("account_logout"),
        reverse("admin:logout"),
        reverse("healthz"),
        settings.STATIC_URL,
        "/.well-known/",
    )


class SecondFactorMiddleware:
    """Place after AuthenticationMiddleware, MessageMiddleware and allauth's middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MFA_REQUIRED_FOR_PRIVILEGED and self._needs_setup(request):
            messages.warning(request, _(
                "Ihre Rolle erfordert eine Zwei-Faktor-Authentifizierung. Bitte richten Sie "
                "zuerst eine Authenticator-App ein; danach stehen Ihnen alle Seiten offen."
            ))
            return redirect("mfa_activate_totp")
        response = self.get_response(request)
        user = getattr(request, _LOGGED_IN_ATTRIBUTE, None)
        if user is not None and _has_totp(user) and not _passed_second_factor(request, user):
            logout(request)
            messages.error(request, _(
                "Für Ihr Konto ist die Zwei-Faktor-Authentifizierung eingerichtet. Bitte "
                "melden Sie sich hier mit Passwort und Code aus Ihrer Authenticator-App an."
            ))
            return redirect("account_login")
        return response

    @staticmethod
    def _needs_setup(request) -> bool:
        return (
            _is_privileged(request.user)
            and not request.path.startswith(_setup_exempt_prefixes())
            and not _has_totp(request.user)
        )
