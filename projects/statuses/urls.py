"""One administration's statuses: editing one, picking an OZG service, the history."""

from django.urls import path

from . import views

urlpatterns = [
    path("verwaltung/<slug:slug>/verlauf/", views.status_history, name="status_history"),
    path("verwaltung/<slug:slug>/thema/<slug:topic>/", views.status_edit_topic,
         name="status_edit_topic"),
    path("verwaltung/<slug:slug>/ozg/", views.status_service_pick,
         name="status_service_pick"),
    path("verwaltung/<slug:slug>/ozg/<int:ozg_id>/", views.status_edit_service,
         name="status_edit_service"),
]
