from django.urls import path

from . import views, views_staff

app_name = "members"
urlpatterns = [
    path("", views.administration_list, name="list"),
    path("einladung/<str:token>/", views_staff.invitation_accept, name="invitation_accept"),
    path("einladungen/<int:pk>/erneut-senden/", views_staff.invitation_resend,
         name="invitation_resend"),
    path("einladungen/<int:pk>/zurueckziehen/", views_staff.invitation_revoke,
         name="invitation_revoke"),
    path("personen/<int:pk>/rolle/", views_staff.user_role, name="user_role"),
    path("personen/<int:pk>/aktiv/", views_staff.user_active, name="user_active"),
    path("<slug:slug>/", views.administration_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views.administration_edit, name="edit"),
    path("<slug:slug>/steckbrief/", views.profile_edit, name="profile_edit"),
    path("<slug:slug>/ansprechpersonen/neu/", views.contact_edit, name="contact_create"),
    path("<slug:slug>/ansprechpersonen/<int:pk>/", views.contact_edit, name="contact_edit"),
    path("<slug:slug>/ansprechpersonen/<int:pk>/entfernen/", views.contact_delete,
         name="contact_delete"),
    path("<slug:slug>/personen/", views_staff.staff_list, name="staff"),
    path("<slug:slug>/personen/einladen/", views_staff.invitation_create, name="invite"),
]
