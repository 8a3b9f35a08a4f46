"""Downloads of statuses and the matrix, and the status import."""

from django.urls import path

from . import views

urlpatterns = [
    path("export/sachstaende.csv", views.export_statuses_csv,
         name="export_statuses_csv"),
    path("export/sachstaende.xlsx", views.export_statuses_xlsx,
         name="export_statuses_xlsx"),
    path("export/matrix.csv", views.export_matrix_csv, name="export_matrix_csv"),
    path("export/matrix.xlsx", views.export_matrix_xlsx, name="export_matrix_xlsx"),
    path("import/", views.status_import, name="import"),
]
