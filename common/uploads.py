"""Upload rules for documents (knowledge base, meetings, projects): size and type by content.

The extension decides which type a file claims to be; the bytes must then prove it. A PDF
starts with "%PDF-", an office file is a ZIP container whose members name the format, a
text file decodes as UTF-8. So an .exe or an HTML page renamed to .pdf is refused.

Office files are ZIP archives. One that unpacks to far more than it weighs (a "ZIP bomb":
a few hundred kilobytes that become gigabytes) is refused from the sizes its directory
declares, before anything is unpacked; Python's zipfile never unpacks more than an entry
declares, so these sizes bound what our own readers (openpyxl) unpack later.
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
# Office archives: at most this much unpacked, this many entries, and no entry above
# RATIO_FLOOR bytes packed more tightly than MAX_RATIO : 1 (text XML reaches 10–30 : 1).
OFFICE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
OFFICE_MAX_ENTRIES = 10_000
OFFICE_MAX_RATIO = 100
OFFICE_RATIO_FLOOR = 1024 * 1024
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


class ArchiveRefused(ValidationError):
    """An office file that would unpack to too much (a ZIP bomb) or cannot be opened."""


def check_office_archive(file) -> None:
    """Refuse a ZIP-based office file whose declared unpacked size, entry count or
    compression ratio exceeds the limits above, without unpacking anything. `file` is a
    seekable binary file (an upload or a BytesIO); its position is restored."""
    position = file.tell()
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ArchiveRefused(gettext("Die Datei ist beschädigt oder kein gültiges "
                                     "Office-Dokument."), code="archive_broken") from error
    finally:
        file.seek(position)
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > OFFICE_MAX_ENTRIES or unpacked > OFFICE_MAX_UNPACKED_BYTES:
        raise ArchiveRefused(
            gettext("Die Datei ist entpackt %(size)s MB groß; erlaubt sind höchstens "
                    "%(limit)s MB entpackt. Bitte teilen Sie sie in kleinere Dateien auf.")
            % {"size": f"{unpacked / 1024 / 1024:,.0f}".replace(",", "."),
               "limit": OFFICE_MAX_UNPACKED_BYTES // 1024 // 1024},
            code="archive_too_large")
    for entry in entries:
        if (entry.file_size > OFFICE_RATIO_FLOOR
                and entry.file_size > OFFICE_MAX_RATIO * max(entry.compress_size, 1)):
            raise ArchiveRefused(
                gettext("Die Datei ist ungewöhnlich stark komprimiert (über %(ratio)s : 1) "
                        "und wird deshalb nicht angenommen. Bitte speichern Sie sie neu, "
                        "z. B. aus Ihrem Office-Programm.") % {"ratio": OFFICE_MAX_RATIO},
                code="archive_ratio")


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
    if kind.zip_member or kind.odf_mimetype:
        upload.seek(0)
        try:
            check_office_archive(upload)
        except ArchiveRefused as refused:
            if refused.code != "archive_broken":  # a broken file fails the type check below
                raise
        upload.seek(0)
    if not _content_matches(upload, kind):
        raise ValidationError(
            gettext("Dieser Dateityp ist nicht erlaubt: Die Datei endet auf „%(extension)s“, "
                    "ihr Inhalt hat aber nicht das Format %(format)s. Erlaubt sind %(types)s.")
            % {"extension": extension, "format": kind.label, "types": ALLOWED_TYPES_TEXT},
            code="file_content")


# Images ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImageType:
    content_type: str
    extensions: tuple[str, ...]


# The image types a browser may show inline, by the name Pillow gives their format.
IMAGE_TYPES: dict[str, ImageType] = {
    "PNG": ImageType("image/png", (".png",)),
    "JPEG": ImageType("image/jpeg", (".jpg", ".jpeg")),
    "GIF": ImageType("image/gif", (".gif",)),
    "WEBP": ImageType("image/webp", (".webp",)),
}


def image_format_of(head: bytes) -> str | None:
    """The format of an image by its first 12 bytes (what a browser goes by), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def validate_image_extension(name: str, image_format: str) -> None:
    """The file name must say what the content is: a PNG named logo.pdf is refused, so that
    no program (or server) treats it as another type by its name."""
    image_type = IMAGE_TYPES.get(image_format)
    extension = extension_of(name or "")
    if image_type is not None and extension not in image_type.extensions:
        raise ValidationError(
            gettext("Die Dateiendung „%(extension)s“ passt nicht zum Inhalt: Das Bild ist ein "
                    "%(format)s. Bitte benennen Sie die Datei auf „%(expected)s“ um.")
            % {"extension": extension or "–", "format": image_format,
               "expected": image_type.extensions[0]},
            code="image_extension")
