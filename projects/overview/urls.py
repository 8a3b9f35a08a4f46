"""The network overview: matrix, progress, OZG pages and a topic's page."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("verlauf/", views.progress, name="progress"),
    path("ozg/", views.ozg, name="ozg"),
    path("ozg/<int:ozg_id>/", views.service_detail, name="service"),
    path("themen/<slug:slug>/", views.topic_detail, name="topic"),
]
