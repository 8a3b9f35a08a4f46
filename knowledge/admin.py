"""Django admin for the knowledge base.

Revisions are history: read-only here. Saving an article in the admin keeps a revision like
every other save (through knowledge.articles.services); an uploaded document passes the
same upload check as on the site.
"""

from django.contrib import admin
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin, TabularInline
from common.forms import ModelForm
from common.uploads import DOCUMENT_HELP, validate_document

from .articles.services import article_update
from .documents.services import document_filename
from .models import Article, ArticleReview, ArticleRevision, Category, Document


@admin.register(Category)
class CategoryAdmin(ModelAdmin):
    list_display = ["name", "slug", "position", "review_interval_months"]
    list_editable = ["position"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class RevisionInline(TabularInline):
    model = ArticleRevision
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["number", "title", "author", "message", "restored_from", "created_at"]
    readonly_fields = fields
    ordering = ["-number"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReviewInline(TabularInline):
    model = ArticleReview
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["reviewed_at", "user"]
    readonly_fields = fields
    ordering = ["-reviewed_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(ModelAdmin):
    list_display = ["title", "category", "administration", "visibility", "revision_number",
                    "updated_at", "reviewed_at", "archived_at"]
    list_filter = ["visibility", "category", ("archived_at", admin.EmptyFieldListFilter),
                   "administration"]
    list_select_related = ["category", "administration"]
    search_fields = ["title", "summary", "body", "slug", "tags__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category", "author", "administration", "topics", "joint_projects",
                           "meetings"]
    # "geprüft am" follows the revisions and confirmations (a save here is a revision too).
    readonly_fields = ["revision_number", "reviewed_at", "created_at", "updated_at"]
    date_hierarchy = "updated_at"
    inlines = [RevisionInline, ReviewInline]

    def save_model(self, request, obj, form, change):
        if not change:
            # As on the site: the person who writes it is the author, their administration
            # contributes it unless another one was chosen.
            obj.author = obj.author or request.user
            obj.administration = obj.administration or request.user.administration
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After tags and links are saved: the revision records the article as it now is.
        article_update(
            article=form.instance, user=request.user, expected_revision=None,
            message=gettext("Im Verwaltungsbereich geändert") if change
            else gettext("Im Verwaltungsbereich angelegt"))


@admin.register(ArticleReview)
class ArticleReviewAdmin(ModelAdmin):
    list_display = ["article", "reviewed_at", "user"]
    list_select_related = ["article", "user"]
    search_fields = ["article__title"]
    date_hierarchy = "reviewed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ModelAdmin):
    list_display = ["article", "number", "author", "message", "created_at"]
    list_select_related = ["article", "author"]
    search_fields = ["article__title", "title", "message"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DocumentAdminForm(ModelForm):
    class Meta:
        model = Document
        fields = ["title", "description", "reuse_note", "file", "visibility", "administration",
                  "uploaded_by", "articles", "meetings", "joint_projects", "archived_at"]
        help_texts = {"file": DOCUMENT_HELP}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            validate_document(upload)
        return upload


@admin.register(Document)
class DocumentAdmin(ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "filename", "administration", "visibility", "size_display",
                    "uploaded_by", "created_at", "archived_at"]
    list_filter = ["visibility", ("archived_at", admin.EmptyFieldListFilter), "administration"]
    list_select_related = ["administration", "uploaded_by"]
    search_fields = ["title", "description", "filename", "reuse_note", "administration__name"]
    autocomplete_fields = ["administration", "uploaded_by", "articles", "meetings",
                           "joint_projects"]
    readonly_fields = ["filename", "size", "created_at", "updated_at"]
    date_hierarchy = "created_at"

    @admin.display(description=_("Größe"), ordering="size")
    def size_display(self, obj):
        return filesizeformat(obj.size)

    def save_model(self, request, obj, form, change):
        old = form.initial.get("file") if change else None
        if "file" in form.changed_data:
            upload = form.cleaned_data["file"]
            obj.filename = document_filename(upload.name)
            obj.size = upload.size
        if not change:
            obj.uploaded_by = obj.uploaded_by or request.user
        super().save_model(request, obj, form, change)
        if old and old.name != obj.file.name:
            storage, name = old.storage, old.name
            transaction.on_commit(lambda: storage.delete(name))
