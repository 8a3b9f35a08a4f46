"""Sachstandserhebungen under /vorhaben/erhebungen/."""

from django.urls import path

from . import views

urlpatterns = [
    path("erhebungen/", views.survey_list, name="surveys"),
    path("erhebungen/neu/", views.survey_create, name="survey_create"),
    path("erhebungen/<int:pk>/", views.survey_detail, name="survey"),
    path("erhebungen/<int:pk>/antworten/<slug:slug>/", views.survey_answer,
         name="survey_answer"),
    path("erhebungen/<int:pk>/abschliessen/", views.survey_close, name="survey_close"),
    path("erhebungen/<int:pk>/vergleich/", views.survey_compare, name="survey_compare"),
    path("erhebungen/<int:pk>/vergleich.<str:extension>", views.survey_compare_export,
         name="survey_compare_export"),
]
