"""Dates of the content checks of articles, without the database: the interval bounds and
adding months the way PostgreSQL adds an interval (31 January + 1 month = 28/29 February),
so the page and the queries (knowledge.reviews) name the same due day."""

import calendar
from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator

REVIEW_INTERVAL_DEFAULT = 12
REVIEW_INTERVAL_MAX = 120


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval_field_bound(field) -> None:
    """A form's interval field: 1 to REVIEW_INTERVAL_MAX months, in the browser (min, max)
    and on the server (the model's own validators run only after the form's clean)."""
    field.validators += [MinValueValidator(1), MaxValueValidator(REVIEW_INTERVAL_MAX)]
    field.widget.attrs.update({"min": 1, "max": REVIEW_INTERVAL_MAX})
