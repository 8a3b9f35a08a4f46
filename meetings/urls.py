from django.urls import path

from . import urls_calendar, views, views_minutes

app_name = "meetings"
urlpatterns = [
    path("", views.index, name="index"),
    path("neu/", views.meeting_edit, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bearbeiten/", views.meeting_edit, name="edit"),
    path("<int:pk>/status/", views.meeting_transition, name="transition"),
    path("<int:pk>/anmeldung/", views.register, name="register"),
    path("<int:pk>/absage/", views.decline, name="decline"),
    path("<int:pk>/anwesenheit/", views.attendance, name="attendance"),
    path("<int:pk>/tagesordnung/neu/", views_minutes.agenda_item_edit, name="agenda_create"),
    path("<int:pk>/tagesordnung/<int:item_pk>/", views_minutes.agenda_item_edit,
         name="agenda_edit"),
    path("<int:pk>/tagesordnung/<int:item_pk>/entfernen/", views_minutes.agenda_item_delete,
         name="agenda_delete"),
    path("<int:pk>/tagesordnung/<int:item_pk>/verschieben/", views_minutes.agenda_item_move,
         name="agenda_move"),
    path("<int:pk>/protokoll/", views_minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/protokoll/veroeffentlichen/", views_minutes.minutes_publish,
         name="minutes_publish"),
    path("<int:pk>/protokoll/genehmigen/", views_minutes.minutes_approve,
         name="minutes_approve"),
    path("<int:pk>/beschluesse/neu/", views_minutes.decision_edit, name="decision_create"),
    path("<int:pk>/beschluesse/<int:decision_pk>/", views_minutes.decision_edit,
         name="decision_edit"),
    path("<int:pk>/aufgaben/neu/", views_minutes.action_item_edit, name="action_create"),
    path("<int:pk>/aufgaben/<int:item_pk>/", views_minutes.action_item_edit,
         name="action_edit"),
    path("aufgaben/<int:item_pk>/erledigt/", views_minutes.action_item_done, name="action_done"),
    path("<int:pk>/unterlagen/neu/", views_minutes.document_upload, name="document_upload"),
    path("unterlagen/<int:document_pk>/", views_minutes.document_download, name="document"),
]
urlpatterns += urls_calendar.urlpatterns
