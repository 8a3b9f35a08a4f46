"""What changed between two versions of an article: a line diff of title, summary and body."""

import difflib
from dataclasses import dataclass

from ..models import Article, ArticleRevision

# Lines of unchanged text kept around each change in a revision diff.
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


def revision_diff(*, old: ArticleRevision | Article | None,
                  new: ArticleRevision) -> list[FieldDiff]:
    """Title, summary and body of `new` compared line by line with `old` (an older revision,
    the current article, or nothing for a first version)."""
    diffs = []
    for name in ("title", "summary", "body"):
        label = ArticleRevision._meta.get_field(name).verbose_name
        before = getattr(old, name) if old is not None else ""
        diffs.append(FieldDiff(name, str(label), line_diff(
            before, getattr(new, name), context=None if name != "body" else DIFF_CONTEXT)))
    return diffs
