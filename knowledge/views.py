"""Knowledge pages: start page with filters, articles, editor, history, categories.

Every write checks its permission on the server. Articles a user may not see answer 404, so
an internal article's address reveals nothing; a visible article a user may not change
answers 403.
"""

import copy
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.params import int_param, page_number
from members.rules import is_coordinator

from . import selectors, services
from .filters import ArticleFilter
from .forms import ArticleForm, CategoryForm
from .markdown import markdown_render
from .models import Article, Category

ARTICLES_PER_PAGE = 20
REVISIONS_PER_PAGE = 50
INTERNAL_PERM = "members.view_internal"


def article_view(perm: str | None = None):
    """Load the article by slug: 404 if the user may not see it, 403 if not allowed `perm`."""
    def decorate(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            article = get_object_or_404(
                Article.objects.visible_to(request.user)
                .select_related("category", "administration"), slug=slug)
            if perm and not request.user.has_perm(perm, article):
                raise PermissionDenied
            return view(request, article, *args, **kwargs)
        return wrapper
    return decorate


def manage_categories_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("knowledge.manage_categories"):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapper


# --- Start page and article page ---------------------------------------------------------

@require_safe
def index(request):
    user = request.user
    filterset = ArticleFilter(request.GET or None,
                              queryset=selectors.articles_listed_for(user))
    # Choices come from the articles this user may see: a tag or contributor known only
    # from internal articles is internal too.
    filterset.filters["schlagwort"].queryset = selectors.article_tags(user)
    filterset.filters["verwaltung"].queryset = selectors.article_contributors(user)
    page = Paginator(filterset.qs, ARTICLES_PER_PAGE).get_page(page_number(request))
    return render(request, "knowledge/article_index.html", {
        "filter": filterset,
        "page": page,
        "categories": selectors.categories_with_counts(user),
        "newest": selectors.articles_newest(user),
        "changed": selectors.articles_recently_changed(user),
        "can_create": user.has_perm("knowledge.add_article"),
    })


@require_safe
def article_detail(request, slug):
    user = request.user
    article = get_object_or_404(selectors.article_detail(slug=slug, user=user))
    return render(request, "knowledge/article_detail.html", {
        "article": article,
        "body_html": markdown_render(article.body),
        "helpers": selectors.article_helpers(topics=article.topic_list, user=user),
        "internal": user.has_perm(INTERNAL_PERM),
        "can_edit": user.has_perm("knowledge.change_article", article),
        "can_archive": user.has_perm("knowledge.archive_article", article),
        "can_add_document": user.has_perm("knowledge.add_document"),
    })


# --- Editor ------------------------------------------------------------------------------

def _article_form_page(request, article: Article, saved: Article | None):
    user = request.user
    options = {"user": user, "may_choose_administration": is_coordinator(user)}
    form = ArticleForm(request.POST or None, instance=article, **options)
    preview = conflict = None
    if request.method == "POST" and "preview" in request.POST:
        form.is_valid()  # the preview shows the errors too, so nothing surprises on saving
        preview = {"title": request.POST.get("title", ""),
                   "summary": request.POST.get("summary", ""),
                   "body": markdown_render(request.POST.get("body", ""))}
    elif request.method == "POST" and form.is_valid():
        try:
            article = _article_save(request, article, form)
        except services.ArticleConflict as error:
            conflict = error.article
            # The editor now starts from the other version: saving again is a conscious
            # decision to replace it with what the form holds.
            data = request.POST.copy()
            data["revision"] = str(conflict.revision_number)
            form = ArticleForm(data, instance=article, **options)
            form.is_valid()
            form.add_error(None, _(
                "Jemand anderes hat diesen Artikel gespeichert, während Sie ihn bearbeitet "
                "haben. Ihre Eingaben sind unten erhalten; die andere Fassung sehen Sie "
                "darunter. Übernehmen Sie, was davon bleiben soll, und speichern Sie erneut."))
        else:
            messages.success(request, _("Der Artikel wurde gespeichert."))
            return redirect("knowledge:article_detail", slug=article.slug)
    return render(request, "knowledge/article_form.html", {
        "form": form,
        "article": saved,
        "preview": preview,
        "conflict": conflict,
        "conflict_revision": selectors.article_revisions(conflict).first() if conflict else None,
    })


def _article_save(request, article: Article, form: ArticleForm) -> Article:
    message = form.cleaned_data["message"]
    if article.pk is None:
        return services.article_create(author=request.user, message=message,
                                       **form.article_fields(), **form.relations())
    return services.article_update(
        article=article, user=request.user, expected_revision=form.cleaned_data["revision"],
        message=message, **form.article_fields(), **form.relations())


@require_http_methods(["GET", "HEAD", "POST"])
def article_create(request):
    if not request.user.has_perm("knowledge.add_article"):
        raise PermissionDenied
    return _article_form_page(request, Article(), None)


@article_view("knowledge.change_article")
@require_http_methods(["GET", "HEAD", "POST"])
def article_edit(request, article):
    # The form changes its instance while validating; headings keep the saved title.
    return _article_form_page(request, article, copy.copy(article))


@article_view("knowledge.archive_article")
@require_POST
def article_archive(request, article):
    if article.archived_at is None:
        services.article_archive(article=article, user=request.user)
    messages.success(request, _("Der Artikel ist archiviert. Er erscheint nicht mehr in "
                                "Listen; angemeldete Mitglieder können ihn weiter öffnen."))
    return redirect("knowledge:article_detail", slug=article.slug)


@article_view("knowledge.archive_article")
@require_POST
def article_unarchive(request, article):
    if article.archived_at is not None:
        services.article_unarchive(article=article, user=request.user)
    messages.success(request, _("Der Artikel ist nicht mehr archiviert."))
    return redirect("knowledge:article_detail", slug=article.slug)


# --- Revisions ---------------------------------------------------------------------------

def _internal_required(request) -> None:
    # Who changed what and when is internal, even for a public article.
    if not request.user.has_perm(INTERNAL_PERM):
        raise PermissionDenied


@article_view()
@require_safe
def article_history(request, article):
    _internal_required(request)
    revisions = selectors.article_revisions(article)
    page = Paginator(revisions, REVISIONS_PER_PAGE).get_page(page_number(request))
    return render(request, "knowledge/article_history.html", {
        "article": article,
        "page": page,
        "can_restore": request.user.has_perm("knowledge.change_article", article),
    })


def _compared_revision(request, article: Article, revision):
    """The revision chosen with ?gegen=<n>, else the one before `revision` (or None)."""
    other = int_param(request.GET.get("gegen"))
    if other is not None:
        return get_object_or_404(article.revisions.select_related("author"), number=other)
    return (article.revisions.select_related("author").filter(number__lt=revision.number)
            .order_by("-number").first())


@article_view()
@require_safe
def revision_detail(request, article, number):
    _internal_required(request)
    revision = get_object_or_404(article.revisions.select_related("author"), number=number)
    other = _compared_revision(request, article, revision)
    return render(request, "knowledge/revision_detail.html", {
        "article": article,
        "revision": revision,
        "other": other,
        "diffs": selectors.revision_diff(old=other, new=revision),
        "numbers": list(article.revisions.order_by("-number").values_list("number", flat=True)),
        "body_html": markdown_render(revision.body),
        "can_restore": (request.user.has_perm("knowledge.change_article", article)
                        and revision.number != article.revision_number),
    })


@article_view("knowledge.change_article")
@require_http_methods(["GET", "HEAD", "POST"])
def revision_restore(request, article, number):
    revision = get_object_or_404(article.revisions.select_related("author"), number=number)
    if revision.number == article.revision_number:
        messages.info(request, _("Version %(number)s ist bereits die aktuelle Fassung.")
                      % {"number": revision.number})
        return redirect("knowledge:article_history", slug=article.slug)
    if request.method == "POST":
        restored = services.article_restore(article=article, revision=revision,
                                            user=request.user)
        messages.success(request, _(
            "Version %(old)s wurde wiederhergestellt und ist jetzt Version %(new)s.")
            % {"old": revision.number, "new": restored.number})
        return redirect("knowledge:article_detail", slug=article.slug)
    return render(request, "knowledge/revision_restore_confirm.html", {
        "article": article, "revision": revision,
        "diffs": selectors.revision_diff(old=article, new=revision),
    })


# --- Categories --------------------------------------------------------------------------

@manage_categories_required
@require_safe
def category_list(request):
    return render(request, "knowledge/category_list.html", {
        "categories": selectors.categories_with_counts(request.user),
    })


@manage_categories_required
@require_http_methods(["GET", "HEAD", "POST"])
def category_edit(request, slug=None):
    category = get_object_or_404(Category, slug=slug) if slug else Category()
    saved = copy.copy(category) if slug else None
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        try:
            category = services.category_save(
                category=category, user=request.user,
                fields={name: form.cleaned_data[name] for name in form.fields})
        except ValidationError as error:  # name or address taken by a concurrent save
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Kategorie „%(name)s“ wurde gespeichert.")
                             % {"name": category.name})
            return redirect(reverse("knowledge:category_list") + f"#kategorie-{category.slug}")
    return render(request, "knowledge/category_form.html", {"form": form, "category": saved})
