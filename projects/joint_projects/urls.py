"""Joint projects under /vorhaben/projekte/."""

from django.urls import path

from . import views

urlpatterns = [
    path("projekte/", views.project_list, name="projects"),
    path("projekte/neu/", views.project_create, name="project_create"),
    path("projekte/<slug:slug>/", views.project_detail, name="project"),
    path("projekte/<slug:slug>/bearbeiten/", views.project_edit, name="project_edit"),
    path("projekte/<slug:slug>/meilensteine/neu/", views.milestone_edit,
         name="milestone_create"),
    path("projekte/<slug:slug>/meilensteine/<int:pk>/", views.milestone_edit,
         name="milestone_edit"),
    path("projekte/<slug:slug>/meilensteine/<int:pk>/erledigt/", views.milestone_done,
         name="milestone_done"),
    path("projekte/<slug:slug>/unterlagen/neu/", views.document_upload,
         name="project_document_upload"),
    path("projekte/<slug:slug>/unterlagen/<int:pk>/", views.document_download,
         name="project_document"),
]
