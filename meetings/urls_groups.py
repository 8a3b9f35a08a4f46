"""Addresses of working groups under /arbeitsgruppen/."""

from django.urls import path

from .views import groups

app_name = "groups"
urlpatterns = [
    path("", groups.group_list, name="list"),
    path("neu/", groups.group_create, name="create"),
    path("<slug:slug>/", groups.group_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", groups.group_edit, name="edit"),
]
