from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<str:kind>/<int:pk>/neu/", views.comment_create, name="create"),
    path("<int:pk>/", views.comment_detail, name="comment"),
    path("<int:pk>/bearbeiten/", views.comment_edit, name="edit"),
    path("<int:pk>/loeschen/", views.comment_delete, name="delete"),
    path("<int:pk>/ausblenden/", views.comment_hide, name="hide"),
    path("<int:pk>/einblenden/", views.comment_unhide, name="unhide"),
]
