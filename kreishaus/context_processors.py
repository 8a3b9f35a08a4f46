from django.conf import settings


def site(request) -> dict:
    match = getattr(request, "resolver_match", None)
    context = {
        "DEMO_MODE": settings.DEMO_MODE,
        "SITE_URL": settings.SITE_URL,
        # The main navigation marks the section of the current page.
        "nav_section": (match.namespace or match.url_name) if match else "",
    }
    if settings.DEMO_MODE:
        from members.demo import demo_login_table

        context["demo_logins"] = demo_login_table()
    return context
