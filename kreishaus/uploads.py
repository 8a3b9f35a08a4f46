"""Upload rules for documents (knowledge base, meetings, projects): size and type by content.

The extension decides which type a file claims to be; the bytes must then prove it. A PDF
starts with "%PDF-", an office file is a ZIP container whose members name the format, a
text file decodes as UTF-8. So an .exe or an HTML page renamed to .pdf is refused.
"""

import codecs
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ZIP_SIGNATURE = b"PK\x03\x04"
ALLOWED_TYPES_TEXT = _("PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG und Text "
                       "(TXT, CSV, Markdown)")


@dataclass(frozen=True)
class FileKind:
    label: str  # shown in messages: "… hat aber nicht das Format {label}"
    signature: bytes = b""
    zip_member: str = ""  # OOXML: a part every file of the format has
    odf_mimetype: str = ""  # OpenDocument: the content of the "mimetype" entry
    text: bool = False


_ODF = "application/vnd.oasis.opendocument."
DOCUMENT_KINDS: dict[str, FileKind] = {
    ".pdf": FileKind("PDF", signature=b"%PDF-"),
    ".png": FileKind("PNG", signature=b"\x89PNG\r\n\x1a\n"),
    ".jpg": FileKind("JPEG", signature=b"\xff\xd8\xff"),
    ".jpeg": FileKind("JPEG", signature=b"\xff\xd8\xff"),
    ".docx": FileKind("Word (DOCX)", zip_member="word/document.xml"),
    ".xlsx": FileKind("Excel (XLSX)", zip_member="xl/workbook.xml"),
    ".pptx": FileKind("PowerPoint (PPTX)", zip_member="ppt/presentation.xml"),
    ".odt": FileKind(_("OpenDocument-Text (ODT)"), odf_mimetype=_ODF + "text"),
    ".ods": FileKind(_("OpenDocument-Tabelle (ODS)"), odf_mimetype=_ODF + "spreadsheet"),
    ".odp": FileKind(_("OpenDocument-Präsentation (ODP)"), odf_mimetype=_ODF + "presentation"),
    ".txt": FileKind(_("Text (UTF-8)"), text=True),
    ".csv": FileKind(_("Text (UTF-8)"), text=True),
    ".md": FileKind(_("Text (UTF-8)"), text=True),
}
DOCUMENT_EXTENSIONS = frozenset(DOCUMENT_KINDS)
# For <input accept>: a hint to the browser's file picker, never a check.
DOCUMENT_ACCEPT = ",".join(sorted(DOCUMENT_EXTENSIONS))


def document_max_mb() -> int:
    return settings.DOCUMENT_MAX_MB


def _document_help() -> str:
    return gettext("Erlaubt sind %(types)s; höchstens %(limit)s MB.") % {
        "types": ALLOWED_TYPES_TEXT, "limit": document_max_mb()}


# Lazy, so that help texts built at import time show the limit configured when rendered.
DOCUMENT_HELP = lazy(_document_help, str)()


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower()


def _zip_matches(upload, kind: FileKind) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if kind.zip_member:
                return kind.zip_member in names and "[Content_Types].xml" in names
            if "mimetype" not in names:
                return False
            with archive.open("mimetype") as entry:
                return entry.read(100).strip() == kind.odf_mimetype.encode("ascii")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False


def _is_utf8_text(upload) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _content_matches(upload, kind: FileKind) -> bool:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        if kind.signature:
            return head.startswith(kind.signature)
        if kind.text:
            return _is_utf8_text(upload)
        # An office file is a ZIP from its first byte; a ZIP appended to a program is not.
        return head.startswith(ZIP_SIGNATURE) and _zip_matches(upload, kind)
    finally:
        upload.seek(0)


def validate_document(upload) -> None:
    """Refuse files over DOCUMENT_MAX_MB and files whose content is not the type the
    extension claims; the messages name the limit and the allowed types."""
    limit = document_max_mb()
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(
            gettext("Die Datei ist größer als %(limit)s MB.") % {"limit": limit},
            code="file_too_large")
    extension = extension_of(upload.name or "")
    kind = DOCUMENT_KINDS.get(extension)
    if kind is None:
        raise ValidationError(
            gettext("Dieser Dateityp ist nicht erlaubt. Erlaubt sind %(types)s.")
            % {"types": ALLOWED_TYPES_TEXT}, code="file_type")
    if not _content_matches(upload, kind):
        raise ValidationError(
            gettext("Dieser Dateityp ist nicht erlaubt: Die Datei endet auf „%(extension)s“, "
                    "ihr Inhalt hat aber nicht das Format %(format)s. Erlaubt sind %(types)s.")
            % {"extension": extension, "format": kind.label, "types": ALLOWED_TYPES_TEXT},
            code="file_content")
