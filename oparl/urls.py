"""OParl 1.1 below /oparl/v1/ (ids are these addresses below SITE_URL; they never change)
and the page for people, /schnittstellen/. Included by kreishaus/urls.py at the root."""

from django.urls import path, re_path

from . import views

app_name = "oparl"
V1 = "oparl/v1/"
urlpatterns = [
    path("schnittstellen/", views.interfaces, name="interfaces"),
    path(V1, views.system, name="system"),
    path(V1 + "bodies", views.bodies, name="bodies"),
    path(V1 + "body/<str:body_id>", views.body, name="body"),
    path(V1 + "body/<str:body_id>/organization", views.body_organizations,
         name="body_organizations"),
    path(V1 + "body/<str:body_id>/meeting", views.body_meetings, name="body_meetings"),
    path(V1 + "body/<str:body_id>/person", views.body_people, name="body_people"),
    path(V1 + "body/<str:body_id>/paper", views.body_papers, name="body_papers"),
    path(V1 + "body/<str:body_id>/agendaItem", views.body_agenda_items,
         name="body_agenda_items"),
    path(V1 + "body/<str:body_id>/location", views.body_locations, name="body_locations"),
    path(V1 + "organization/<int:pk>", views.organization, name="organization"),
    path(V1 + "organization/<int:pk>/meeting", views.organization_meetings,
         name="organization_meetings"),
    path(V1 + "meeting/<int:pk>", views.meeting, name="meeting"),
    path(V1 + "agendaitem/<int:pk>", views.agenda_item, name="agenda_item"),
    path(V1 + "location/<int:pk>", views.location, name="location"),
    path(V1 + "file/protokoll/<int:pk>", views.minutes_file, name="minutes_file"),
    path(V1 + "file/protokoll/<int:pk>/inhalt", views.minutes_access, name="minutes_access"),
    path(V1 + "file/protokoll/<int:pk>/download", views.minutes_download,
         name="minutes_download"),
    path(V1 + "file/dokument/<int:pk>", views.document_file, name="document_file"),
    path(V1 + "file/dokument/<int:pk>/inhalt", views.document_access, name="document_access"),
    path(V1 + "file/dokument/<int:pk>/download", views.document_download,
         name="document_download"),
    # Anything else below /oparl/v1/ answers with the spec's error object.
    re_path(r"^oparl/v1/(?P<rest>.*)$", views.not_found, name="not_found"),
]
