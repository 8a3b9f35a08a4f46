"""Downloads of statuses and the matrix for member staff, the status import for coordinators."""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import permission_required
from common.tabular import ImportFileError

from .export import export_filename, export_response, matrix_export, statuses_export
from .forms import ExportFilterForm, StatusImportForm
from .importing import statuses_import


def _export(request, stem: str, extension: str, build):
    form = ExportFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unbekannter Filter für den Export."))
    return export_response(build(**form.filters()), export_filename(stem, extension),
                           extension)


@require_safe
@permission_required("projects.view_statuses")
def export_statuses_csv(request):
    return _export(request, "sachstaende", "csv", statuses_export)


@require_safe
@permission_required("projects.view_statuses")
def export_statuses_xlsx(request):
    return _export(request, "sachstaende", "xlsx", statuses_export)


@require_safe
@permission_required("projects.view_statuses")
def export_matrix_csv(request):
    return _export(request, "matrix", "csv", matrix_export)


@require_safe
@permission_required("projects.view_statuses")
def export_matrix_xlsx(request):
    return _export(request, "matrix", "xlsx", matrix_export)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("projects.import_statuses")
def status_import(request):
    if request.method != "POST":
        return render(request, "projects/import_form.html", {"form": StatusImportForm()})
    form = StatusImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report = statuses_import(table=form.cleaned_data["file"], by=request.user)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            return render(request, "projects/import_report.html", {"report": report},
                          status=400 if report.rejected else 200)
    return render(request, "projects/import_form.html", {"form": form}, status=400)
