"""Directory, administration page and the editing of facts, Steckbrief and contacts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required

from . import services
from .filters import AdministrationFilter
from .forms import AdministrationForm, ContactForm, ProfileForm
from .models import Administration, ContactPerson, ProfileQuestion
from .selectors import administration_detail as administration_detail_qs
from .selectors import administrations_for_directory

# The administration of the page, from the address.
ADMINISTRATION = URLObject(Administration, kwarg="slug")


@require_safe
def administration_list(request):
    filterset = AdministrationFilter(
        request.GET, queryset=administrations_for_directory(include_former=True)
    )
    return render(request, "members/administration_list.html", {
        "filter": filterset,
        "administrations": filterset.qs,
        "internal": request.user.has_perm("members.view_internal"),
    })


@require_safe
def administration_detail(request, slug):
    administration = get_object_or_404(administration_detail_qs(slug=slug, user=request.user))
    # Statuses, meetings and knowledge below are sections of members.sections.ADMINISTRATION_PAGE.
    return render(request, "members/administration_detail.html", {
        "administration": administration,
        "internal": request.user.has_perm("members.view_internal"),
        "can_edit": request.user.has_perm("members.change_administration", administration),
        "can_view_staff": request.user.has_perm("members.view_staff", administration),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def administration_edit(request, administration):
    core = request.user.has_perm("members.change_administration_core")
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
    return render(request, "members/administration_form.html",
                  {"administration": get_object_or_404(Administration, pk=administration.pk),
                   "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def profile_edit(request, administration):
    questions = list(ProfileQuestion.objects.filter(is_active=True))
    answers = {a.question_id: a for a in administration.profile_answers.all()}
    form = ProfileForm(request.POST or None, questions=questions, answers=answers)
    if request.method == "POST" and form.is_valid():
        services.profile_answers_save(
            administration=administration, answers=form.answers(), by=request.user
        )
        messages.success(request, _("Der Steckbrief wurde gespeichert."))
        return redirect(administration)
    return render(request, "members/profile_form.html",
                  {"administration": administration, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def contact_edit(request, administration, pk=None):
    contact = (get_object_or_404(ContactPerson, pk=pk, administration=administration)
               if pk else ContactPerson(administration=administration))
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_save(
                contact=contact,
                fields={name: form.cleaned_data[name] for name in form.fields},
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Ansprechperson wurde gespeichert."))
            return redirect(administration.get_absolute_url() + "#ansprechpersonen")
    return render(request, "members/contact_form.html",
                  {"administration": administration, "form": form, "contact": contact})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("members.change_administration", ADMINISTRATION)
def contact_delete(request, administration, pk):
    contact = get_object_or_404(ContactPerson, pk=pk, administration=administration)
    if request.method == "POST":
        services.contact_delete(contact=contact, by=request.user)
        messages.success(request, _("Die Ansprechperson wurde entfernt."))
        return redirect(administration.get_absolute_url() + "#ansprechpersonen")
    return render(request, "members/contact_confirm_delete.html",
                  {"administration": administration, "contact": contact})
