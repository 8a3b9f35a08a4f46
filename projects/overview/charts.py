"""How stages look (symbol, label, colour class) and server-rendered SVG charts.

Charts are plain SVG strings built here, so pages need neither JavaScript nor a CDN.
Every chart has a <title> and <desc>, visible labels and numbers; colours come from
CSS classes in static/css/projects.css, so a strict Content-Security-Policy holds.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ..enums import Stage


@dataclass(frozen=True)
class StageDisplay:
    """A stage as text label plus a shape, so colour is never the only signal."""

    value: int | None
    label: str
    symbol: str
    css: str


# Harvey balls fill up with the stage; "no status" is a plain dot.
_SYMBOLS = {Stage.NOT_PLANNED: "○", Stage.PLANNED: "◔", Stage.IN_PROGRESS: "◑",
            Stage.PILOT: "◕", Stage.LIVE: "●"}
STAGE_DISPLAY = {stage.value: StageDisplay(stage.value, stage.label, _SYMBOLS[stage],
                                           f"stage--{stage.value}")
                 for stage in Stage}
NO_STATUS = StageDisplay(None, _("keine Angabe"), "·", "stage--none")


def stage_display(stage: int | None) -> StageDisplay:
    return NO_STATUS if stage is None else STAGE_DISPLAY[stage]


def percent(part: int, whole: int) -> str:
    """Whole percent for charts and tables; '–' when there is nothing to divide."""
    return f"{round(100 * part / whole)} %" if whole else "–"


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def _svg(*, chart_id: str, width: int, height: int, title: str, desc: str, body: str,
         css: str = "") -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart {}" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc" id="{}">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        css, width, height, chart_id, chart_id, chart_id, chart_id, title, chart_id, desc,
        mark_safe(body),  # noqa: S308 - every part below is built with format_html
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css: str = ""
    symbol: str = ""


def bar_chart(*, bars: list[Bar], title: str, chart_id: str) -> SafeString:
    """Horizontal bars, each with its label, count and share written next to it."""
    total = sum(bar.value for bar in bars)
    largest = max([bar.value for bar in bars] + [1])
    label_width, bar_width, row = 150, 330, 34
    parts, described = [], []
    for index, bar in enumerate(bars):
        y = 8 + index * row
        width = round(bar_width * bar.value / largest) if bar.value else 0
        text = f"{_number(bar.value)} ({percent(bar.value, total)})"
        described.append(f"{bar.label}: {text}")
        parts.append(format_html(
            '<g class="chart__row"><text class="chart__label" x="0" y="{}">{}{}</text>'
            '<rect class="chart__bar {}" x="{}" y="{}" width="{}" height="22" rx="2"></rect>'
            '<text class="chart__value" x="{}" y="{}">{}</text></g>',
            y + 16, f"{bar.symbol} " if bar.symbol else "", bar.label, bar.css, label_width, y,
            max(width, 1), label_width + width + 8, y + 16, text))
    desc = _("Insgesamt %(total)s. ") % {"total": _number(total)} + "; ".join(described)
    return _svg(chart_id=chart_id, width=label_width + bar_width + 120,
                height=16 + len(bars) * row, title=title, desc=desc, body="".join(parts),
                css="chart--bars")


@dataclass(frozen=True)
class Segment:
    label: str
    value: int
    css: str


@dataclass(frozen=True)
class StackedRow:
    label: str
    segments: list[Segment]


def stacked_bar_chart(*, rows: list[StackedRow], title: str, chart_id: str) -> SafeString:
    """One 100 % bar per row; segments keep their order, carry their count when wide enough
    and a tooltip, and the total is written after each bar."""
    label_width, bar_width, row_height = 230, 380, 30
    parts, described = [], []
    for index, row in enumerate(rows):
        y = 6 + index * row_height
        total = sum(segment.value for segment in row.segments)
        parts.append(format_html('<text class="chart__label" x="0" y="{}">{}</text>',
                                 y + 15, _truncate(row.label, 34)))
        x = float(label_width)
        for segment in row.segments:
            width = bar_width * segment.value / total if total else 0
            if width:
                tip = f"{row.label}, {segment.label}: {_number(segment.value)}"
                parts.append(format_html(
                    '<rect class="chart__bar {}" x="{}" y="{}" width="{}" '
                    'height="20"><title>{}</title></rect>',
                    segment.css, round(x, 1), y, round(width, 1), tip))
                if width >= 28:
                    parts.append(format_html(
                        '<text class="chart__inside {}" x="{}" y="{}" text-anchor="middle">'
                        '{}</text>', segment.css, round(x + width / 2, 1), y + 15,
                        _number(segment.value)))
            x += width
        parts.append(format_html('<text class="chart__value" x="{}" y="{}">{}</text>',
                                 label_width + bar_width + 8, y + 15, _number(total)))
        described.append(f"{row.label}: " + ", ".join(
            f"{segment.label} {_number(segment.value)}" for segment in row.segments))
    return _svg(chart_id=chart_id, width=label_width + bar_width + 80,
                height=12 + len(rows) * row_height, title=title, desc="; ".join(described),
                body="".join(parts), css="chart--stacked")


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass(frozen=True)
class Point:
    month: date
    share: float | None  # 0..100
    text: str


@dataclass(frozen=True)
class Marker:
    """A survey result between the monthly points: position counts months from the first."""

    position: float
    share: float
    text: str


def _runs(points: list[Point], known: bool) -> list[tuple[int, int]]:
    """(first, last) index of every run of months with (or without) a share."""
    runs, start = [], None
    for index, point in enumerate([*points, None]):
        inside = point is not None and (point.share is not None) == known
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            runs.append((start, index - 1))
            start = None
    return runs


def line_chart(*, points: list[Point], title: str, chart_id: str,
               markers: list[Marker] | None = None) -> SafeString:
    """Share over months (0–100 %), with axis labels, a tooltip per point and the latest
    value written at the end; survey results appear as diamonds. Months without data are
    a gap in the line, shaded and labelled "keine Daten", never bridged."""
    left, top, plot_width, plot_height = 52, 14, 900, 220
    step = plot_width / max(len(points) - 1, 1)

    def x_of(position: float) -> float:
        return round(left + position * step, 1)

    def y_of(share: float) -> float:
        return round(top + plot_height * (1 - share / 100), 1)

    parts = []
    for share in (0, 25, 50, 75, 100):
        parts.append(format_html(
            '<line class="chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
            '<text class="chart__axis" x="{}" y="{}" text-anchor="end">{} %</text>',
            left, left + plot_width, y_of(share), y_of(share), left - 6,
            round(y_of(share) + 4, 1), share))
    gaps = _runs(points, known=False) if any(p.share is not None for p in points) else []
    gap_texts = []
    for first, last in gaps:
        x1, x2 = max(left, x_of(first - 0.5)), min(left + plot_width, x_of(last + 0.5))
        span = date_format(points[first].month, "F Y") if first == last else _(
            "%(first)s bis %(last)s") % {"first": date_format(points[first].month, "F Y"),
                                          "last": date_format(points[last].month, "F Y")}
        gap_texts.append(_("keine Daten: %(span)s") % {"span": span})
        parts.append(format_html(
            '<rect class="chart__gap" x="{}" y="{}" width="{}" height="{}">'
            '<title>{}</title></rect>', x1, top, round(x2 - x1, 1), plot_height,
            gap_texts[-1]))
        if x2 - x1 >= 70:
            parts.append(format_html(
                '<text class="chart__gap-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                round((x1 + x2) / 2, 1), round(top + plot_height / 2, 1), _("keine Daten")))
    for index, point in enumerate(points):
        if (len(points) - 1 - index) % 3 == 0:  # every third month, ending with the latest
            parts.append(format_html(
                '<text class="chart__axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                x_of(index), top + plot_height + 20, date_format(point.month, "M Y")))
    known = [(index, point) for index, point in enumerate(points) if point.share is not None]
    for first, last in _runs(points, known=True):
        path = " ".join(f"{x_of(i):.1f},{y_of(points[i].share):.1f}"
                        for i in range(first, last + 1))
        parts.append(format_html('<polyline class="chart__line" points="{}"></polyline>', path))
    if known:
        for index, point in known:
            parts.append(format_html(
                '<circle class="chart__point" cx="{}" cy="{}" r="3.5">'
                '<title>{}</title></circle>', x_of(index), y_of(point.share), point.text))
        index, last = known[-1]
        parts.append(format_html(
            '<text class="chart__value" x="{}" y="{}" text-anchor="end">{}</text>',
            # Above the point, or below it when the point is near the top edge.
            x_of(index), round(y_of(last.share) + (16 if last.share > 90 else -8), 1),
            f"{round(last.share)} %"))
    for marker in markers or []:
        x, y = x_of(marker.position), y_of(marker.share)
        parts.append(format_html(
            '<path class="chart__marker" d="M {} {} l 6 6 l -6 6 l -6 -6 z">'
            '<title>{}</title></path>', x, round(y - 6, 1), marker.text))
    desc = "; ".join([p.text for p in points if p.share is not None] + gap_texts
                     + [m.text for m in markers or []]) or str(_("Noch keine Daten."))
    return _svg(chart_id=chart_id, width=left + plot_width + 24,
                height=top + plot_height + 30, title=title, desc=desc, body="".join(parts),
                css="chart--line")
