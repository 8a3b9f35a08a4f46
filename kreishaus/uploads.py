"""Upload rules shared by meeting and project documents: size and type by content."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# File signatures of the accepted types: PDF, office formats (zip containers), PNG, JPEG.
DOCUMENT_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff")
DOCUMENT_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".png",
                       ".jpg", ".jpeg"}
DOCUMENT_HELP = _("PDF, Word, Excel, PowerPoint, OpenDocument, PNG oder JPEG; höchstens 10 MB.")


def validate_document(upload) -> None:
    """Refuse files over 10 MB and files whose name or first bytes are not an allowed type."""
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError(_("Die Datei ist größer als 10 MB."))
    name = upload.name.lower()
    head = upload.read(8)
    upload.seek(0)
    extension = name[name.rfind("."):] if "." in name else ""
    if extension not in DOCUMENT_EXTENSIONS or not head.startswith(DOCUMENT_SIGNATURES):
        raise ValidationError(_("Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, Word, "
                                "Excel, PowerPoint, OpenDocument, PNG und JPEG."))
