"""Comment pages: posting (the form sits on the commented page; with errors it comes back
here, the text kept), the author's editing and deleting, the coordination office's hiding
and showing again, and each comment's own address (a link to its place on the page).

Every view declares its permission with `comment_permission`/`target_permission`: the
comment or thing of the address is loaded for the person (404 if they may not open the
commented page) and the rule (comments.rules) asked on it (403).
"""

from functools import wraps

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import selectors, services
from .forms import CommentForm, CommentHideForm


def target_permission(perm: str):
    """The commented thing of the address (kind, pk) for the person, who needs `perm` on it."""
    def decorator(view):
        @wraps(view)
        def wrapper(request, kind, pk):
            commentable, target = selectors.target_for(request.user, kind, pk)
            if not rules.has_perm(perm, request.user, target):
                raise PermissionDenied
            return view(request, commentable, target)
        return wrapper
    return decorator


def comment_permission(perm: str):
    """The comment of the address with its commented thing, if the person has `perm` on it."""
    def decorator(view):
        @wraps(view)
        def wrapper(request, pk):
            comment, commentable, target = selectors.comment_for(request.user, pk)
            if not (rules.has_perm("comments.view_comments", request.user, target)
                    and rules.has_perm(perm, request.user, comment)):
                raise PermissionDenied
            return view(request, comment, commentable, target)
        return wrapper
    return decorator


def _place(commentable, target, comment=None) -> str:
    return commentable.url(target) + (f"#kommentar-{comment.pk}" if comment else "#kommentare")


def _form_page(request, form, commentable, target, *, comment=None):
    return render(request, "comments/comment_form.html", {
        "form": form, "comment": comment, "target_title": commentable.title(target),
        "back_url": _place(commentable, target, comment),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@target_permission("comments.add_comment")
def comment_create(request, commentable, target):
    form = CommentForm(request.POST or None, auto_id="kommentar-%s")
    if request.method == "POST" and form.is_valid():
        comment = services.comment_post(user=request.user, target=target,
                                        body=form.cleaned_data["body"])
        messages.success(request, _("Ihr Kommentar wurde veröffentlicht."))
        return redirect(_place(commentable, target, comment))
    return _form_page(request, form, commentable, target)


@require_safe
@comment_permission("members.view_internal")
def comment_detail(request, comment, commentable, target):
    return redirect(_place(commentable, target, comment))


@require_http_methods(["GET", "HEAD", "POST"])
@comment_permission("comments.edit_own_comment")
def comment_edit(request, comment, commentable, target):
    if request.method != "POST" and not rules.test_rule("comments.change_comment",
                                                        request.user, comment):
        # Too late: no form. A form sent too late comes back with the text and the reason.
        messages.error(request, services.EDIT_EXPIRED)
        return redirect(_place(commentable, target, comment))
    form = CommentForm(request.POST or None, initial={"body": comment.body},
                       auto_id="kommentar-%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(user=request.user, comment=comment,
                                  body=form.cleaned_data["body"])
        except services.CommentEditExpired as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ihr Kommentar wurde geändert."))
            return redirect(_place(commentable, target, comment))
    return _form_page(request, form, commentable, target, comment=comment)


@require_http_methods(["GET", "HEAD", "POST"])
@comment_permission("comments.delete_comment")
def comment_delete(request, comment, commentable, target):
    if request.method == "POST":
        services.comment_delete(user=request.user, comment=comment)
        messages.success(request, _("Ihr Kommentar wurde gelöscht."))
        return redirect(_place(commentable, target, comment))
    return render(request, "comments/comment_delete.html", {
        "comment": comment, "target_title": commentable.title(target),
        "back_url": _place(commentable, target, comment)})


@require_http_methods(["GET", "HEAD", "POST"])
@comment_permission("comments.hide_comment")
def comment_hide(request, comment, commentable, target):
    form = CommentHideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_hide(user=request.user, comment=comment,
                              reason=form.cleaned_data["reason"])
        messages.success(request, _("Der Kommentar wurde ausgeblendet."))
        return redirect(_place(commentable, target, comment))
    return render(request, "comments/comment_hide.html", {
        "form": form, "comment": comment, "target_title": commentable.title(target),
        "back_url": _place(commentable, target, comment)})


@require_POST
@comment_permission("comments.unhide_comment")
def comment_unhide(request, comment, commentable, target):
    services.comment_unhide(user=request.user, comment=comment)
    messages.success(request, _("Der Kommentar wird wieder angezeigt."))
    return redirect(_place(commentable, target, comment))
