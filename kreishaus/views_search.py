"""The site-wide search page."""

from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    return render(request, "kreishaus/search.html", {"query": query})
