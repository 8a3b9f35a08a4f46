"""Article pages: the knowledge start page with its filter (and "Zu prüfen" for the
coordination office), the article page, the editor, archiving, "Als aktuell bestätigen",
and the revisions (history, one version with its diff, restore).

Each view declares its permission (knowledge.rules). Articles a user may not see answer
404, so an internal article's address reveals nothing; a visible article a user may not
change answers 403.
"""

import copy
from functools import partial

import rules
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.markdown import markdown_render
from common.page_cache import visitor_cached
from common.params import int_param, page_number
from common.permissions import URLObject, login_offered, permission_required

from ..models import Article
from . import selectors, services
from .diff import revision_diff
from .filters import ArticleFilter
from .forms import ArticleForm

ARTICLES_PER_PAGE = 20
REVISIONS_PER_PAGE = 50


def _visible(request):
    return selectors.articles_visible_to(request.user)


# The article of the address (by slug), among those the user may open: 404 for the others.
ARTICLE = URLObject(_visible, kwarg="slug")


# --- Start page and article page ---------------------------------------------------------

@require_safe
@visitor_cached
def index(request):
    # The page below the heading is the same for all member staff (and for all visitors):
    # the template keeps it in the cache ({% cached_part %}) until the next write, so it
    # is computed only when rendered (a callable: the template calls it).
    # "Zu prüfen" is the coordination office's alone: outside the cached part, asked per
    # request, so no other audience ever gets it from the cache.
    may_review = request.user.has_perm("knowledge.view_review_queue")
    return render(request, "knowledge/article_index.html", {
        "parts": partial(_index_parts, request),
        "audience": selectors.audience(request.user),
        "review_queue": selectors.review_queue() if may_review else None,
    })


def _index_parts(request) -> dict:
    user = request.user
    filterset = ArticleFilter(request.GET or None,
                              queryset=selectors.articles_listed_for(user))
    # Choices come from the articles this user may see: a tag known only from internal
    # articles is internal too.
    filterset.filters["schlagwort"].queryset = selectors.article_tags(user)
    paginator = Paginator(filterset.qs, ARTICLES_PER_PAGE)
    if not filterset.is_bound:
        # Unfiltered: the number of articles, like the counts per category, only changes
        # with a write (a count over 100,000 articles takes a quarter of a second).
        paginator.count = selectors.articles_listed_count(user)
    return {
        "filter": filterset,
        "page": paginator.get_page(page_number(request)),
        "categories": selectors.categories_counted(user),
        "newest": selectors.articles_newest(user),
        "changed": selectors.articles_recently_changed(user),
    }


@login_offered
@visitor_cached
@permission_required("knowledge.view_article", obj=URLObject(
    lambda request: selectors.articles_for_page(request.user), kwarg="slug"))
@require_safe
def article_detail(request, article):
    return render(request, "knowledge/article_detail.html", {
        "article": article,
        "body_html": markdown_render(article.body),
        "helpers": selectors.article_helpers(topics=article.topic_list, user=request.user),
    })


# --- Editor ------------------------------------------------------------------------------

@permission_required("knowledge.add_article")
@require_http_methods(["GET", "HEAD", "POST"])
def article_create(request):
    return _article_form_page(request, Article(), None)


@permission_required("knowledge.change_article", obj=ARTICLE)
@require_http_methods(["GET", "HEAD", "POST"])
def article_edit(request, article):
    # The form changes its instance while validating; headings keep the saved title.
    return _article_form_page(request, article, copy.copy(article))


def _article_form_page(request, article: Article, saved: Article | None):
    user = request.user
    options = {"user": user,
               "may_choose_administration": user.has_perm("knowledge.credit_administration")}
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


# --- Archive -----------------------------------------------------------------------------

@permission_required("knowledge.manage_archive", obj=ARTICLE)
@require_POST
def article_archive(request, article):
    # Archived meanwhile from another page: nothing left to do, and the message still holds.
    if rules.test_rule("knowledge.archive_article", request.user, article):
        services.article_archive(article=article, user=request.user)
    messages.success(request, _("Der Artikel ist archiviert. Er erscheint nicht mehr in "
                                "Listen; angemeldete Mitglieder können ihn weiter öffnen."))
    return redirect("knowledge:article_detail", slug=article.slug)


@permission_required("knowledge.manage_archive", obj=ARTICLE)
@require_POST
def article_unarchive(request, article):
    if rules.test_rule("knowledge.unarchive_article", request.user, article):
        services.article_unarchive(article=article, user=request.user)
    messages.success(request, _("Der Artikel ist nicht mehr archiviert."))
    return redirect("knowledge:article_detail", slug=article.slug)


# --- Content check ------------------------------------------------------------------------

@permission_required("knowledge.confirm_article", obj=ARTICLE)
@require_POST
def article_confirm(request, article):
    # Archived meanwhile: nobody needs to keep it current, and nothing is recorded.
    if rules.test_rule("knowledge.confirm_current", request.user, article):
        services.article_confirm_current(article=article, user=request.user)
        messages.success(request, _(
            "Danke! Der Artikel gilt ab heute als geprüft; die nächste Prüfung ist am "
            "%(due)s fällig.") % {"due": date_format(article.review_due, "j. F Y")})
    else:
        messages.info(request, _("Der Artikel ist archiviert und muss nicht geprüft werden."))
    return redirect("knowledge:article_detail", slug=article.slug)


# --- Revisions ---------------------------------------------------------------------------

@permission_required("knowledge.view_revisions", obj=ARTICLE)
@require_safe
def article_history(request, article):
    revisions = selectors.article_revisions(article)
    page = Paginator(revisions, REVISIONS_PER_PAGE).get_page(page_number(request))
    return render(request, "knowledge/article_history.html", {
        "article": article,
        "page": page,
    })


@permission_required("knowledge.view_revisions", obj=ARTICLE)
@require_safe
def revision_detail(request, article, number):
    revision = get_object_or_404(selectors.article_revisions(article), number=number)
    other_number = int_param(request.GET.get("gegen"))
    if other_number is None:
        other = selectors.revision_before(article=article, revision=revision)
    else:
        other = get_object_or_404(selectors.article_revisions(article), number=other_number)
    return render(request, "knowledge/revision_detail.html", {
        "article": article,
        "revision": revision,
        "other": other,
        "diffs": revision_diff(old=other, new=revision),
        "numbers": selectors.revision_numbers(article),
        "body_html": markdown_render(revision.body),
    })


@permission_required("knowledge.change_article", obj=ARTICLE)
@require_http_methods(["GET", "HEAD", "POST"])
def revision_restore(request, article, number):
    revision = get_object_or_404(selectors.article_revisions(article), number=number)
    if not rules.test_rule("knowledge.restore_revision", request.user, revision):
        # Only the current version cannot be restored: there is nothing to change.
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
        "diffs": revision_diff(old=article, new=revision),
    })
