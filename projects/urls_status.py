from django.urls import path

from . import views_status

urlpatterns = [
    path("verwaltung/<slug:slug>/verlauf/", views_status.status_history, name="status_history"),
    path("verwaltung/<slug:slug>/thema/<slug:topic>/", views_status.status_edit_topic,
         name="status_edit_topic"),
    path("verwaltung/<slug:slug>/ozg/", views_status.status_service_pick,
         name="status_service_pick"),
    path("verwaltung/<slug:slug>/ozg/<int:ozg_id>/", views_status.status_edit_service,
         name="status_edit_service"),
]
