"""Who has access to an administration: its accounts with their roles, and (for those who
may invite) its open invitations. The coordination office changes roles and activation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from common.permissions import URLObject, permission_required

from ..forms import InvitationForm, RoleForm
from ..models import Administration, User
from ..rules import invitable_roles
from ..selectors import invitations_open_for, staff_of
from ..services import accounts as services

ADMINISTRATION = URLObject(Administration, kwarg="slug")
# A person with an account of some administration (the page they are listed on).
PERSON = URLObject(User.objects.select_related("administration")
                   .filter(administration__isnull=False), kwarg="pk")


def staff_page(request, administration, invite_form=None, status=200):
    """The staff list; shown again with the errors of an invitation that was refused."""
    roles = invitable_roles(request.user, administration)
    return render(request, "members/staff_list.html", {
        "administration": administration,
        "staff": staff_of(administration),
        "invitations": invitations_open_for(administration) if roles else [],
        "invite_form": invite_form or (InvitationForm(roles=roles) if roles else None),
        "role_form": RoleForm(),
    }, status=status)


@require_safe
@permission_required("members.view_staff", ADMINISTRATION)
def staff_list(request, administration):
    return staff_page(request, administration)


@require_POST
@permission_required("members.change_role", PERSON)
def user_role(request, person):
    form = RoleForm(request.POST)
    if form.is_valid():
        services.user_change_role(user=person, role=form.cleaned_data["role"], by=request.user)
        messages.success(request, _("Die Rolle von %(name)s ist jetzt „%(role)s“.")
                         % {"name": person, "role": person.get_role_display()})
    else:
        messages.error(request, _("Bitte wählen Sie eine gültige Rolle."))
    return redirect("members:staff", slug=person.administration.slug)


@require_POST
@permission_required("members.change_account_active", PERSON)
def user_active(request, person):
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
