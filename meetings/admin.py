"""Django admin for the meetings app.

States with side effects (a meeting's state, published minutes) are read-only here: they
change only through the services, which send the invitations and notices.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, TabularInline

from .enums import RegistrationStatus
from .models import (
    ActionItem,
    AgendaItem,
    Decision,
    Guest,
    Meeting,
    MeetingDocument,
    Minutes,
    MinutesRevision,
    Registration,
    WorkingGroup,
)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ModelAdmin):
    list_display = ["name", "slug", "cadence", "coordinating_administration", "member_count"]
    list_filter = ["cadence"]
    list_select_related = ["coordinating_administration"]
    search_fields = ["name", "slug", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["coordinating_administration"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members", distinct=True))

    @admin.display(description=_("Mitglieder"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


class AgendaItemInline(TabularInline):
    model = AgendaItem
    fk_name = "meeting"
    extra = 0
    fields = ["order", "title", "presenter", "duration_minutes", "approves_minutes_of",
              "action_item", "public"]
    autocomplete_fields = ["approves_minutes_of", "action_item"]


@admin.register(Meeting)
class MeetingAdmin(ModelAdmin):
    list_display = ["title", "working_group", "starts_at", "format", "host", "state",
                    "public_records", "registered_count", "capacity"]
    list_filter = ["state", "public_records", "working_group", "format"]
    list_select_related = ["working_group", "host"]
    search_fields = ["title", "location", "working_group__name", "host__name"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    autocomplete_fields = ["working_group", "host"]
    readonly_fields = ["state", "invited_at", "cancel_reason", "uid", "sequence", "created_at",
                       "updated_at", "public_records_at"]
    inlines = [AgendaItemInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # As meeting_save does: from the first publication on, OParl answers `deleted: true`
        # for what drops out of public view again.
        if obj.public_records and obj.public_records_at is None:
            obj.public_records_at = timezone.now()
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)))

    @admin.display(description=_("Anmeldungen"), ordering="registered_count")
    def registered_count(self, obj):
        return obj.registered_count


@admin.register(Registration)
class RegistrationAdmin(ModelAdmin):
    list_display = ["user", "meeting", "mode", "status", "attended", "status_changed_at"]
    list_filter = ["status", "mode", "attended", "meeting__working_group"]
    list_select_related = ["user", "meeting"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "meeting__title"]
    autocomplete_fields = ["meeting", "user"]
    readonly_fields = ["created_at", "status_changed_at"]


class MinutesRevisionInline(TabularInline):
    model = MinutesRevision
    extra = 0
    can_delete = False
    fields = ["created_at", "created_by", "reason", "content"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Minutes)
class MinutesAdmin(ModelAdmin):
    list_display = ["meeting", "state", "published_at", "published_by", "approved_at",
                    "approved_in"]
    list_filter = ["state", "meeting__working_group"]
    list_select_related = ["meeting", "published_by", "approved_in"]
    search_fields = ["meeting__title", "summary"]
    autocomplete_fields = ["meeting", "approved_in"]
    readonly_fields = ["state", "published_at", "published_by"]
    inlines = [MinutesRevisionInline]


@admin.register(Decision)
class DecisionAdmin(ModelAdmin):
    list_display = ["__str__", "meeting", "result", "order"]
    list_filter = ["result", "meeting__working_group"]
    list_select_related = ["meeting"]
    search_fields = ["wording", "meeting__title"]
    autocomplete_fields = ["meeting"]
    raw_id_fields = ["agenda_item"]


@admin.register(ActionItem)
class ActionItemAdmin(ModelAdmin):
    list_display = ["title", "meeting", "responsible_administration", "responsible_user",
                    "due_date", "status"]
    list_filter = ["status", "meeting__working_group", "responsible_administration"]
    list_select_related = ["meeting", "responsible_administration", "responsible_user"]
    search_fields = ["title", "description", "meeting__title", "responsible_administration__name",
                     "responsible_user__email", "responsible_user__last_name"]
    date_hierarchy = "due_date"
    autocomplete_fields = ["meeting", "responsible_administration", "responsible_user"]
    readonly_fields = ["done_at", "created_at"]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(ModelAdmin):
    list_display = ["title", "meeting", "uploaded_by", "uploaded_at"]
    list_filter = ["meeting__working_group"]
    list_select_related = ["meeting", "uploaded_by"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["uploaded_by", "uploaded_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Guest)
class GuestAdmin(ModelAdmin):
    list_display = ["name", "organisation", "meeting", "created_at"]
    list_filter = ["meeting__working_group"]
    list_select_related = ["meeting"]
    search_fields = ["name", "organisation", "meeting__title"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["created_at"]
