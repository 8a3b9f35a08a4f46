"""The topic catalogue under /vorhaben/themen/ (a topic's own page is in overview.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("themen/", views.catalogue, name="catalogue"),
    # Before overview's themen/<slug>/, which would otherwise take "neu" for a topic's slug.
    path("themen/neu/", views.topic_edit, name="topic_create"),
    path("themen/<slug:slug>/bearbeiten/", views.topic_edit, name="topic_edit"),
]
