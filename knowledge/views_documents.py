"""Shared documents: list, page, upload, change, archive and the permission-checked download."""

import copy
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import page_number
from members.rules import is_coordinator, is_member_staff

from .forms_documents import DocumentFilterForm, DocumentForm
from .models import Document
from .selectors_documents import (
    DOCUMENTS_PAGE_SIZE,
    article_visible,
    document_administrations,
    document_for_page,
    documents_for_list,
    link_targets,
)
from .services_documents import document_archive as archive
from .services_documents import document_create as create
from .services_documents import document_update as update

LINK_FIELDS = ("articles", "meetings", "joint_projects")


def document_permission(perm: str):
    """Loads the document; 404 for whoever may not see it, 403 for whoever may not `perm`."""
    def decorator(view):
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            document = get_object_or_404(
                Document.objects.visible_to(request.user)
                .select_related("administration", "uploaded_by"), pk=pk)
            if not request.user.has_perm(perm, document):
                raise PermissionDenied
            return view(request, document, *args, **kwargs)
        return wrapper
    return decorator


@require_safe
def document_list(request):
    staff = is_member_staff(request.user)
    filter_form = DocumentFilterForm(request.GET or None, show_archived=staff,
                                     administrations=document_administrations(
                                         user=request.user,
                                         including=request.GET.get("administration", "")))
    values = filter_form.values()
    article = None
    if values["article_slug"]:
        article = article_visible(slug=values["article_slug"], user=request.user)
        if article is None:
            raise Http404
    documents = documents_for_list(user=request.user, administration=values["administration"],
                                   article=article, archived=values["archived"] and staff)
    page = Paginator(documents, DOCUMENTS_PAGE_SIZE).get_page(page_number(request))
    return render(request, "knowledge/document_list.html", {
        "filter_form": filter_form,
        "page": page,
        "documents": page.object_list,
        "article": article,
        "archived": values["archived"] and staff,
        "can_create": request.user.has_perm("knowledge.add_document"),
        "nav_section": "knowledge",
    })


@require_safe
def document_detail(request, pk):
    document = get_object_or_404(document_for_page(pk=pk, user=request.user))
    return render(request, "knowledge/document_detail.html", {
        "document": document,
        "internal": is_member_staff(request.user),
        "can_edit": request.user.has_perm("knowledge.change_document", document),
        "can_archive": request.user.has_perm("knowledge.archive_document", document),
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


@require_http_methods(["GET", "HEAD", "POST"])
def document_create(request):
    if not request.user.has_perm("knowledge.add_document"):
        raise PermissionDenied
    targets = link_targets(user=request.user, article_slug=request.GET.get("artikel", ""),
                           meeting_pk=request.GET.get("sitzung", ""),
                           project_slug=request.GET.get("projekt", ""))
    form = DocumentForm(request.POST or None, request.FILES or None,
                        may_pick_administration=is_coordinator(request.user),
                        preselected_article=targets.article,
                        preselected_meeting=targets.meeting,
                        preselected_project=targets.project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = create(
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


@document_permission("knowledge.change_document")
@require_http_methods(["GET", "HEAD", "POST"])
def document_edit(request, document):
    # The form changes its instance while validating; the page keeps the saved values.
    form = DocumentForm(request.POST or None, request.FILES or None,
                        instance=copy.copy(document),
                        may_pick_administration=is_coordinator(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in ("title", "description", "reuse_note",
                                                "visibility", "administration")
                  if name in form.fields}
        update(document=document, user=request.user, file=data["file"], **_links(form),
               **fields)
        messages.success(request, _("Das Dokument wurde gespeichert."))
        return redirect("knowledge:document_detail", pk=document.pk)
    return render(request, "knowledge/document_form.html", {
        "form": form, "document": document, "back_title": document.title,
        "back_url": reverse("knowledge:document_detail", args=[document.pk]),
        "nav_section": "knowledge",
    })


@require_safe
def document_download(request, pk):
    """The only way to a document's file: internal ones go to member staff only."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    if not document.is_public:
        patch_cache_control(response, private=True, no_cache=True)
    return response


@document_permission("knowledge.archive_document")
@require_POST
def document_archive(request, document):
    archived = request.POST.get("archiviert", "1") != "0"
    archive(document=document, user=request.user, archived=archived)
    messages.success(request, (
        _("Das Dokument „%(title)s“ ist archiviert. Angemeldete Mitglieder können es weiter "
          "aufrufen; in der Liste erscheint es nicht mehr.") if archived
        else _("Das Dokument „%(title)s“ ist wieder in der Liste.")) % {"title": document.title})
    return redirect(reverse("knowledge:document_detail", args=[document.pk]))
