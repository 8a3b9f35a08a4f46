"""The list of Rundfragen at /rundfragen/."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.params import page_number
from common.permissions import permission_required

from ..lists import SCOPES, audience_label, polls_for_list
from ..models import AnswerState
from ..selectors import is_open
from .common import NAV

PER_PAGE = 20


@require_safe
@login_required
@permission_required("polls.view_polls")
def poll_list(request):
    scope = request.GET.get("filter", "")
    if scope not in SCOPES:
        scope = ""
    page = Paginator(polls_for_list(request.user, scope), PER_PAGE).get_page(
        page_number(request))
    for poll in page.object_list:
        poll.is_open = is_open(poll)
        poll.audience_text = audience_label(poll, groups=poll.groups_listed,
                                            chosen_count=poll.chosen_count)
        poll.own_final = poll.own_state == AnswerState.FINAL
    return render(request, "polls/poll_list.html", {
        "page": page, "polls": page.object_list, "scope": scope,
        "scopes": list(SCOPES.items()), **NAV})
