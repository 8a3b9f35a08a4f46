"""The coordination office removes accounts: those whose people asked for it (the list of
requests), and accounts it deactivated (from the staff list)."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required

from ..models import User
from ..selectors import removal_requests
from ..services.removal import account_remove, removal_due_on, removal_pseudonym

# Accounts that may be removed at all: asked for by their person, or deactivated.
PERSON = URLObject(User.objects.select_related("administration").filter(
    Q(removal_requested_at__isnull=False) | Q(is_active=False), removed_at__isnull=True),
    kwarg="pk")


@require_safe
@permission_required("members.view_removal_requests")
def removal_request_list(request):
    requests = list(removal_requests())
    for person in requests:
        person.removal_due = removal_due_on(person.removal_requested_at)
    return render(request, "members/removal_requests.html", {
        "requests": requests, "days": settings.ACCOUNT_REMOVAL_AFTER_DAYS})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.remove_account", PERSON)
def account_remove_confirm(request, person):
    if request.method == "POST":
        requested = person.removal_requested_at is not None
        account_remove(person=person, by=request.user)
        messages.success(request, _("Das Konto wurde entfernt. Inhalte nennen die Person jetzt "
                                    "„%(pseudonym)s“.")
                         % {"pseudonym": removal_pseudonym(person.administration)})
        if requested or person.administration is None:
            return redirect("members:removal_requests")
        return redirect("members:staff", slug=person.administration.slug)
    return render(request, "members/account_remove_confirm.html", {
        "person": person, "pseudonym": removal_pseudonym(person.administration),
        "due": (removal_due_on(person.removal_requested_at)
                if person.removal_requested_at else None)})
