"""Joint projects: overview, project page, and writing by coordinators and the lead's editors."""

import copy

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.permissions import URLObject, permission_required
from common.phrases import DOCUMENT_UPLOADED

from ..models import JointProject, Milestone, ProjectDocument
from .forms import JointProjectForm, MilestoneForm, ProjectDocumentForm
from .selectors import joint_project_detail, joint_projects_for_list
from .services import joint_project_save, milestone_save, milestone_set_done, project_document_add

M2M_FIELDS = ("participants", "topics", "decisions")
# The project of the page, with its lead: the rule projects.change_joint_project asks it.
PROJECT = URLObject(JointProject.objects.select_related("lead"), kwarg="slug")


@require_safe
def project_list(request):
    return render(request, "projects/project_list.html", {
        "projects": joint_projects_for_list(),
        "nav_section": "projects",
    })


@require_safe
def project_detail(request, slug):
    project = get_object_or_404(joint_project_detail(slug=slug, user=request.user))
    return render(request, "projects/project_detail.html", {
        "project": project,
        "nav_section": "projects",
    })


def _project_form_page(request, project, saved):
    form = JointProjectForm(request.POST or None, instance=project,
                            may_change_lead=rules.has_perm("projects.change_joint_project_lead",
                                                           request.user))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields
                  if name not in M2M_FIELDS}
        try:
            project = joint_project_save(
                project=project, fields=fields, by=request.user,
                participants=form.cleaned_data["participants"],
                topics=form.cleaned_data["topics"], decisions=form.cleaned_data["decisions"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Das Projekt wurde gespeichert."))
            return redirect(project.get_absolute_url())
    return render(request, "projects/project_form.html", {
        "form": form, "project": saved, "nav_section": "projects",
    })


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.add_joint_project")
def project_create(request):
    return _project_form_page(request, JointProject(), None)


@permission_required("projects.change_joint_project", PROJECT)
@require_http_methods(["GET", "HEAD", "POST"])
def project_edit(request, project):
    # The form changes its instance while validating; headings keep the saved title.
    return _project_form_page(request, project, copy.copy(project))


@permission_required("projects.change_joint_project", PROJECT)
@require_http_methods(["GET", "HEAD", "POST"])
def milestone_edit(request, project, pk=None):
    milestone = (get_object_or_404(project.milestones, pk=pk) if pk
                 else Milestone(project=project))
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        try:
            milestone_save(milestone=milestone, fields=fields, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Der Meilenstein wurde gespeichert."))
            return redirect(project.get_absolute_url() + "#meilensteine")
    return render(request, "projects/milestone_form.html", {
        "form": form, "project": project, "nav_section": "projects",
        "title": _("Meilenstein bearbeiten") if pk else _("Meilenstein hinzufügen"),
    })


@permission_required("projects.change_joint_project", PROJECT)
@require_POST
def milestone_done(request, project, pk):
    milestone = get_object_or_404(project.milestones, pk=pk)
    # The button sends the state it asks for, so a second click on a stale page is harmless.
    done = request.POST.get("done") == "1"
    milestone_set_done(milestone=milestone, done=done, by=request.user)
    messages.success(request, (_("Der Meilenstein „%(title)s“ ist erreicht.") if done
                               else _("Der Meilenstein „%(title)s“ ist wieder offen."))
                     % {"title": milestone.title})
    return redirect(project.get_absolute_url() + "#meilensteine")


@permission_required("projects.change_joint_project", PROJECT)
@require_http_methods(["GET", "HEAD", "POST"])
def document_upload(request, project):
    form = ProjectDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        project_document_add(project=project, title=form.cleaned_data["title"],
                             file=form.cleaned_data["file"], by=request.user)
        messages.success(request, DOCUMENT_UPLOADED)
        return redirect(project.get_absolute_url() + "#unterlagen")
    return render(request, "projects/document_form.html",
                  {"project": project, "form": form, "nav_section": "projects"})


@require_safe
@permission_required("projects.view_project_internals")
def document_download(request, slug, pk):
    """Project documents are internal: member staff only, never from a public URL."""
    document = get_object_or_404(ProjectDocument, pk=pk, project__slug=slug)
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.file.name.rsplit("/", 1)[-1])
