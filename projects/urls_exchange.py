from django.urls import path

from . import views_exchange

urlpatterns = [
    path("export/sachstaende.csv", views_exchange.export_statuses_csv,
         name="export_statuses_csv"),
    path("export/sachstaende.xlsx", views_exchange.export_statuses_xlsx,
         name="export_statuses_xlsx"),
    path("export/matrix.csv", views_exchange.export_matrix_csv, name="export_matrix_csv"),
    path("export/matrix.xlsx", views_exchange.export_matrix_xlsx, name="export_matrix_xlsx"),
    path("import/", views_exchange.status_import, name="import"),
]
