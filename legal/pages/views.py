"""The legal pages for everyone, and for the coordination office their editor, history
(diff, restore) and the sign language video.

Reading is open to all; every other view declares its permission (legal.rules). A kind
in the address that is no legal page answers 404.
"""

import rules
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.markdown import markdown_render
from common.params import int_param, page_number
from common.permissions import permission_required
from common.textdiff import fields_diff

from ..enums import PageKind
from ..links import data_rights_links
from ..models import LegalPage, LegalPageRevision
from ..video import CAPTIONS_CONTENT_TYPE, file_response
from . import selectors, services
from .forms import LegalPageForm, VideoForm

REVISIONS_PER_PAGE = 50


def _page(kind: str) -> LegalPage:
    if kind not in PageKind.values:
        raise Http404
    return selectors.legal_page(kind)


def _stored_page(kind: str) -> LegalPage:
    page = _page(kind)
    if page.pk is None:
        raise Http404  # no text was ever saved: no history either
    return page


def revision_diff(*, old, new) -> list:
    fields = [(name, LegalPageRevision._meta.get_field(name).verbose_name)
              for name in services.REVISED_FIELDS]
    return fields_diff(old=old, new=new, fields=fields, long_fields=frozenset({"body"}))


# --- For everyone ------------------------------------------------------------------------

@permission_required("legal.view_page")
@require_safe
def page_detail(request, kind):
    page = _page(kind)
    return render(request, "legal/page_detail.html", {
        "page": page,
        "body_html": markdown_render(page.body),
        "data_rights": data_rights_links() if kind == PageKind.PRIVACY else [],
    })


def _video_file(field_file, content_type: str, request):
    if not field_file or not content_type:
        raise Http404
    try:
        return file_response(request, field_file, content_type)
    except OSError:  # the row names a file that is gone
        raise Http404 from None


@permission_required("legal.view_page")
@require_safe
def sign_language_video(request):
    page = selectors.legal_page(PageKind.SIGN_LANGUAGE)
    return _video_file(page.video, page.video_type, request)


@permission_required("legal.view_page")
@require_safe
def sign_language_captions(request):
    page = selectors.legal_page(PageKind.SIGN_LANGUAGE)
    return _video_file(page.captions, CAPTIONS_CONTENT_TYPE if page.has_video else "", request)


# --- The coordination office -------------------------------------------------------------

@permission_required("legal.change_page")
@require_safe
def page_list(request):
    return render(request, "legal/page_list.html", {"pages": selectors.legal_pages_all()})


@permission_required("legal.change_page")
@require_http_methods(["GET", "HEAD", "POST"])
def page_edit(request, kind):
    page = _page(kind)
    initial = {"title": page.title, "body": page.body, "consent_text": page.consent_text,
               "reviewed_on": page.reviewed_on, "revision": page.revision_number}
    form = LegalPageForm(request.POST or None, initial=initial, kind=kind)
    preview = conflict = None
    if request.method == "POST" and "preview" in request.POST:
        form.is_valid()  # the preview shows the errors too
        preview = {"title": request.POST.get("title", ""),
                   "body": markdown_render(request.POST.get("body", ""))}
    elif request.method == "POST" and form.is_valid():
        try:
            page = services.legal_page_save(kind=kind, user=request.user,
                                     expected_revision=form.cleaned_data["revision"],
                                     **form.page_fields())
        except services.PageConflict as error:
            conflict = error.page
            data = request.POST.copy()
            data["revision"] = str(conflict.revision_number)
            form = LegalPageForm(data, kind=kind)
            form.is_valid()
            form.add_error(None, _(
                "Jemand anderes hat diese Seite gespeichert, während Sie sie bearbeitet haben. "
                "Ihre Eingaben sind unten erhalten; die andere Fassung sehen Sie darunter. "
                "Übernehmen Sie, was davon bleiben soll, und speichern Sie erneut."))
        else:
            messages.success(request, _("Die Seite wurde gespeichert."))
            return redirect(page.get_absolute_url())
    return render(request, "legal/page_form.html", {
        "page": page, "form": form, "preview": preview, "conflict": conflict})


@permission_required("legal.view_revisions")
@require_safe
def page_history(request, kind):
    page = _stored_page(kind)
    revisions = selectors.page_revisions(page)
    return render(request, "legal/page_history.html", {
        "page": page,
        "revisions": Paginator(revisions, REVISIONS_PER_PAGE).get_page(page_number(request)),
    })


@permission_required("legal.view_revisions")
@require_safe
def revision_detail(request, kind, number):
    page = _stored_page(kind)
    revision = get_object_or_404(selectors.page_revisions(page), number=number)
    other_number = int_param(request.GET.get("gegen"))
    if other_number is None:
        other = selectors.revision_before(page=page, revision=revision)
    else:
        other = get_object_or_404(selectors.page_revisions(page), number=other_number)
    return render(request, "legal/revision_detail.html", {
        "page": page, "revision": revision, "other": other,
        "diffs": revision_diff(old=other, new=revision),
        "numbers": selectors.revision_numbers(page),
        "body_html": markdown_render(revision.body),
    })


@permission_required("legal.change_page")
@require_http_methods(["GET", "HEAD", "POST"])
def revision_restore(request, kind, number):
    page = _stored_page(kind)
    revision = get_object_or_404(selectors.page_revisions(page), number=number)
    if not rules.test_rule("legal.restore_revision", request.user, revision):
        messages.info(request, _("Version %(number)s ist bereits die aktuelle Fassung.")
                      % {"number": revision.number})
        return redirect("legal:page_history", kind=kind)
    if request.method == "POST":
        restored = services.legal_page_restore(page=page, revision=revision, user=request.user)
        messages.success(request, _(
            "Version %(old)s wurde wiederhergestellt und ist jetzt Version %(new)s.")
            % {"old": revision.number, "new": restored.number})
        return redirect(page.get_absolute_url())
    return render(request, "legal/revision_restore_confirm.html", {
        "page": page, "revision": revision,
        "diffs": revision_diff(old=page, new=revision)})


@permission_required("legal.change_video")
@require_http_methods(["GET", "HEAD", "POST"])
def video_edit(request):
    page = selectors.legal_page(PageKind.SIGN_LANGUAGE)
    form = VideoForm(request.POST or None, request.FILES or None, has_video=page.has_video)
    if request.method == "POST" and form.is_valid():
        services.legal_video_set(user=request.user, video=form.cleaned_data["video"],
                                 video_type=form.video_type,
                                 captions=form.cleaned_data["captions"])
        messages.success(request, _("Das Video wurde gespeichert und erscheint auf der Seite "
                                    "Gebärdensprache."))
        return redirect("legal:sign_language")
    return render(request, "legal/video_form.html", {"page": page, "form": form})


@permission_required("legal.change_video")
@require_POST
def video_remove(request):
    page = selectors.legal_page(PageKind.SIGN_LANGUAGE)
    # Removed meanwhile from another tab: nothing left to do, and the message still holds.
    if rules.test_rule("legal.remove_video", request.user, page):
        services.legal_video_remove(user=request.user)
    messages.success(request, _("Das Video wurde entfernt. Die Seite Gebärdensprache sagt "
                                "jetzt wieder, dass das Video folgt."))
    return redirect("legal:sign_language")
