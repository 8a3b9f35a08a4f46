"""What an import did, and why it could not: one report and one error type for every importer.

Every importer of the portal works all or nothing: it checks every row first and writes
only if none was rejected. A row that fails is a `RowError` (its line number, the reason,
and the file where an import reads several); a file that cannot be used at all raises
`ImportFileError`. The `ImportReport` counts what was created, updated or left unchanged
(or would be, in a dry run) and lists the rejected rows; importers extend it with what
only they report.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_REJECTIONS_SHOWN = 100


class ImportFileError(Exception):
    """The file as a whole cannot be used (missing, type, size, encoding, header); nothing
    was written. `code` says which check failed (see reading.READ_MESSAGES)."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message, self.code = str(message), code


@dataclass(frozen=True)
class RowError:
    """A rejected row: `line` as the importer counts (see reading.Row), `source` the file
    where an import reads several."""

    line: int
    reason: str
    source: str = ""

    def __str__(self) -> str:
        if self.source:
            return _("%(file)s, Zeile %(line)d: %(reason)s") % {
                "file": self.source, "line": self.line, "reason": self.reason}
        return _("Zeile %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass
class Tally:
    """What was created and updated (a label each: name and key) and how much was left
    unchanged."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def counts_text(self) -> str:
        return _("%(created)d angelegt, %(updated)d aktualisiert, %(unchanged)d unverändert") % {
            "created": len(self.created), "updated": len(self.updated),
            "unchanged": self.unchanged}


@dataclass
class ImportReport(Tally):
    """The result of an import (`dry_run`: what it would do) with every rejected row."""

    dry_run: bool = False
    rejected: list[RowError] = field(default_factory=list)

    def reject(self, line: int, reason: str, *, source: str = "") -> None:
        self.rejected.append(RowError(line, reason, source))

    def rejection_heading(self) -> str:
        return ngettext("%(count)d Zeile abgelehnt, darum wurde nichts gespeichert:",
                        "%(count)d Zeilen abgelehnt, darum wurde nichts gespeichert:",
                        len(self.rejected)) % {"count": len(self.rejected)}

    @property
    def rejected_shown(self) -> list[RowError]:
        return self.rejected[:MAX_REJECTIONS_SHOWN]

    @property
    def rejected_hidden(self) -> int:
        return max(0, len(self.rejected) - MAX_REJECTIONS_SHOWN)

    def rejection_message(self) -> str:
        """Heading and the first rejected rows as text (for a command's error output)."""
        lines = [self.rejection_heading(), *(str(error) for error in self.rejected_shown)]
        if self.rejected_hidden:
            lines.append(_("… und %(count)d weitere.") % {"count": self.rejected_hidden})
        return "\n".join(lines)
