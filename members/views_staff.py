"""Staff list, invitations and account management of an administration."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import services
from .enums import InvitationStatus
from .forms import InvitationAcceptForm, InvitationForm, RoleForm
from .models import Administration, Invitation, User
from .rules import invitable_roles
from .selectors import invitations_open_for, staff_of


def _staff_page(request, administration, invite_form=None, status=200):
    roles = invitable_roles(request.user, administration)
    return render(request, "members/staff_list.html", {
        "administration": administration,
        "staff": staff_of(administration),
        "invitations": invitations_open_for(administration) if roles else [],
        "invite_form": invite_form or (InvitationForm(roles=roles) if roles else None),
        "manage_accounts": request.user.has_perm("members.manage_accounts"),
        "role_form": RoleForm(),
    }, status=status)


@require_safe
def staff_list(request, slug):
    administration = get_object_or_404(Administration, slug=slug)
    if not request.user.has_perm("members.view_staff", administration):
        raise PermissionDenied
    return _staff_page(request, administration)


@require_POST
def invitation_create(request, slug):
    administration = get_object_or_404(Administration, slug=slug)
    if not request.user.has_perm("members.invite_staff", administration):
        raise PermissionDenied
    roles = invitable_roles(request.user, administration)
    if request.POST.get("role") and request.POST["role"] not in roles:
        raise PermissionDenied
    form = InvitationForm(request.POST, roles=roles)
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
    return _staff_page(request, administration, invite_form=form, status=400)


def _invitation_action(request, pk, action, done_message):
    invitation = get_object_or_404(Invitation.objects.select_related("administration"), pk=pk)
    if not request.user.has_perm("members.manage_invitation", invitation):
        raise PermissionDenied
    try:
        action(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done_message % {"email": invitation.email})
    return redirect("members:staff", slug=invitation.administration.slug)


@require_POST
def invitation_resend(request, pk):
    return _invitation_action(request, pk, services.invitation_resend,
                              _("Die Einladung an %(email)s wurde erneut versandt."))


@require_POST
def invitation_revoke(request, pk):
    return _invitation_action(request, pk, services.invitation_revoke,
                              _("Die Einladung an %(email)s wurde zurückgezogen."))


def _account_for(request, pk) -> User:
    if not request.user.has_perm("members.manage_accounts"):
        raise PermissionDenied
    return get_object_or_404(User.objects.select_related("administration"), pk=pk,
                             administration__isnull=False)


@require_POST
def user_role(request, pk):
    person = _account_for(request, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        services.user_change_role(user=person, role=form.cleaned_data["role"], by=request.user)
        messages.success(request, _("Die Rolle von %(name)s ist jetzt „%(role)s“.")
                         % {"name": person, "role": person.get_role_display()})
    else:
        messages.error(request, _("Bitte wählen Sie eine gültige Rolle."))
    return redirect("members:staff", slug=person.administration.slug)


@require_POST
def user_active(request, pk):
    person = _account_for(request, pk)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(user=person, active=active, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = (_("Das Konto von %(name)s ist wieder aktiv.") if active
                else _("Das Konto von %(name)s wurde deaktiviert."))
        messages.success(request, text % {"name": person})
    return redirect("members:staff", slug=person.administration.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None or invitation.status != InvitationStatus.PENDING:
        return render(request, "members/invitation_invalid.html",
                      {"invitation": invitation}, status=410 if invitation else 404)
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
