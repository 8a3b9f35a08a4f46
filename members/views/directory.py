"""The directory of members and an administration's page; public, with internal details
for member staff (the templates ask members.rules)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..filters import AdministrationFilter
from ..selectors import administration_detail as administration_detail_qs
from ..selectors import administrations_for_directory


@require_safe
def administration_list(request):
    filterset = AdministrationFilter(
        request.GET, queryset=administrations_for_directory(include_former=True)
    )
    return render(request, "members/administration_list.html", {
        "filter": filterset,
        "administrations": filterset.qs,
    })


@require_safe
def administration_detail(request, slug):
    administration = get_object_or_404(administration_detail_qs(slug=slug, user=request.user))
    # Statuses, meetings and knowledge below are sections of members.sections.ADMINISTRATION_PAGE.
    return render(request, "members/administration_detail.html",
                  {"administration": administration})
