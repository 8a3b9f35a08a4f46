"""A person's own account beside allauth's pages: the account overview, "Mein Profil"
(Art. 16 DSGVO), "Meine Daten" as a page and as JSON (Art. 15, 20), and the request to
remove the account (Art. 17). Visitors are sent to the login; every logged-in person has
these pages for themselves and nobody else's."""

import json

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.permissions import permission_required
from common.personal_data import iso, personal_data_for

from ..forms import OwnProfileForm, RemovalRequestForm
from ..services.accounts import PROFILE_FIELDS, profile_update
from ..services.removal import (
    account_removal_cancel,
    account_removal_request,
    removal_due_on,
    removal_pseudonym,
)

# The page shows at most this many rows per table; the download has all of them.
ROW_LIMIT = 200


@require_safe
@login_required
def account_hub(request):
    return render(request, "account/account_hub.html", {})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@permission_required("members.change_own_profile")
def profile(request):
    form = OwnProfileForm(request.POST if request.method == "POST" else None,
                          instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user,
                       fields={name: form.cleaned_data[name] for name in PROFILE_FIELDS})
        messages.success(request, _("Ihr Profil wurde gespeichert."))
        return redirect("profile")
    if form.is_bound:
        # The form copied the typed values onto the user; the header shows the stored name.
        request.user.refresh_from_db(fields=list(PROFILE_FIELDS))
    return render(request, "account/profile.html", {"form": form})


@require_safe
@login_required
@permission_required("members.view_own_data")
def my_data(request):
    return render(request, "account/my_data.html",
                  {"parts": personal_data_for(request.user), "row_limit": ROW_LIMIT})


@require_safe
@login_required
@permission_required("members.view_own_data")
def my_data_json(request):
    now = timezone.now()
    document = {
        "portal": settings.SITE_URL,
        "erstellt_am": iso(now),
        "person": request.user.email,
        "bereiche": [{"schluessel": part["key"], "bezeichnung": str(part["label"]),
                      "daten": part["data"]} for part in personal_data_for(request.user)],
    }
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    filename = f"kreishaus-meine-daten-{timezone.localdate(now):%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@permission_required("members.view_own_data")
def account_removal(request):
    user = request.user
    # The rule itself: Django would let superusers "request" a second time.
    may_request = rules.has_perm("members.request_removal", user)
    # An empty POST (the box not ticked) must still bind the form, to show its error.
    form = (RemovalRequestForm(request.POST if request.method == "POST" else None)
            if may_request else None)
    if request.method == "POST":
        if not may_request:
            messages.info(request, _("Sie haben die Entfernung Ihres Kontos bereits beantragt."))
            return redirect("account_removal")
        if form.is_valid():
            account_removal_request(user=user)
            messages.success(request, _("Ihr Antrag ist eingegangen. Sie erhalten eine "
                                        "Bestätigung per E-Mail."))
            return redirect("account_removal")
    return render(request, "account/removal.html", {
        "form": form,
        "due": removal_due_on(user.removal_requested_at) if user.removal_requested_at else None,
        "days": settings.ACCOUNT_REMOVAL_AFTER_DAYS,
        "pseudonym": removal_pseudonym(user.administration),
    })


@require_POST
@login_required
@permission_required("members.cancel_removal")
def account_removal_withdraw(request):
    account_removal_cancel(user=request.user)
    messages.success(request, _("Ihr Antrag auf Entfernung wurde zurückgezogen. Ihr Konto "
                                "bleibt bestehen."))
    return redirect("account_removal")
