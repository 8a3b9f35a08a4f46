"""Addresses of meetings under /sitzungen/ (working groups: urls_groups)."""

from django.urls import path

from .views import (
    action_items,
    agenda,
    calendar,
    confirmations,
    documents,
    exports,
    meetings,
    minutes,
    publication,
    registrations,
)

app_name = "meetings"
urlpatterns = [
    # Meetings and their states
    path("", meetings.index, name="index"),
    path("neu/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.detail, name="detail"),
    path("<int:pk>/bearbeiten/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/status/", meetings.transition, name="transition"),
    path("<int:pk>/absagen/", confirmations.cancel_confirm, name="cancel"),
    path("<int:pk>/oeffentlich/", publication.records_edit, name="records"),
    # Registrations and attendance
    path("<int:pk>/anmeldung/", registrations.register, name="register"),
    path("<int:pk>/absage/", registrations.decline, name="decline"),
    path("<int:pk>/anwesenheit/", registrations.attendance, name="attendance"),
    # Agenda
    path("<int:pk>/tagesordnung/neu/", agenda.item_edit, name="agenda_create"),
    path("<int:pk>/tagesordnung/aufgaben/", agenda.action_items_add,
         name="agenda_action_items"),
    path("<int:pk>/tagesordnung/<int:item_pk>/", agenda.item_edit, name="agenda_edit"),
    path("<int:pk>/tagesordnung/<int:item_pk>/entfernen/", agenda.item_delete,
         name="agenda_delete"),
    path("<int:pk>/tagesordnung/<int:item_pk>/verschieben/", agenda.item_move,
         name="agenda_move"),
    # Minutes and decisions
    path("<int:pk>/protokoll/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/protokoll/veroeffentlichen/", confirmations.minutes_publish_confirm,
         name="minutes_publish"),
    path("<int:pk>/protokoll/genehmigen/", minutes.approve, name="minutes_approve"),
    path("<int:pk>/beschluesse/neu/", minutes.decision_edit, name="decision_create"),
    path("<int:pk>/beschluesse/<int:decision_pk>/", minutes.decision_edit,
         name="decision_edit"),
    # Action items
    path("<int:pk>/aufgaben/neu/", action_items.action_item_edit, name="action_create"),
    path("<int:pk>/aufgaben/<int:item_pk>/", action_items.action_item_edit,
         name="action_edit"),
    path("aufgaben/<int:item_pk>/erledigt/", action_items.action_item_done,
         name="action_done"),
    # Documents
    path("<int:pk>/unterlagen/neu/", documents.document_upload, name="document_upload"),
    path("unterlagen/<int:document_pk>/", documents.document_download, name="document"),
    # Calendar files and the personal feed
    path("<int:pk>/kalender.ics", calendar.meeting_ics, name="ics"),
    path("kalender/", calendar.calendar_settings, name="calendar"),
    path("kalender/neu/", calendar.calendar_regenerate, name="calendar_regenerate"),
    path("kalender/<str:token>.ics", calendar.feed, name="feed"),
    # Exports
    path("<int:pk>/protokoll.pdf", exports.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/oeffentliches-protokoll.pdf", exports.public_minutes_pdf,
         name="public_minutes_pdf"),
    path("<int:pk>/anwesenheit.pdf", exports.attendance_pdf, name="attendance_pdf"),
    path("<int:pk>/anwesenheit.csv", exports.attendance_csv, name="attendance_csv"),
]
