from django.conf import settings


def site(request) -> dict:
    context = {"DEMO_MODE": settings.DEMO_MODE, "SITE_URL": settings.SITE_URL}
    if settings.DEMO_MODE:
        from members.demo import demo_login_table

        context["demo_logins"] = demo_login_table()
    return context
