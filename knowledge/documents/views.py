"""Shared documents: list, page, upload, change, archive and the permission-checked download.

Each view declares its permission (knowledge.rules). Documents a user may not see answer
404; a visible document a user may not change answers 403.
"""

import copy

import rules
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import page_number
from common.permissions import URLObject, login_offered, permission_required

from . import services
from .forms import DocumentFilterForm, DocumentForm
from .selectors import (
    DOCUMENTS_PAGE_SIZE,
    article_visible,
    document_administrations,
    documents_for_list,
    documents_for_page,
    documents_visible_to,
    link_targets,
)

LINK_FIELDS = ("articles", "meetings", "joint_projects")

# The document of the address (by pk), among those the user may open: 404 for the others.
DOCUMENT = URLObject(lambda request: documents_visible_to(request.user))


@require_safe
def document_list(request):
    show_archived = request.user.has_perm("knowledge.view_archived_documents")
    filter_form = DocumentFilterForm(request.GET or None, show_archived=show_archived,
                                     administrations=document_administrations(
                                         user=request.user,
                                         including=request.GET.get("administration", "")))
    values = filter_form.values()
    article = None
    if values["article_slug"]:
        article = article_visible(slug=values["article_slug"], user=request.user)
        if article is None:
            raise Http404
    archived = values["archived"] and show_archived
    documents = documents_for_list(user=request.user, administration=values["administration"],
                                   article=article, archived=archived)
    page = Paginator(documents, DOCUMENTS_PAGE_SIZE).get_page(page_number(request))
    return render(request, "knowledge/document_list.html", {
        "filter_form": filter_form,
        "page": page,
        "documents": page.object_list,
        "article": article,
        "archived": archived,
        "nav_section": "knowledge",
    })


@login_offered
@permission_required("knowledge.view_document", obj=URLObject(
    lambda request: documents_for_page(request.user)))
@require_safe
def document_detail(request, document):
    return render(request, "knowledge/document_detail.html", {
        "document": document,
        "nav_section": "knowledge",
    })


def _origin(targets) -> tuple[str, str]:
    """Where "back" and "cancel" lead on the upload page: the page it was opened from."""
    for target in (targets.meeting, targets.project):
        if target is not None:
            return target.get_absolute_url(), str(target)
    if targets.article is not None:
        try:
            return (reverse("knowledge:article_detail", kwargs={"slug": targets.article.slug}),
                    targets.article.title)
        except NoReverseMatch:
            pass
    return reverse("knowledge:document_list"), _("Dokumente")


def _links(form) -> dict:
    return {name: form.cleaned_data[name] for name in LINK_FIELDS}


@permission_required("knowledge.add_document")
@require_http_methods(["GET", "HEAD", "POST"])
def document_create(request):
    targets = link_targets(user=request.user, article_slug=request.GET.get("artikel", ""),
                           meeting_pk=request.GET.get("sitzung", ""),
                           project_slug=request.GET.get("projekt", ""))
    form = DocumentForm(request.POST or None, request.FILES or None,
                        may_pick_administration=request.user.has_perm(
                            "knowledge.credit_administration"),
                        preselected_article=targets.article,
                        preselected_meeting=targets.meeting,
                        preselected_project=targets.project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = services.document_create(
            user=request.user, title=data["title"], file=data["file"],
            visibility=data["visibility"], description=data["description"],
            reuse_note=data["reuse_note"], administration=data.get("administration"),
            **_links(form))
        messages.success(request, _("Das Dokument „%(title)s“ wurde hochgeladen.")
                         % {"title": document.title})
        return redirect("knowledge:document_detail", pk=document.pk)
    back_url, back_title = _origin(targets)
    return render(request, "knowledge/document_form.html", {
        "form": form, "document": None, "back_url": back_url, "back_title": back_title,
        "nav_section": "knowledge",
    })


@permission_required("knowledge.change_document", obj=DOCUMENT)
@require_http_methods(["GET", "HEAD", "POST"])
def document_edit(request, document):
    # The form changes its instance while validating; the page keeps the saved values.
    form = DocumentForm(request.POST or None, request.FILES or None,
                        instance=copy.copy(document),
                        may_pick_administration=request.user.has_perm(
                            "knowledge.credit_administration"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in ("title", "description", "reuse_note",
                                                "visibility", "administration")
                  if name in form.fields}
        services.document_update(document=document, user=request.user, file=data["file"],
                                 **_links(form), **fields)
        messages.success(request, _("Das Dokument wurde gespeichert."))
        return redirect("knowledge:document_detail", pk=document.pk)
    return render(request, "knowledge/document_form.html", {
        "form": form, "document": document, "back_title": document.title,
        "back_url": reverse("knowledge:document_detail", args=[document.pk]),
        "nav_section": "knowledge",
    })


@login_offered
@permission_required("knowledge.download_document", obj=DOCUMENT)
@require_safe
def document_download(request, document):
    """The only way to a document's file: internal ones go to member staff only."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    if not document.is_public:
        patch_cache_control(response, private=True, no_cache=True)
    return response


@permission_required("knowledge.manage_archive", obj=DOCUMENT)
@require_POST
def document_archive(request, document):
    """Archive (archiviert=1) or bring back (archiviert=0), as the form on the page says."""
    archived = request.POST.get("archiviert", "1") != "0"
    rule = "knowledge.archive_document" if archived else "knowledge.unarchive_document"
    # Already in that state (a page from before someone else's click): nothing to do.
    if rules.test_rule(rule, request.user, document):
        services.document_archive(document=document, user=request.user, archived=archived)
    messages.success(request, (
        _("Das Dokument „%(title)s“ ist archiviert. Angemeldete Mitglieder können es weiter "
          "aufrufen; in der Liste erscheint es nicht mehr.") if archived
        else _("Das Dokument „%(title)s“ ist wieder in der Liste.")) % {"title": document.title})
    return redirect(reverse("knowledge:document_detail", args=[document.pk]))
