"""The text of a knowledge article made from a Rundfrage: its context, the asker's summary
and a Markdown table of the counts per question (no single administration's answer)."""

from __future__ import annotations

import re

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import Poll
from .selectors import PollResults, QuestionSummary
from .table import plain_number

ARTICLE_SUMMARY_MAX = 600
ARTICLE_TITLE_MAX = 200
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def cell(text: str) -> str:
    """Text as one literal table cell: one line, Markdown characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _number(value) -> str:
    return formats.number_format(plain_number(value), use_l10n=True)


def _table(header: list[str], rows: list[list[str]], right: int) -> list[str]:
    align = ["---"] * (len(header) - right) + ["---:"] * right
    return ["| " + " | ".join(cell(text) for text in header) + " |",
            "| " + " | ".join(align) + " |",
            *("| " + " | ".join(cell(text) for text in row) + " |" for row in rows)]


def _question_table(summary: QuestionSummary) -> list[str]:
    rows: list[list[str]] = []
    if summary.has_counts:
        rows = [[count.label, str(count.count)] for count in summary.counts]
    elif summary.numbers:
        stats = summary.numbers
        rows = [[_("Anzahl der Angaben"), str(stats.count)], [_("Median"), _number(stats.median)],
                [_("kleinster Wert"), _number(stats.minimum)],
                [_("größter Wert"), _number(stats.maximum)]]
    elif summary.dates:
        stats = summary.dates
        rows = [[_("Anzahl der Angaben"), str(stats.count)],
                [_("frühestes Datum"), formats.date_format(stats.earliest, "d.m.Y")],
                [_("spätestes Datum"), formats.date_format(stats.latest, "d.m.Y")]]
    else:
        rows = [[_("Freitextantworten"), str(len(summary.texts))]]
    if summary.not_possible:
        rows.append([_("Keine Angabe möglich"), str(summary.not_possible)])
    return _table([_("Antwort"), _("Anzahl")], rows, right=1)


def article_title(poll: Poll) -> str:
    prefix = _("Ergebnisse der Rundfrage: ")
    return (prefix + poll.title)[:ARTICLE_TITLE_MAX]


def article_summary(poll: Poll, results: PollResults) -> str:
    asker = poll.administration.name if poll.administration else _("einem Mitglied")
    text = _("Was %(count)s von %(total)s befragten Verwaltungen auf die Rundfrage von "
             "%(asker)s geantwortet haben (Stand %(day)s).") % {
        "count": results.answered_count, "total": results.audience_count, "asker": asker,
        "day": formats.date_format(timezone.localdate(), "d.m.Y")}
    return text[:ARTICLE_SUMMARY_MAX]


def article_body(poll: Poll, results: PollResults) -> str:
    """The article's Markdown: headings from h2 on, under the article page's h1."""
    lines: list[str] = []
    if poll.context.strip():
        lines += [f"## {_('Hintergrund')}", "", poll.context.strip(), ""]
    if poll.summary.strip():
        lines += [f"## {_('Zusammenfassung')}", "", poll.summary.strip(), ""]
    lines += [f"## {_('Ergebnisse')}", "",
              _("%(count)s von %(total)s Verwaltungen haben geantwortet; die Tabellen zählen "
                "die abgegebenen Antworten je Frage.") % {
                  "count": results.answered_count, "total": results.audience_count}, ""]
    for summary in results.questions:
        lines += [f"### {summary.number}. {cell(summary.question.text)}", ""]
        lines += _question_table(summary)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
