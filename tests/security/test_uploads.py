"""Uploads: no office file that unpacks to gigabytes, no image served as another type.

The bomb sweep finds every upload form of the portal by walking it as the coordinator and
posts a ZIP bomb in every office format the form offers; each must be refused in German
and nothing saved. Logos are typed by their content wherever they come from.
"""

import io
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from common.uploads import OFFICE_MAX_UNPACKED_BYTES, validate_document
from tests.security.crawler import crawl, fetch, flat, form_data, project_routes

OFFICE_PARTS = {
    ".docx": {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
    ".xlsx": {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
    ".pptx": {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"},
    ".odt": {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
    ".ods": {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
             "content.xml": b"<x/>"},
    ".odp": {"mimetype": b"application/vnd.oasis.opendocument.presentation",
             "content.xml": b"<x/>"},
}
REFUSED = ("entpackt", "ungewöhnlich stark komprimiert")


def _office(extension: str, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {**OFFICE_PARTS[extension], **(extra or {})}.items():
            archive.writestr(name, content, compresslevel=9)
    return buffer.getvalue()


def _ratio_bomb(extension: str) -> bytes:
    """One part of 20 MB of zeros: a few kilobytes packed."""
    return _office(extension, {"media/part.bin": bytes(20 * 1024 * 1024)})


def _size_bomb(extension: str) -> bytes:
    """Many parts, each small and plausibly packed on its own, over the limit together."""
    part = bytes(1024 * 1024)
    count = OFFICE_MAX_UNPACKED_BYTES // len(part) + 2
    return _office(extension, {f"media/part{index}.bin": part for index in range(count)})


@pytest.fixture(scope="module")
def bombs():
    return {extension: {"ratio": _ratio_bomb(extension), "size": _size_bomb(extension)}
            for extension in OFFICE_PARTS}


@pytest.mark.parametrize("extension", OFFICE_PARTS)
@pytest.mark.parametrize("kind", ["ratio", "size"])
def test_office_bomb_refused_in_german_without_unpacking(bombs, extension, kind):
    content = bombs[extension][kind]
    assert len(content) < 1024 * 1024  # small on the wire, that is the point

    with pytest.raises(ValidationError) as refused:
        validate_document(SimpleUploadedFile("vorlage" + extension, content))

    assert any(word in refused.value.messages[0] for word in REFUSED)


@pytest.mark.parametrize("extension", OFFICE_PARTS)
def test_ordinary_office_file_accepted(extension):
    # A real document has well-compressible XML parts too: 2 MB of text packing ~ 20 : 1.
    text = b"".join(b"<w:p>Absatz %d mit etwas Text</w:p>" % n for n in range(60_000))
    validate_document(SimpleUploadedFile("vorlage" + extension,
                                         _office(extension, {"content2.xml": text})))


def _upload_forms(network, client):
    starts = (*network.seed_urls(), *("/" + route for route, _name, _view in project_routes()
                                      if "<" not in route and "(" not in route))
    forms = {}
    for page in crawl(client, start=starts, per_route=1).values():
        for form in page.forms:
            files = [spec for spec in form.fields if spec.kind == "file"]
            if form.method == "post" and files:
                forms[page.route] = (page.url, form, files)
    return forms


def test_every_upload_form_refuses_office_bombs(network, bombs, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = network.client("coordinator", raise_request_exception=False)
    forms = _upload_forms(network, client)
    assert len(forms) >= 4  # documents of articles, meetings, projects; the status import

    swept = 0
    for route, (url, _form, files) in forms.items():
        for spec in files:
            for extension in _offered_office_types(client, url, spec.name):
                form = _fresh_form(client, url, route, spec.name)
                data = flat(form_data(form))
                data[spec.name] = SimpleUploadedFile("bombe" + extension,
                                                     bombs[extension]["ratio"])
                response = client.post(form.action, data)
                html = response.content.decode()
                assert response.status_code in (200, 400), (route, extension)
                assert any(word in html for word in REFUSED), (route, extension)
                swept += 1
    assert swept >= 6
    saved = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert saved == []


def _offered_office_types(client, url, field_name) -> list[str]:
    """The office types the file input offers (all of them if it names none)."""
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    accept = (soup.find("input", attrs={"name": field_name}) or {}).get("accept", "")
    if accept and "image/" in accept and "." not in accept:
        return []  # an image field: logos are checked below
    return [ext for ext in OFFICE_PARTS if not accept or ext in accept]


def _fresh_form(client, url, route, field_name):
    """The form as rendered now (a one-time token is used up by each post)."""
    for form in fetch(client, url).forms:
        if field_name in form.field_names() and form.method == "post":
            return form
    raise AssertionError(f"upload form gone from {route}")


def test_status_import_refuses_an_xlsx_bomb_before_loading(client, coordinator, bombs):
    client.force_login(coordinator)

    response = client.post(reverse("projects:import"), {
        "file": SimpleUploadedFile("sachstaende.xlsx", bombs[".xlsx"]["size"])})

    assert response.status_code == 400
    assert "erlaubt sind höchstens 100 MB entpackt" in response.content.decode()


# Logos -------------------------------------------------------------------------------------

def _image(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, image_format)
    return buffer.getvalue()


def test_logo_named_as_another_type_is_refused(client, editor, administration):
    client.force_login(editor)

    response = client.post(reverse("members:edit", args=[administration.slug]), {
        "short_name": "MYK", "seat": "Koblenz",
        "logo": SimpleUploadedFile("logo.pdf", _image("PNG"), content_type="application/pdf")})

    assert "Die Dateiendung „.pdf“ passt nicht zum Inhalt: Das Bild ist ein PNG." in (
        response.content.decode())
    administration.refresh_from_db()
    assert not administration.logo


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("alt.pdf", _image("PNG"), "image/png"),
    ("alt.png", _image("JPEG"), "image/jpeg"),
    ("alt.gif", _image("GIF"), "image/gif"),
    ("alt.txt", _image("WEBP"), "image/webp"),
])
def test_logo_served_with_the_type_of_its_content(client, settings, tmp_path, name, content,
                                                   content_type):
    settings.MEDIA_ROOT = tmp_path / "media"
    logos = Path(settings.MEDIA_ROOT) / "logos"
    logos.mkdir(parents=True)
    (logos / name).write_bytes(content)

    response = client.get(f"/media/logos/{name}")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Disposition" not in response
    assert b"".join(response.streaming_content) == content


@pytest.mark.parametrize(("name", "content"), [
    ("seite.html", b"<!DOCTYPE html><script>alert(1)</script>"),
    ("bild.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ("logo.png", b"%PDF-1.7 not an image"),
    ("archiv.png.gz", b"\x1f\x8b\x08\x00 compressed"),
])
def test_logo_that_is_no_image_is_never_shown_inline(client, settings, tmp_path, name,
                                                     content):
    settings.MEDIA_ROOT = tmp_path / "media"
    logos = Path(settings.MEDIA_ROOT) / "logos"
    logos.mkdir(parents=True)
    (logos / name).write_bytes(content)

    response = client.get(f"/media/logos/{name}")

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response
    assert "sandbox" in response["Content-Security-Policy"]
