"""Django admin for the legal pages and the feedback messages.

A page saved here keeps a revision like every save on the site (legal.pages.services); its
video is managed on the site, where the upload is checked by content. Revisions are
history, read-only. A feedback message's state changes through the same service as on the
site, so answering records date and person.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, TabularInline
from common.forms import ModelForm

from .enums import FeedbackState
from .feedback.services import feedback_update
from .models import Feedback, LegalPage, LegalPageRevision
from .pages.services import legal_page_save


class RevisionInline(TabularInline):
    model = LegalPageRevision
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["number", "title", "author", "message", "restored_from", "created_at"]
    readonly_fields = fields
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LegalPage)
class LegalPageAdmin(ModelAdmin):
    list_display = ["kind", "title", "reviewed_on", "revision_number", "updated_at",
                    "updated_by"]
    list_select_related = ["updated_by"]
    search_fields = ["title", "body"]
    fields = ["kind", "title", "body", "consent_text", "reviewed_on", "revision_number",
              "video", "video_type", "captions", "updated_by", "updated_at"]
    readonly_fields = ["revision_number", "video", "video_type", "captions", "updated_by",
                       "updated_at"]
    inlines = [RevisionInline]

    def get_readonly_fields(self, request, obj=None):
        # The kind is the page's address: fixed once the page exists.
        return [*self.readonly_fields, "kind"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        # Through the service: the save becomes a revision with its author.
        saved = legal_page_save(
            kind=obj.kind, user=request.user, title=obj.title, body=obj.body,
            consent_text=obj.consent_text, reviewed_on=obj.reviewed_on,
            message=gettext("Im Verwaltungsbereich geändert") if change
            else gettext("Im Verwaltungsbereich angelegt"))
        obj.pk, obj.revision_number = saved.pk, saved.revision_number


@admin.register(LegalPageRevision)
class LegalPageRevisionAdmin(ModelAdmin):
    list_display = ["page", "number", "author", "message", "created_at"]
    list_filter = ["page"]
    list_select_related = ["page", "author"]
    search_fields = ["title", "body", "message"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FeedbackAdminForm(ModelForm):
    def clean_state(self):
        state = self.cleaned_data["state"]
        if state == FeedbackState.NEW and self.instance.state != FeedbackState.NEW:
            raise ValidationError(_("Eine Rückmeldung, die bearbeitet wird oder beantwortet "
                                    "ist, wird nicht wieder neu."), code="back_to_new")
        return state


@admin.register(Feedback)
class FeedbackAdmin(ModelAdmin):
    form = FeedbackAdminForm
    list_display = ["created_at", "page_path", "sender_name", "state", "answer_due",
                    "answered_at"]
    list_filter = ["state", "answer_due"]
    list_select_related = ["user", "handled_by"]
    search_fields = ["message", "name", "email", "page_path", "note"]
    date_hierarchy = "created_at"
    fields = ["page_path", "message", "name", "email", "consent_text", "user", "state", "note",
              "answer_due", "handled_by", "answered_at", "created_at"]
    readonly_fields = ["page_path", "message", "name", "email", "consent_text", "user",
                       "answer_due", "handled_by", "answered_at", "created_at"]

    @admin.display(description=_("Absender"), ordering="name")
    def sender_name(self, obj):
        return obj.sender

    def has_add_permission(self, request):
        return False  # messages come through the contact form

    def save_model(self, request, obj, form, change):
        feedback_update(feedback=obj, user=request.user, state=obj.state, note=obj.note)
