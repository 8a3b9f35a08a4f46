"""The coordination office's category pages: the list with article counts, the form."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required

from ..models import Category
from .forms import CategoryForm
from .selectors import categories_with_counts
from .services import category_save


@permission_required("knowledge.manage_categories")
@require_safe
def category_list(request):
    return render(request, "knowledge/category_list.html", {
        "categories": categories_with_counts(request.user),
    })


@permission_required("knowledge.manage_categories")
@require_http_methods(["GET", "HEAD", "POST"])
def category_create(request):
    return _category_form_page(request, Category(), None)


@permission_required("knowledge.manage_categories",
                     obj=URLObject(Category, kwarg="slug"))
@require_http_methods(["GET", "HEAD", "POST"])
def category_edit(request, category):
    # The form changes its instance while validating; the heading keeps the saved name.
    return _category_form_page(request, category, copy.copy(category))


def _category_form_page(request, category: Category, saved: Category | None):
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        try:
            category = category_save(
                category=category, user=request.user,
                fields={name: form.cleaned_data[name] for name in form.fields})
        except ValidationError as error:  # name or address taken by a concurrent save
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Kategorie „%(name)s“ wurde gespeichert.")
                             % {"name": category.name})
            return redirect(reverse("knowledge:category_list") + f"#kategorie-{category.slug}")
    return render(request, "knowledge/category_form.html", {"form": form, "category": saved})
