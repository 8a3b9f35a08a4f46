from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gefolgt/", views.follow_list, name="follows"),
    path("folgen/", views.follow, name="follow"),
    path("alle-gelesen/", views.mark_all_read, name="mark_all_read"),
    path("<int:pk>/gelesen/", views.mark_read, name="mark_read"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
