"""Django admin for comments: a read-only record for the platform admins. Comments are
written, corrected, deleted and moderated on the site, through the services that keep
mentions, notifications and the rules right."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(ModelAdmin):
    list_display = ["target", "author", "administration", "created_at", "edited_at",
                    "deleted_at", "hidden_at"]
    list_select_related = ["author", "administration"]
    list_filter = [("deleted_at", admin.EmptyFieldListFilter),
                   ("hidden_at", admin.EmptyFieldListFilter), "content_type"]
    search_fields = ["body", "author__email", "author__last_name", "administration__name"]
    date_hierarchy = "created_at"
    fields = ["content_type", "object_id", "author", "administration", "body", "mentions",
              "created_at", "edited_at", "deleted_at", "hidden_at", "hidden_by",
              "hidden_reason"]
    readonly_fields = fields

    @admin.display(description=_("Kommentar zu"))
    def target(self, obj):
        return obj.target_key

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
