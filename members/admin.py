from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Administration, User


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "federal_state", "regional_key", "population"]
    list_filter = ["kind", "federal_state"]
    search_fields = ["name", "short_name", "regional_key", "seat"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "administration", "role", "is_active",
                    "is_superuser"]
    list_filter = ["role", "is_active", "is_superuser", "administration"]
    list_select_related = ["administration"]
    search_fields = ["email", "first_name", "last_name", "administration__name"]
    autocomplete_fields = ["administration"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name"]}),
        (_("Mitgliedschaft"), {"fields": ["administration", "role"]}),
        (_("Berechtigungen"), {"fields": ["is_active", "is_staff", "is_superuser", "groups",
                                          "user_permissions"]}),
        (_("Wichtige Daten"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"],
                "fields": ["email", "administration", "role", "password1", "password2"]}),
    ]
