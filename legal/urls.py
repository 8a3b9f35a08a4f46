"""The legal pages at their customary German addresses, the contact form, and the
coordination office's pages under /rechtliches/ and /rueckmeldungen/. Included at the root;
the names are a contract (the footer links them, the privacy statement and the data-rights
pages link each other)."""

from django.urls import path

from .enums import PAGE_URL_NAMES, PageKind
from .feedback import views as feedback
from .pages import views as pages

app_name = "legal"
urlpatterns = [
    *(path(f"{kind}/", pages.page_detail, {"kind": kind}, name=PAGE_URL_NAMES[kind])
      for kind in PageKind),
    path("gebaerdensprache/video/", pages.sign_language_video, name="sign_language_video"),
    path("gebaerdensprache/untertitel.vtt", pages.sign_language_captions,
         name="sign_language_captions"),
    path("kontakt/", feedback.feedback_form, name="feedback"),
    path("kontakt/danke/", feedback.feedback_thanks, name="feedback_thanks"),
    path("rechtliches/", pages.page_list, name="page_list"),
    path("rechtliches/gebaerdensprache/video/", pages.video_edit, name="video_edit"),
    path("rechtliches/gebaerdensprache/video/entfernen/", pages.video_remove,
         name="video_remove"),
    path("rechtliches/<slug:kind>/bearbeiten/", pages.page_edit, name="page_edit"),
    path("rechtliches/<slug:kind>/versionen/", pages.page_history, name="page_history"),
    path("rechtliches/<slug:kind>/versionen/<int:number>/", pages.revision_detail,
         name="revision_detail"),
    path("rechtliches/<slug:kind>/versionen/<int:number>/wiederherstellen/",
         pages.revision_restore, name="revision_restore"),
    path("rueckmeldungen/", feedback.feedback_list, name="feedback_list"),
    path("rueckmeldungen/<int:pk>/", feedback.feedback_detail, name="feedback_detail"),
]
