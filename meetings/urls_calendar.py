"""Calendar feeds and exports of the meetings app."""

from django.urls import path

from . import views_calendar

app_name = "meetings"
urlpatterns = [
    path("<int:pk>/kalender.ics", views_calendar.meeting_ics, name="ics"),
    path("<int:pk>/protokoll.pdf", views_calendar.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/anwesenheit.pdf", views_calendar.attendance_pdf, name="attendance_pdf"),
    path("<int:pk>/anwesenheit.csv", views_calendar.attendance_csv, name="attendance_csv"),
    path("kalender/", views_calendar.calendar_settings, name="calendar"),
    path("kalender/neu/", views_calendar.calendar_regenerate, name="calendar_regenerate"),
    path("kalender/<str:token>.ics", views_calendar.feed, name="feed"),
]
