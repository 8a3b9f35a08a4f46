"""Invitations: sent from the staff list, resent or revoked there, and accepted by the
invited person through the link in the mail (the link is the permission)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import URLObject, permission_required

from ..enums import InvitationStatus
from ..forms import InvitationAcceptForm, InvitationForm
from ..models import Administration, Invitation
from ..rules import invitable_roles
from ..selectors import invitation_for_token
from ..services import invitations as services
from .staff import staff_page

ADMINISTRATION = URLObject(Administration, kwarg="slug")
INVITATION = URLObject(Invitation.objects.select_related("administration"), kwarg="pk")

# Why a link no longer works, by the invitation's state (None: no invitation has it).
LINK_CLOSED_REASONS = {
    InvitationStatus.ACCEPTED: gettext_lazy(
        "Diese Einladung wurde bereits angenommen. Melden Sie sich mit Ihrer "
        "E-Mail-Adresse und Ihrem Passwort an."),
    InvitationStatus.EXPIRED: gettext_lazy(
        "Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, die "
        "Einladung erneut zu senden."),
    InvitationStatus.REVOKED: gettext_lazy("Diese Einladung wurde zurückgezogen."),
    None: gettext_lazy(
        "Dieser Einladungslink ist unbekannt. Vielleicht wurde die Einladung inzwischen "
        "erneut gesendet; dann gilt nur der neueste Link."),
}


@require_POST
@permission_required("members.invite_staff", ADMINISTRATION)
def invitation_create(request, administration):
    form = InvitationForm(request.POST, roles=invitable_roles(request.user, administration))
    if form.is_valid():
        try:
            services.invitation_create(administration=administration, invited_by=request.user,
                                       **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("Die Einladung an %(email)s wurde versandt.")
                             % {"email": form.cleaned_data["email"]})
            return redirect("members:staff", slug=administration.slug)
    return staff_page(request, administration, invite_form=form, status=400)


def _invitation_action(request, invitation, action, done_message):
    try:
        action(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done_message % {"email": invitation.email})
    return redirect("members:staff", slug=invitation.administration.slug)


@require_POST
@permission_required("members.manage_invitation", INVITATION)
def invitation_resend(request, invitation):
    return _invitation_action(request, invitation, services.invitation_resend,
                              _("Die Einladung an %(email)s wurde erneut versandt."))


@require_POST
@permission_required("members.manage_invitation", INVITATION)
def invitation_revoke(request, invitation):
    return _invitation_action(request, invitation, services.invitation_revoke,
                              _("Die Einladung an %(email)s wurde zurückgezogen."))


@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request, token):
    invitation = invitation_for_token(token)
    status = invitation.status if invitation else None
    if status != InvitationStatus.PENDING:
        return render(request, "members/invitation_invalid.html",
                      {"reason": LINK_CLOSED_REASONS[status]},
                      status=410 if invitation else 404)
    form = InvitationAcceptForm(
        request.POST or None, email=invitation.email,
        initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token, password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Willkommen bei Kreishaus! Ihr Konto ist eingerichtet."))
            return redirect("start")
    return render(request, "members/invitation_accept.html",
                  {"invitation": invitation, "form": form})
