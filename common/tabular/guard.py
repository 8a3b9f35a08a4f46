"""The formula-injection guard of every table the portal writes or reads.

Cells hold text typed by people (names, titles, notes). A spreadsheet program runs a cell
that starts with "=", "+", "-", "@" (or a tab or line break before one) as a formula, e.g.
`=HYPERLINK(...)`. `spreadsheet_safe` puts an apostrophe in front of such text, in every
cell, header and sheet title of every export, CSV and XLSX alike; `spreadsheet_unsafe`
removes it again, so a file exported and read back by an import gives the exact values.
"""

# Characters that make a spreadsheet evaluate a cell (full-width forms included: some
# spreadsheet programs normalise them), and whitespace/control characters programs skip
# before looking at the first one.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\t\r\n")
SKIPPED = "".join(chr(code) for code in range(0x21)) + "\x7f\u00a0\u3000"


def runs_as_formula(value: str) -> bool:
    """Whether the text, once any apostrophes we put in front are ignored, would run."""
    rest = value.lstrip("'")
    return rest[:1] in FORMULA_STARTS or rest.lstrip(SKIPPED)[:1] in FORMULA_STARTS


def spreadsheet_safe(value: str) -> str:
    """The text as a spreadsheet shows it, never as a formula. Apostrophes already in front
    count as part of the text, so spreadsheet_unsafe() restores every value exactly."""
    return "'" + value if runs_as_formula(value) else value


def spreadsheet_unsafe(value: str) -> str:
    """The inverse of spreadsheet_safe, for importing files we exported."""
    return value[1:] if value[:1] == "'" and runs_as_formula(value) else value
