"""The directory of members and an administration's page; public, with internal details
for member staff (the templates ask members.rules)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from common.page_cache import visitor_cached
from common.params import page_number

from ..filters import AdministrationFilter
from ..maps import kinds_map
from ..selectors import administration_detail as administration_detail_qs
from ..selectors import administrations_for_directory

# A page of the directory: at national scale it has 11,000 members.
DIRECTORY_PAGE_SIZE = 50


@require_safe
@visitor_cached
def administration_list(request):
    filterset = AdministrationFilter(
        request.GET, queryset=administrations_for_directory(include_former=True)
    )
    page = Paginator(filterset.qs, DIRECTORY_PAGE_SIZE).get_page(page_number(request))
    return render(request, "members/administration_list.html", {
        "filter": filterset,
        "page": page,
        "administrations": page.object_list,
        "member_map": kinds_map(request),
    })


@require_safe
def administration_detail(request, slug):
    administration = get_object_or_404(administration_detail_qs(slug=slug, user=request.user))
    # Statuses, meetings and knowledge below are sections of members.sections.ADMINISTRATION_PAGE.
    return render(request, "members/administration_detail.html",
                  {"administration": administration})
