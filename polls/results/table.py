"""The table administration × answers as the page shows it and as the exports write it.

One definition of a cell for both: the page shows text, the exports keep numbers and dates
as such (XLSX cells of their type; CSV in German notation through common.tabular).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import Question, QuestionKind
from .selectors import OTHER_LABEL, Item, PollResults, has_value, other_text


def plain_number(value: Decimal) -> Decimal:
    """120.00 → 120, 2.50 → 2.5 (never the exponent notation of Decimal.normalize)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def item_value(item: Item | None, question: Question):
    """The answer to one question as a value: text, Decimal, date or None."""
    if item is None:
        return None
    if item.not_possible:
        return _("Keine Angabe möglich")
    if not has_value(item, question):
        return None
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        listed = [choice for choice in item.choices if choice in question.choices]
        other = other_text(item, question)
        if other:
            listed.append(f"{_(OTHER_LABEL)}: {other}")
        return "; ".join(listed)
    if kind == QuestionKind.YES_NO:
        return _("Ja") if item.yes else _("Nein")
    if kind == QuestionKind.NUMBER:
        return plain_number(item.number)
    if kind == QuestionKind.DATE:
        return item.date
    return item.text.strip()


def item_text(item: Item | None, question: Question) -> str:
    """The answer as the results page shows it (German number and date notation)."""
    value = item_value(item, question)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, date):
        return formats.date_format(value, "d.m.Y")
    return value


def _local(moment: datetime | None) -> datetime | None:
    # XLSX has no time zones: the local time, as the page shows it.
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def export_header(results: PollResults) -> list[str]:
    return [_("Verwaltung"), _("Art"), _("Abgegeben am"), _("Abgegeben von"),
            *(f"{summary.number}. {summary.question.text}" for summary in results.questions)]


def export_rows(results: PollResults, *, for_csv: bool):
    """One row per administration of the audience that answered, then those without an
    answer ("keine Antwort")."""
    questions = [summary.question for summary in results.questions]
    for row in sorted(results.rows, key=lambda row: row.answer is None):
        administration = row.administration
        answer = row.answer
        if answer is None:
            yield [administration.name, administration.get_kind_display(),
                   _("keine Antwort"), "", *([""] * len(questions))]
            continue
        values = [item_value(item, question)
                  for item, question in zip(row.items, questions, strict=True)]
        if for_csv:
            values = [formats.number_format(value, use_l10n=True)
                      if isinstance(value, Decimal) else value for value in values]
        else:
            values = [float(value) if isinstance(value, Decimal) else value for value in values]
        who = answer.updated_by.get_full_name() if answer.updated_by else ""
        yield [administration.name, administration.get_kind_display(),
               _local(answer.submitted_at or answer.updated_at), who, *values]
