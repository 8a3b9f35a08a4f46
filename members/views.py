"""Directory, administration page and the editing of facts, Steckbrief and contacts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from knowledge.selectors_documents import contributions_of
from meetings.selectors import meetings_of_administration
from projects.selectors_status import member_statuses

from . import services
from .filters import AdministrationFilter
from .forms import AdministrationForm, ContactForm, ProfileForm
from .models import Administration, ContactPerson, ProfileQuestion
from .selectors import administration_detail as administration_detail_qs
from .selectors import administrations_for_directory


def _administration_for(request, slug: str, perm: str) -> Administration:
    administration = get_object_or_404(Administration, slug=slug)
    if not request.user.has_perm(perm, administration):
        raise PermissionDenied
    return administration


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
    internal = request.user.has_perm("members.view_internal")
    administration = get_object_or_404(administration_detail_qs(slug=slug, user=request.user))
    can_edit = request.user.has_perm("members.change_administration", administration)
    return render(request, "members/administration_detail.html", {
        "administration": administration,
        "internal": internal,
        "can_edit": can_edit,
        "can_view_staff": request.user.has_perm("members.view_staff", administration),
        # Statuses are internal: visitors get none, not just a hidden table.
        "statuses": member_statuses(administration=administration, with_missing_topics=can_edit)
        if internal else None,
        "meetings": meetings_of_administration(administration) if internal else None,
        "knowledge": contributions_of(administration=administration, user=request.user),
    })


@require_http_methods(["GET", "HEAD", "POST"])
def administration_edit(request, slug):
    administration = _administration_for(request, slug, "members.change_administration")
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
def profile_edit(request, slug):
    administration = _administration_for(request, slug, "members.change_administration")
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
def contact_edit(request, slug, pk=None):
    administration = _administration_for(request, slug, "members.change_administration")
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
def contact_delete(request, slug, pk):
    administration = _administration_for(request, slug, "members.change_administration")
    contact = get_object_or_404(ContactPerson, pk=pk, administration=administration)
    if request.method == "POST":
        services.contact_delete(contact=contact, by=request.user)
        messages.success(request, _("Die Ansprechperson wurde entfernt."))
        return redirect(administration.get_absolute_url() + "#ansprechpersonen")
    return render(request, "members/contact_confirm_delete.html",
                  {"administration": administration, "contact": contact})
