"""The site-wide search page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.params import page_number
from common.search.query import MAX_QUERY_LENGTH, search_results


@require_safe
def search(request):
    results = search_results(query=request.GET.get("q", ""), user=request.user,
                             kind=request.GET.get("art"), page=page_number(request))
    return render(request, "kreishaus/search.html", {
        "results": results,
        "max_length": MAX_QUERY_LENGTH,
        "nav_section": "search",
    })
