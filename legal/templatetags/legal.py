"""`{% feedback_url %}`: the address of the contact form, with the current page as
`?seite=` so the form knows which page a reported barrier is on (the footer uses it).

An address that carries a secret (invitation or password links) is not passed on: the
message would carry the secret to the coordination office's inbox.
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from common.cache_control import SECRET_URL_KWARGS

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_url(context) -> str:
    url = reverse("legal:feedback")
    request = context.get("request")
    if request is None:
        return url
    match = getattr(request, "resolver_match", None)
    secrets = getattr(settings, "CACHE_CONTROL_SECRET_URL_KWARGS", SECRET_URL_KWARGS)
    if match is not None and (match.url_name == "feedback" and match.namespace == "legal"
                              or any(name in match.kwargs for name in secrets)):
        return url
    return f"{url}?{urlencode({'seite': request.path})}"
