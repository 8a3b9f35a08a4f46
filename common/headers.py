"""Response headers every page carries beyond Django's own: Permissions-Policy.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY).
"""

from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self"]} → 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    """Switches off browser features the portal never uses (settings.PERMISSIONS_POLICY),
    so that injected or framed content cannot use them either."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
