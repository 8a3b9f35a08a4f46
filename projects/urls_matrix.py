"""Status overview: matrix, topic catalogue and pages, OZG pages, progress over time."""

from django.urls import path

from . import views, views_catalogue

urlpatterns = [
    path("", views.index, name="index"),
    path("verlauf/", views.progress, name="progress"),
    path("ozg/", views.ozg, name="ozg"),
    path("ozg/<int:ozg_id>/", views.service_detail, name="service"),
    path("themen/", views_catalogue.catalogue, name="catalogue"),
    # Before themen/<slug>/, which would otherwise take "neu" for a topic's slug.
    path("themen/neu/", views_catalogue.topic_edit, name="topic_create"),
    path("themen/<slug:slug>/", views.topic_detail, name="topic"),
    path("themen/<slug:slug>/bearbeiten/", views_catalogue.topic_edit, name="topic_edit"),
]
