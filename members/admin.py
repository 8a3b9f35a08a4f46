"""The Django admin of members: administrations with Steckbrief and contacts, people,
invitations."""

from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, StackedInline, TabularInline
from common.forms import InputRulesMixin

from . import admin_mfa
from .models import (
    Administration,
    ContactPerson,
    Invitation,
    ProfileAnswer,
    ProfileQuestion,
    User,
)


class ContactInline(TabularInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "function", "function_other", "email", "phone", "is_public", "order"]


class ProfileAnswerInline(StackedInline):
    model = ProfileAnswer
    extra = 0
    fields = ["question", "text", "is_public"]
    autocomplete_fields = ["question"]


@admin.register(Administration)
class AdministrationAdmin(ModelAdmin):
    list_display = ["name", "short_name", "kind", "federal_state", "regional_key", "parent",
                    "population", "membership_number", "member_since", "member_until"]
    list_filter = ["kind", "federal_state", "member_until"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "regional_key", "seat"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [ContactInline, ProfileAnswerInline]


@admin.register(ProfileQuestion)
class ProfileQuestionAdmin(ModelAdmin):
    list_display = ["text", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["text"]


@admin.register(ProfileAnswer)
class ProfileAnswerAdmin(ModelAdmin):
    list_display = ["administration", "question", "is_public", "updated_at", "updated_by"]
    list_filter = ["is_public", "question"]
    list_select_related = ["administration", "question", "updated_by"]
    search_fields = ["text", "administration__name"]
    autocomplete_fields = ["administration", "question"]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(ContactPerson)
class ContactPersonAdmin(ModelAdmin):
    list_display = ["name", "administration", "function", "email", "phone", "is_public",
                    "removed_at"]
    list_filter = ["function", "is_public", "removed_at"]
    list_select_related = ["administration"]
    search_fields = ["name", "email", "department", "expertise", "administration__name"]
    autocomplete_fields = ["administration"]


@admin.register(Invitation)
class InvitationAdmin(ModelAdmin):
    list_display = ["email", "administration", "role", "invited_by", "sent_at", "expires_at",
                    "accepted_at", "revoked_at"]
    list_filter = ["role", "accepted_at", "revoked_at"]
    list_select_related = ["administration", "invited_by"]
    search_fields = ["email", "administration__name"]
    readonly_fields = ["token_hash", "created_at", "sent_at", "expires_at", "accepted_at",
                       "accepted_user", "revoked_at", "invited_by"]


class UserChangeForm(InputRulesMixin, auth_forms.UserChangeForm):
    pass


class UserCreationForm(InputRulesMixin, auth_forms.AdminUserCreationForm):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin, ModelAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "administration", "role", "is_active",
                    "is_superuser"]
    list_filter = ["role", "is_active", "is_superuser", "administration"]
    list_select_related = ["administration"]
    search_fields = ["email", "first_name", "last_name", "administration__name"]
    autocomplete_fields = ["administration"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "phone", "function"]}),
        (_("Mitgliedschaft"), {"fields": ["administration", "role"]}),
        (_("Berechtigungen"), {"fields": ["is_active", "is_staff", "is_superuser", "groups",
                                          "user_permissions"]}),
        (_("Wichtige Daten"), {"fields": ["last_login", "date_joined", "removal_requested_at",
                                          "removed_at"]}),
    ]
    readonly_fields = ["removal_requested_at", "removed_at"]
    add_fieldsets = [
        (None, {"classes": ["wide"],
                "fields": ["email", "administration", "role", "password1", "password2"]}),
    ]


admin_mfa.register()
