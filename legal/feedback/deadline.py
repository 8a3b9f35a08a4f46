"""The answer deadline of a feedback message: one month (§ 12b BGG, BITV RP)."""

import calendar
from datetime import date


def one_month_after(day: date) -> date:
    """The same day of the next month, or its last day if it has no such day (a month
    from 31 January ends on 28 or 29 February), as § 188 BGB counts a month."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
