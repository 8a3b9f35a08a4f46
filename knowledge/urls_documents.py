from django.urls import path

from . import views_documents as views

# The names are a contract: other apps link to these pages.
urlpatterns = [
    path("dokumente/", views.document_list, name="document_list"),
    path("dokumente/neu/", views.document_create, name="document_create"),
    path("dokumente/<int:pk>/", views.document_detail, name="document_detail"),
    path("dokumente/<int:pk>/bearbeiten/", views.document_edit, name="document_edit"),
    path("dokumente/<int:pk>/herunterladen/", views.document_download,
         name="document_download"),
    path("dokumente/<int:pk>/archivieren/", views.document_archive, name="document_archive"),
]
