from django.urls import path

from . import views_groups

app_name = "groups"
urlpatterns = [
    path("", views_groups.group_list, name="list"),
    path("neu/", views_groups.group_edit, name="create"),
    path("<slug:slug>/", views_groups.group_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views_groups.group_edit, name="edit"),
]
