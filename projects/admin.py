"""Admin for the projects app.

Statuses, their history and the summary counts are read-only here: a status changes only
through statuses.services.status_save, which keeps history and summaries exact. Topics and OZG
services are deactivated rather than deleted, since deleting would take statuses along.
The status tables hold millions of rows, so their lists skip the full count and filter
only by small tables.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, TabularInline

from .models import (
    JointProject,
    MaturityCount,
    Milestone,
    OzgLebenslage,
    OzgService,
    OzgThemenfeld,
    ProjectDocument,
    StageCount,
    Status,
    StatusChange,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)


class ReadOnlyAdmin(ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Topic)
class TopicAdmin(ModelAdmin):
    list_display = ["name", "slug", "group", "order", "is_active"]
    list_filter = ["group", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OzgThemenfeld)
class OzgThemenfeldAdmin(ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name"]


@admin.register(OzgLebenslage)
class OzgLebenslageAdmin(ModelAdmin):
    list_display = ["number", "name", "themenfeld"]
    list_filter = ["themenfeld"]
    list_select_related = ["themenfeld"]
    search_fields = ["name"]


@admin.register(OzgService)
class OzgServiceAdmin(ModelAdmin):
    list_display = ["ozg_id", "name", "themenfeld", "lebenslage", "leika_count"]
    list_filter = ["themenfeld"]
    list_select_related = ["themenfeld", "lebenslage"]
    search_fields = ["name", "=ozg_id"]
    autocomplete_fields = ["lebenslage"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Status)
class StatusAdmin(ReadOnlyAdmin):
    list_display = ["administration", "subject", "stage", "maturity", "product", "updated_at",
                    "updated_by"]
    list_filter = ["stage", "maturity", "topic"]
    list_select_related = ["administration", "topic", "service", "updated_by"]
    search_fields = ["administration__name", "product", "department"]
    ordering = ["-updated_at"]

    @admin.display(description=_("Thema oder OZG-Leistung"))
    def subject(self, obj):
        return obj.topic or obj.service


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["changed_at", "status", "source", "changed_by", "changes"]
    list_filter = ["source"]
    list_select_related = ["status__administration", "status__topic", "status__service",
                           "changed_by"]
    search_fields = ["status__administration__name"]


@admin.register(StageCount)
class StageCountAdmin(ReadOnlyAdmin):
    list_display = ["scope", "scope_id", "stage", "count"]
    list_filter = ["scope", "stage"]
    search_fields = ["=scope_id"]


@admin.register(MaturityCount)
class MaturityCountAdmin(ReadOnlyAdmin):
    list_display = ["themenfeld", "maturity", "count"]
    list_filter = ["maturity", "themenfeld"]
    list_select_related = ["themenfeld"]


@admin.register(SurveyRound)
class SurveyRoundAdmin(ModelAdmin):
    list_display = ["title", "state", "deadline", "meeting", "opened_at", "closed_at"]
    list_filter = ["state"]
    list_select_related = ["meeting"]
    search_fields = ["title"]
    filter_horizontal = ["topics", "themenfelder"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["opened_at", "opened_by", "closed_at"]


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ModelAdmin):
    list_display = ["round", "administration", "completed_at", "completed_by"]
    list_filter = ["round"]
    list_select_related = ["round", "administration", "completed_by"]
    search_fields = ["administration__name", "round__title"]
    autocomplete_fields = ["administration", "completed_by"]


@admin.register(SurveySnapshot)
class SurveySnapshotAdmin(ReadOnlyAdmin):
    list_display = ["round", "administration", "topic", "service", "stage", "maturity", "product"]
    list_filter = ["round", "stage"]
    list_select_related = ["round", "administration", "topic", "service"]
    search_fields = ["administration__name", "product"]


class MilestoneInline(TabularInline):
    model = Milestone
    extra = 0


class ProjectDocumentInline(TabularInline):
    model = ProjectDocument
    extra = 0
    fields = ["title", "file", "uploaded_by", "uploaded_at"]
    readonly_fields = ["uploaded_by", "uploaded_at"]


@admin.register(JointProject)
class JointProjectAdmin(ModelAdmin):
    list_display = ["title", "lead", "stage", "working_group", "start", "end"]
    list_filter = ["stage", "working_group"]
    list_select_related = ["lead", "working_group"]
    search_fields = ["title", "goal", "lead__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead", "participants", "working_group", "decisions"]
    filter_horizontal = ["topics"]
    inlines = [MilestoneInline, ProjectDocumentInline]


@admin.register(Milestone)
class MilestoneAdmin(ModelAdmin):
    list_display = ["title", "project", "date", "done"]
    list_filter = ["done"]
    list_select_related = ["project"]
    search_fields = ["title", "project__title"]
    date_hierarchy = "date"
