from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import administrations_public


@require_GET
def administration_list(request):
    return render(
        request,
        "members/administration_list.html",
        {"administrations": administrations_public()},
    )
