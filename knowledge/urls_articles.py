from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    # Before artikel/<slug>/, which would otherwise take "neu" for an article's slug.
    path("artikel/neu/", views.article_create, name="article_create"),
    path("artikel/<slug:slug>/", views.article_detail, name="article_detail"),
    path("artikel/<slug:slug>/bearbeiten/", views.article_edit, name="article_edit"),
    path("artikel/<slug:slug>/archivieren/", views.article_archive, name="article_archive"),
    path("artikel/<slug:slug>/archivierung-aufheben/", views.article_unarchive,
         name="article_unarchive"),
    path("artikel/<slug:slug>/versionen/", views.article_history, name="article_history"),
    path("artikel/<slug:slug>/versionen/<int:number>/", views.revision_detail,
         name="revision_detail"),
    path("artikel/<slug:slug>/versionen/<int:number>/wiederherstellen/", views.revision_restore,
         name="revision_restore"),
    path("kategorien/", views.category_list, name="category_list"),
    path("kategorien/neu/", views.category_edit, name="category_create"),
    path("kategorien/<slug:slug>/bearbeiten/", views.category_edit, name="category_edit"),
]
