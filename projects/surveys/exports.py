"""The comparison of two closed rounds as a CSV or XLSX download (through common.tabular,
which guards every cell against formula injection)."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.tabular import csv_response, xlsx_response

from ..models import SurveyRound, SurveySnapshot
from .selectors import SurveyComparison

WIDTHS = (32, 14, 40, 14, 24, 24, 14, 24, 24)


def _cells(snapshot: SurveySnapshot | None) -> list[str]:
    if snapshot is None:
        return [_("nicht erfasst"), "", ""]
    return [snapshot.get_stage_display(),
            snapshot.get_maturity_display() if snapshot.maturity is not None else "",
            snapshot.product]


def comparison_table(comparison: SurveyComparison) -> tuple[list[str], list[list[str]]]:
    """Header and rows in the order of the comparison page: member, then its changes."""
    with translation.override(settings.LANGUAGE_CODE):
        header = [_("Verwaltung"), _("Art"), _("Bezeichnung"),
                  _("Stand vorher"), _("Reifegrad vorher"), _("Produkt vorher"),
                  _("Stand jetzt"), _("Reifegrad jetzt"), _("Produkt jetzt")]
        rows = []
        for administration, changes in comparison.groups:
            for change in changes:
                kind = (_("OZG-Leistung") if (change.after or change.before).service_id
                        else _("Thema"))
                rows.append([administration.name, kind, change.subject,
                             *_cells(change.before), *_cells(change.after)])
    return header, rows


def comparison_response(survey_round: SurveyRound, comparison: SurveyComparison,
                        extension: str):
    header, rows = comparison_table(comparison)
    filename = (f"erhebung-{survey_round.pk}-vergleich-"
                f"{timezone.localdate(survey_round.closed_at):%Y-%m-%d}.{extension}")
    if extension == "xlsx":
        with translation.override(settings.LANGUAGE_CODE):
            title = _("Vergleich")
        return xlsx_response(filename, title, header, rows, WIDTHS)
    return csv_response(filename, header, rows)
