"""Sample files for upload tests: small, but with the bytes their type starts with."""

import io
import zipfile

from tests.knowledge.factories import PDF_BYTES

__all__ = ["DOCX_BYTES", "EXE_BYTES", "HTML_BYTES", "JPEG_BYTES", "ODT_BYTES", "PDF_BYTES",
           "PNG_BYTES", "XLSX_BYTES", "ZIP_WITHOUT_WORD"]

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00 This program cannot be run in DOS mode."
HTML_BYTES = b"<!DOCTYPE html><html><script>alert('x')</script></html>"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                  "content.xml": b"<office:document-content/>"})
ZIP_WITHOUT_WORD = _zip({"[Content_Types].xml": b"<Types/>", "notes.txt": b"hallo"})
