"""Admin of the Rundfragen: a Rundfrage with its questions, an answer with its items."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, TabularInline
from common.search.indexing import search_index

from .models import Answer, AnswerItem, Poll, Question


class QuestionInline(TabularInline):
    model = Question
    extra = 0
    fields = ("position", "text", "kind", "choices", "allow_other", "help_text")


@admin.register(Poll)
class PollAdmin(ModelAdmin):
    list_display = ("title", "administration", "author", "audience", "deadline", "closed_at",
                    "hidden_at", "created_at")
    list_filter = ("audience", "results_visibility", "deadline")
    search_fields = ("title", "context", "administration__name", "author__email")
    date_hierarchy = "created_at"
    raw_id_fields = ("author", "administration", "article")
    filter_horizontal = ("audience_groups", "topics")
    autocomplete_fields = ("audience_administrations",)
    readonly_fields = ("created_at", "updated_at")
    inlines = [QuestionInline]
    fieldsets = (
        (None, {"fields": ("title", "context", "author", "administration", "topics")}),
        (_("Wer wird gefragt?"), {"fields": ("audience", "audience_kinds", "audience_groups",
                                             "audience_administrations")}),
        (_("Frist und Ergebnisse"), {"fields": (
            "deadline", "results_visibility", "closed_at", "reopened_at", "hidden_at",
            "summary", "summary_public", "article")}),
        (_("Zeitpunkte"), {"fields": ("created_at", "updated_at")}),
    )


class AnswerItemInline(TabularInline):
    model = AnswerItem
    extra = 0
    fields = ("question", "not_possible", "text", "choices", "other", "yes", "number", "date")
    raw_id_fields = ("question",)


@admin.register(Answer)
class AnswerAdmin(ModelAdmin):
    list_display = ("poll", "administration", "state", "submitted_at", "updated_by",
                    "updated_at")
    list_filter = ("state",)
    search_fields = ("poll__title", "administration__name")
    list_select_related = ("poll", "administration", "updated_by")
    raw_id_fields = ("poll", "administration", "created_by", "updated_by")
    readonly_fields = ("version", "created_at", "updated_at")
    inlines = [AnswerItemInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Items are saved after the answer: the Rundfrage's search entry reads them.
        search_index("poll", [form.instance.poll_id])
