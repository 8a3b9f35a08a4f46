"""Upload rules of the base (common.uploads): type by content, size from the settings."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from common.uploads import DOCUMENT_HELP, validate_document
from tests.common.files import (
    DOCX_BYTES,
    EXE_BYTES,
    HTML_BYTES,
    JPEG_BYTES,
    ODT_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    XLSX_BYTES,
    ZIP_WITHOUT_WORD,
)


def _upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(("name", "content"), [
    ("plan.pdf", PDF_BYTES), ("foto.png", PNG_BYTES), ("foto.JPG", JPEG_BYTES),
    ("foto.jpeg", JPEG_BYTES), ("vorlage.docx", DOCX_BYTES), ("liste.xlsx", XLSX_BYTES),
    ("text.odt", ODT_BYTES), ("daten.csv", "Name;Ort\nMüller;Mayen\n".encode()),
    ("notiz.md", "# Überschrift\n".encode()), ("liesmich.txt", b"\xef\xbb\xbfHallo"),
])
def test_validate_document_accepts_allowed_types_by_content(name, content):
    validate_document(_upload(name, content))  # does not raise


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("plan.pdf", PNG_BYTES, "Die Datei endet auf „.pdf“, ihr Inhalt hat aber nicht das "
                            "Format PDF."),
    ("setup.pdf", EXE_BYTES, "ihr Inhalt hat aber nicht das Format PDF."),
    ("vorlage.docx", ZIP_WITHOUT_WORD, "nicht das Format Word (DOCX)."),
    ("vorlage.docx", b"PK\x03\x04 broken zip", "nicht das Format Word (DOCX)."),
    ("vorlage.docx", EXE_BYTES + DOCX_BYTES, "nicht das Format Word (DOCX)."),
    ("liste.xlsx", DOCX_BYTES, "nicht das Format Excel (XLSX)."),
    ("tabelle.ods", ODT_BYTES, "nicht das Format OpenDocument-Tabelle (ODS)."),
    ("seite.png", HTML_BYTES, "nicht das Format PNG."),
    ("daten.csv", b"Name\x00Ort", "nicht das Format Text (UTF-8)."),
    ("daten.txt", "Müller".encode("latin-1"), "nicht das Format Text (UTF-8)."),
])
def test_validate_document_refuses_content_that_does_not_match_the_extension(
        name, content, expected):
    with pytest.raises(Exception) as refused:
        validate_document(_upload(name, content))

    message = refused.value.messages[0]
    assert message.startswith("Dieser Dateityp ist nicht erlaubt: ")
    assert expected in message
    assert message.endswith("Erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument, PNG, "
                            "JPEG und Text (TXT, CSV, Markdown).")


@pytest.mark.parametrize("name", ["seite.html", "programm.exe", "ohne-endung", "bild.svg"])
def test_validate_document_refuses_unlisted_extensions(name):
    with pytest.raises(Exception) as refused:
        validate_document(_upload(name, PDF_BYTES))

    assert refused.value.messages == [
        "Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, Word, Excel, PowerPoint, "
        "OpenDocument, PNG, JPEG und Text (TXT, CSV, Markdown)."]


def test_validate_document_size_limit_comes_from_settings(settings):
    settings.DOCUMENT_MAX_MB = 1
    validate_document(_upload("genau.pdf", PDF_BYTES.ljust(1024 * 1024, b" ")))

    with pytest.raises(Exception) as refused:
        validate_document(_upload("gross.pdf", PDF_BYTES.ljust(1024 * 1024 + 1, b" ")))

    assert refused.value.messages == ["Die Datei ist größer als 1 MB."]
    assert str(DOCUMENT_HELP).endswith("höchstens 1 MB.")


def test_document_help_shows_the_default_limit():
    assert str(DOCUMENT_HELP) == ("Erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument, "
                                  "PNG, JPEG und Text (TXT, CSV, Markdown); höchstens 10 MB.")
