"""Editing an administration: its facts, its Steckbrief and its contact persons (the
Redaktion of the administration and the coordination office)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.permissions import URLObject, permission_required

from ..forms import AdministrationForm, ContactForm, ProfileForm
from ..models import Administration, ContactPerson
from ..selectors import profile_questions_and_answers
from ..services import administrations as services
from ..services.removal import contact_remove, removal_pseudonym

# The administration of the page, from the address.
ADMINISTRATION = URLObject(Administration, kwarg="slug")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def administration_edit(request, administration):
    core = request.user.has_perm("members.change_administration_core", administration)
    form = AdministrationForm(request.POST or None, request.FILES or None,
                              instance=administration, core=core)
    if request.method == "POST" and form.is_valid():
        try:
            services.administration_update(
                administration=administration,
                fields={name: form.cleaned_data[name] for name in form.fields},
                by=request.user,
            )
        except ValidationError as error:  # e.g. the address was taken a moment earlier
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Angaben wurden gespeichert."))
            return redirect(administration)
    # The form has copied its (maybe invalid) values onto the instance: the page names the
    # administration as it is stored.
    return render(request, "members/administration_form.html",
                  {"administration": get_object_or_404(Administration, pk=administration.pk),
                   "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def profile_edit(request, administration):
    questions, answers = profile_questions_and_answers(administration)
    form = ProfileForm(request.POST or None, questions=questions, answers=answers)
    if request.method == "POST" and form.is_valid():
        services.profile_answers_save(administration=administration, answers=form.answers(),
                                      by=request.user)
        messages.success(request, _("Der Steckbrief wurde gespeichert."))
        return redirect(administration)
    return render(request, "members/profile_form.html",
                  {"administration": administration, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def contact_edit(request, administration, pk=None):
    contact = (get_object_or_404(ContactPerson.objects.present(), pk=pk,
                                 administration=administration)
               if pk else ContactPerson(administration=administration))
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_save(
                contact=contact, fields={name: form.cleaned_data[name] for name in form.fields},
                by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Ansprechperson wurde gespeichert."))
            return redirect(administration.get_absolute_url() + "#ansprechpersonen")
    return render(request, "members/contact_form.html",
                  {"administration": administration, "form": form, "contact": contact})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.remove_contact", ADMINISTRATION)
def contact_delete(request, administration, pk):
    contact = get_object_or_404(ContactPerson.objects.present(), pk=pk,
                                administration=administration)
    if request.method == "POST":
        contact_remove(contact=contact, by=request.user)
        messages.success(request, _("Die Ansprechperson wurde entfernt. Wo Sachstände sie "
                                    "nannten, steht jetzt „%(pseudonym)s“.")
                         % {"pseudonym": removal_pseudonym(administration)})
        return redirect(administration.get_absolute_url() + "#ansprechpersonen")
    return render(request, "members/contact_confirm_delete.html",
                  {"administration": administration, "contact": contact,
                   "pseudonym": removal_pseudonym(administration)})
