"""allauth's rate limits behind the reverse proxy: the client address they count by, how
long a blocked client waits, and the German 429 page."""

import ipaddress
import math
import time

from allauth import app_settings as allauth_settings
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext

ACCOUNT_APP = "allauth.account"
# Used when neither X-Forwarded-For nor REMOTE_ADDR holds an address: such clients share
# one bucket instead of getting an error page.
UNKNOWN_CLIENT = "unknown"

# The allauth views that answer 429, by URL name, with the action they count.
ACTIONS_BY_URL_NAME = {
    "account_login": "login",
    "account_signup": "signup",
    "account_reset_password": "reset_password",
    "account_reset_password_from_key": "reset_password_from_key",
    "account_reauthenticate": "reauthenticate",
    "account_change_password": "change_password",
    "account_set_password": "change_password",
    "account_email": "manage_email",
}


def _address(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address the trusted proxies saw the client come from (ALLAUTH_TRUSTED_PROXY_COUNT
    entries from the right of X-Forwarded-For), else REMOTE_ADDR.

    Entries further left are written by the client and never trusted. A header with fewer
    entries than trusted proxies (a request that bypassed the proxy) or an unparsable entry
    falls back to REMOTE_ADDR instead of the error allauth would raise.
    """
    count = allauth_settings.TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("X-Forwarded-For", "")
    ip = None
    if count > 0 and forwarded:
        entries = forwarded.split(",")
        if len(entries) >= count:
            ip = _address(entries[-count])
    return ip or _address(request.META.get("REMOTE_ADDR")) or UNKNOWN_CLIENT


def retry_after(request, *, action: str, key: str | None = None,
                app: str = ACCOUNT_APP) -> int:
    """Seconds until the rate limits of `action` let this client (and `key`) try again.

    Read from allauth's cache entries (timestamps, newest first); a limit counted per key
    whose key is unknown here counts with its full period, an upper bound.
    """
    now = time.time()
    rates = ratelimit.get_rates(app=app, action=action)
    waits = []
    for rate in rates:
        if rate.per == "user" and not request.user.is_authenticated:
            continue
        if rate.per == "key" and key is None:
            waits.append(rate.duration)
            continue
        cache_key = ratelimit.get_cache_key(request, app=app, action=action, rate=rate, key=key)
        history = [stamp for stamp in cache.get(cache_key, []) if stamp > now - rate.duration]
        if len(history) >= rate.amount:
            waits.append(history[rate.amount - 1] + rate.duration - now)
    if not waits:
        waits = [rate.duration for rate in rates] or [60]
    return max(1, math.ceil(max(waits)))


def wait_text(seconds: int) -> str:
    """ "30 Sekunden", "1 Minute", "5 Minuten": rounded up to whole minutes from one minute."""
    if seconds < 60:
        return ngettext("%(count)d Sekunde", "%(count)d Sekunden", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d Minute", "%(count)d Minuten", minutes) % {"count": minutes}


def too_many_requests(request, exception=None):
    """The 429 page allauth shows when a rate limit blocks a request (ROOT_URLCONF's
    handler429), with the waiting time and a Retry-After header."""
    match = getattr(request, "resolver_match", None)
    action = ACTIONS_BY_URL_NAME.get(match.url_name if match else None)
    seconds = retry_after(request, action=action) if action else 60
    response = render(request, "429.html", {"wait": wait_text(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response
