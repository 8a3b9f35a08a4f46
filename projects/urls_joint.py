from django.urls import path

from . import views_joint

urlpatterns = [
    path("projekte/", views_joint.project_list, name="projects"),
    path("projekte/neu/", views_joint.project_create, name="project_create"),
    path("projekte/<slug:slug>/", views_joint.project_detail, name="project"),
    path("projekte/<slug:slug>/bearbeiten/", views_joint.project_edit, name="project_edit"),
    path("projekte/<slug:slug>/meilensteine/neu/", views_joint.milestone_edit,
         name="milestone_create"),
    path("projekte/<slug:slug>/meilensteine/<int:pk>/", views_joint.milestone_edit,
         name="milestone_edit"),
    path("projekte/<slug:slug>/meilensteine/<int:pk>/erledigt/", views_joint.milestone_done,
         name="milestone_done"),
    path("projekte/<slug:slug>/unterlagen/neu/", views_joint.document_upload,
         name="project_document_upload"),
    path("projekte/<slug:slug>/unterlagen/<int:pk>/", views_joint.document_download,
         name="project_document"),
]
