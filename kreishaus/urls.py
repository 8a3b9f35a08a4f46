from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("Kreishaus – Verwaltung")
admin.site.site_title = _("Kreishaus")
admin.site.index_title = _("Verwaltung der Plattform")

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("suche/", views.search, name="search"),
    path("konto/", include("allauth.urls")),
    path("mitglieder/", include("members.urls")),
    path("sitzungen/", include("meetings.urls")),
    path("vorhaben/", include("projects.urls")),
    path("wissen/", include("knowledge.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
