"""What changed between two versions of a text, line by line (knowledge articles, legal
pages): the lines removed and added, with a few unchanged lines around each change."""

import difflib
from dataclasses import dataclass

# Lines of unchanged text kept around each change.
DIFF_CONTEXT = 3


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed" or "gap" (unchanged lines left out)
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.kind in ("added", "removed") for line in self.lines)


def line_diff(old: str, new: str, *, context: int | None = DIFF_CONTEXT) -> list[DiffLine]:
    """Lines removed from and added to `old`, with a few unchanged lines around each change
    (all of them when `context` is None)."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if context is None:
        groups = [matcher.get_opcodes()]
    else:
        groups = list(matcher.get_grouped_opcodes(context))
    lines: list[DiffLine] = []
    for index, group in enumerate(groups):
        if index or (group and group[0][1] > 0):
            lines.append(DiffLine("gap", ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine("same", text) for text in a[i1:i2])
                continue
            lines.extend(DiffLine("removed", text) for text in a[i1:i2])
            lines.extend(DiffLine("added", text) for text in b[j1:j2])
    if groups and groups[-1] and groups[-1][-1][2] < len(a):
        lines.append(DiffLine("gap", ""))
    return lines


def fields_diff(*, old, new, fields: list[tuple[str, str]],
                long_fields: frozenset[str] = frozenset()) -> list[FieldDiff]:
    """The named fields of `new` compared with `old` (None: everything is new). `fields`
    is [(attribute, label)]; the `long_fields` show only the lines around each change,
    the others every line."""
    diffs = []
    for name, label in fields:
        before = getattr(old, name) if old is not None else ""
        after = getattr(new, name)
        diffs.append(FieldDiff(name, str(label), line_diff(
            _text(before), _text(after),
            context=DIFF_CONTEXT if name in long_fields else None)))
    return diffs


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):  # a date ("Stand") compares as the German date
        return value.strftime("%d.%m.%Y")
    return str(value)
