"""Rundfragen under /rundfragen/."""

from django.urls import path

from .views import asking, detail, lists, manage

app_name = "polls"

urlpatterns = [
    path("", lists.poll_list, name="list"),
    path("neu/", asking.poll_create_view, name="create"),
    path("<int:pk>/", detail.poll_detail, name="detail"),
    path("<int:pk>/bearbeiten/", asking.poll_edit_view, name="edit"),
    path("<int:pk>/beenden/", manage.poll_close_view, name="close"),
    path("<int:pk>/wieder-oeffnen/", manage.poll_reopen_view, name="reopen"),
    path("<int:pk>/ausblenden/", manage.poll_hide_view, name="hide"),
    path("<int:pk>/einblenden/", manage.poll_unhide_view, name="unhide"),
]
