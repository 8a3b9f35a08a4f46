from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

import members.views_settings

from . import views, views_search

admin.site.site_header = _("Kreishaus – Verwaltung")
admin.site.site_title = _("Kreishaus")
admin.site.index_title = _("Verwaltung der Plattform")

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("suche/", views_search.search, name="search"),
    path("konto/benachrichtigungen/", members.views_settings.notifications,
         name="notifications"),
    path("konto/", include("allauth.urls")),
    path("mitglieder/", include("members.urls")),
    path("sitzungen/", include("meetings.urls")),
    path("arbeitsgruppen/", include("meetings.urls_groups")),
    path("vorhaben/", include("projects.urls")),
    path("wissen/", include("knowledge.urls")),
    path("admin/", admin.site.urls),
]

# Logos are public images, checked for type and size on upload, so Django may serve them
# itself in every environment; other uploads get their own permission-checked views.
urlpatterns.append(re_path(r"^media/(?P<path>logos/[^/]+)$", views.public_media))
