"""What changed between two versions of an article: a line diff of title, summary and body
(common.textdiff)."""

from common.textdiff import DIFF_CONTEXT, DiffLine, FieldDiff, fields_diff, line_diff

from ..models import Article, ArticleRevision

__all__ = ["DIFF_CONTEXT", "DiffLine", "FieldDiff", "line_diff", "revision_diff"]


def revision_diff(*, old: ArticleRevision | Article | None,
                  new: ArticleRevision) -> list[FieldDiff]:
    """Title, summary and body of `new` compared line by line with `old` (an older revision,
    the current article, or nothing for a first version)."""
    fields = [(name, ArticleRevision._meta.get_field(name).verbose_name)
              for name in ("title", "summary", "body")]
    return fields_diff(old=old, new=new, fields=fields, long_fields=frozenset({"body"}))
