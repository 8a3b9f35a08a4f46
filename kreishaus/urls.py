from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

import members.login.second_factor
import members.views.notifications

from . import views, views_mailsink, views_search

admin.site.site_header = _("Kreishaus – Verwaltung")
admin.site.site_title = _("Kreishaus")
admin.site.index_title = _("Verwaltung der Plattform")

# allauth answers a blocked request with this view (German, with the waiting time).
handler429 = "members.login.ratelimits.too_many_requests"

handler400 = "kreishaus.views_errors.bad_request"
handler500 = "kreishaus.views_errors.server_error"

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # The quick start's mailbox; 404 unless MAIL_SINK_DIR is set (make run).
    path("schnellstart/e-mails/", views_mailsink.sent_mails, name="sent_mails"),
    path("schnellstart/e-mails/<str:name>/", views_mailsink.sent_mail, name="sent_mail"),
    path("schnellstart/e-mails/<str:name>/datei/", views_mailsink.sent_mail_download,
         name="sent_mail_download"),
    path("suche/", views_search.search, name="search"),
    path("konto/benachrichtigungen/", members.views.notifications.notifications,
         name="notifications"),
    path("konto/", include("members.urls_account")),
    path("konto/", include("allauth.urls")),
    path("mitglieder/", include("members.urls")),
    path("sitzungen/", include("meetings.urls")),
    path("arbeitsgruppen/", include("meetings.urls_groups")),
    path("vorhaben/", include("projects.urls")),
    path("wissen/", include("knowledge.urls")),
    # Rundfragen: asking and answering (polls.urls); results, exports, summary and article
    # (polls.results.urls).
    path("rundfragen/", include("polls.urls")),
    path("rundfragen/", include("polls.results.urls")),
    path("kommentare/", include("comments.urls")),
    path("benachrichtigungen/", include("notifications.urls")),
    # Open data: the OParl 1.1 API below /oparl/v1/ and its page /schnittstellen/.
    path("", include("oparl.urls")),
    # Legal pages, contact form and the coordination office's pages for them (legal.urls).
    path("", include("legal.urls")),
    # One login path: the admin's own login form would skip rate limits and MFA.
    path("admin/login/", members.login.second_factor.admin_login),
    path("admin/", admin.site.urls),
]

# Logos are public images, checked for type and size on upload, so Django may serve them
# itself in every environment; other uploads get their own permission-checked views.
urlpatterns.append(re_path(r"^media/(?P<path>logos/[^/]+)$", views.public_media))
