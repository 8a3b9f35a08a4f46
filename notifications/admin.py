"""Django admin of follows, notifications, digest settings and sent digests. Notifications
and digests are records of what was told and sent: read-only."""

from django.contrib import admin

from common.admin_base import ModelAdmin

from .models import CollectorState, Digest, DigestSetting, Follow, Notification


class ReadOnlyAdmin(ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Follow)
class FollowAdmin(ModelAdmin):
    list_display = ["user", "target_key", "muted", "created_at"]
    list_filter = ["muted"]
    search_fields = ["user__email", "target_key"]
    raw_id_fields = ["user"]


@admin.register(DigestSetting)
class DigestSettingAdmin(ModelAdmin):
    list_display = ["user", "frequency", "changed_at"]
    list_filter = ["frequency"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["user", "kind_label", "title", "when", "personal", "read_at", "mailed_at"]
    list_filter = ["kind", "personal"]
    search_fields = ["user__email", "title", "object_key"]
    date_hierarchy = "when"


@admin.register(Digest)
class DigestAdmin(ReadOnlyAdmin):
    list_display = ["user", "period_key", "count", "created_at"]
    search_fields = ["user__email", "period_key"]


@admin.register(CollectorState)
class CollectorStateAdmin(ReadOnlyAdmin):
    list_display = ["key", "watermark"]
