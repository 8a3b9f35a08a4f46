"""Every address of the knowledge base, under /wissen/. The names are a contract: other apps
and templates link to these pages."""

from django.urls import path

from .articles import views as articles
from .categories import views as categories
from .documents import views as documents

app_name = "knowledge"
urlpatterns = [
    path("", articles.index, name="index"),
    # Before artikel/<slug>/, which would otherwise take "neu" for an article's slug.
    path("artikel/neu/", articles.article_create, name="article_create"),
    path("artikel/<slug:slug>/", articles.article_detail, name="article_detail"),
    path("artikel/<slug:slug>/bearbeiten/", articles.article_edit, name="article_edit"),
    path("artikel/<slug:slug>/archivieren/", articles.article_archive, name="article_archive"),
    path("artikel/<slug:slug>/archivierung-aufheben/", articles.article_unarchive,
         name="article_unarchive"),
    path("artikel/<slug:slug>/bestaetigen/", articles.article_confirm, name="article_confirm"),
    path("artikel/<slug:slug>/versionen/", articles.article_history, name="article_history"),
    path("artikel/<slug:slug>/versionen/<int:number>/", articles.revision_detail,
         name="revision_detail"),
    path("artikel/<slug:slug>/versionen/<int:number>/wiederherstellen/",
         articles.revision_restore, name="revision_restore"),
    path("kategorien/", categories.category_list, name="category_list"),
    path("kategorien/neu/", categories.category_create, name="category_create"),
    path("kategorien/<slug:slug>/bearbeiten/", categories.category_edit, name="category_edit"),
    path("dokumente/", documents.document_list, name="document_list"),
    path("dokumente/neu/", documents.document_create, name="document_create"),
    path("dokumente/<int:pk>/", documents.document_detail, name="document_detail"),
    path("dokumente/<int:pk>/bearbeiten/", documents.document_edit, name="document_edit"),
    path("dokumente/<int:pk>/herunterladen/", documents.document_download,
         name="document_download"),
    path("dokumente/<int:pk>/archivieren/", documents.document_archive,
         name="document_archive"),
]
