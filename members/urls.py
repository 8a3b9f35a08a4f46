"""Addresses under /mitglieder/ (the notification settings are under /konto/, see
kreishaus.urls)."""

from django.urls import path

from .views import administration, directory, invitations, removals, staff

app_name = "members"
urlpatterns = [
    path("", directory.administration_list, name="list"),
    path("einladung/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("einladungen/<int:pk>/erneut-senden/", invitations.invitation_resend,
         name="invitation_resend"),
    path("einladungen/<int:pk>/zurueckziehen/", invitations.invitation_revoke,
         name="invitation_revoke"),
    path("personen/<int:pk>/rolle/", staff.user_role, name="user_role"),
    path("personen/<int:pk>/aktiv/", staff.user_active, name="user_active"),
    path("personen/<int:pk>/entfernen/", removals.account_remove_confirm,
         name="account_remove"),
    path("kontoentfernungen/", removals.removal_request_list, name="removal_requests"),
    path("<slug:slug>/", directory.administration_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", administration.administration_edit, name="edit"),
    path("<slug:slug>/steckbrief/", administration.profile_edit, name="profile_edit"),
    path("<slug:slug>/ansprechpersonen/neu/", administration.contact_edit,
         name="contact_create"),
    path("<slug:slug>/ansprechpersonen/<int:pk>/", administration.contact_edit,
         name="contact_edit"),
    path("<slug:slug>/ansprechpersonen/<int:pk>/entfernen/", administration.contact_delete,
         name="contact_delete"),
    path("<slug:slug>/personen/", staff.staff_list, name="staff"),
    path("<slug:slug>/personen/einladen/", invitations.invitation_create, name="invite"),
]
