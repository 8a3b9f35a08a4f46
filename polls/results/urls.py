"""Addresses of the results, below /rundfragen/ (beside the asking and answering pages)."""

from django.urls import path

from . import views

app_name = "polls_results"

urlpatterns = [
    path("<int:pk>/ergebnisse/", views.results, name="results"),
    path("<int:pk>/ergebnisse.csv", views.results_csv, name="results_csv"),
    path("<int:pk>/ergebnisse.xlsx", views.results_xlsx, name="results_xlsx"),
    path("<int:pk>/zusammenfassung/", views.summary, name="summary"),
    path("<int:pk>/zusammenfassung/bearbeiten/", views.summary_edit, name="summary_edit"),
    path("<int:pk>/wissensartikel/", views.article_create, name="article_create"),
]
