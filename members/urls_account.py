"""A person's own account pages under /konto/, beside allauth's (kreishaus.urls includes
this before allauth.urls). The names carry no namespace, like allauth's."""

from django.urls import path

from .views import account

urlpatterns = [
    path("", account.account_hub, name="account"),
    path("profil/", account.profile, name="profile"),
    path("meine-daten/", account.my_data, name="my_data"),
    path("meine-daten/herunterladen/", account.my_data_json, name="my_data_json"),
    path("entfernen/", account.account_removal, name="account_removal"),
    path("entfernen/zurueckziehen/", account.account_removal_withdraw,
         name="account_removal_withdraw"),
]
