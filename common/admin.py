"""Django admin for the outbox (what was sent, when, and why not) and the search index.

Rows change only through common.outbox, common.reminders and common.search; editing them
by hand would break the exactly-once bookkeeping.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_base import ModelAdmin
from .models import OutgoingMail, Reminder, SearchEntry
from .search.registry import search_kind_label, search_sources


class ReadOnlyAdmin(ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "to", "subject", "state", "attempts", "sent_at",
                    "next_attempt_at"]
    list_filter = ["state", "created_at", "sent_at"]
    search_fields = ["to", "subject", "last_error"]
    date_hierarchy = "created_at"
    fields = ["to", "subject", "state", "attempts", "last_error", "next_attempt_at",
              "created_at", "sent_at", "attachment_name", "body_text", "body_html"]
    readonly_fields = fields


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "object_key", "recipient", "mail_state"]
    list_filter = ["kind", "mail__state", "created_at"]
    search_fields = ["recipient__email", "recipient__last_name", "object_key", "kind"]
    list_select_related = ["recipient", "mail"]
    date_hierarchy = "created_at"
    fields = ["kind", "object_key", "recipient", "mail", "created_at"]
    readonly_fields = fields

    @admin.display(description=_("Versandstatus"), ordering="mail__state")
    def mail_state(self, obj: Reminder) -> str:
        return obj.mail.get_state_display() if obj.mail else "–"


class SearchKindFilter(admin.SimpleListFilter):
    """The kinds the apps registered, by their labels (the field has no choices)."""

    title = _("Art")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(source.kind, source.label) for source in search_sources()]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(SearchEntry)
class SearchEntryAdmin(ReadOnlyAdmin):
    # Derived data: rebuilt from the sources by `manage.py rebuild_search_index`.
    list_display = ["kind_label", "title", "date", "indexed_at"]
    list_filter = [SearchKindFilter]
    search_fields = ["title"]
    fields = ["kind_label", "object_id", "title", "public_title", "date", "public_until",
              "indexed_at", "text", "public_text"]
    readonly_fields = fields

    @admin.display(description=_("Art"), ordering="kind")
    def kind_label(self, obj: SearchEntry) -> str:
        return search_kind_label(obj.kind)
