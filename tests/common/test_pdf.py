import socket
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from common.pdf import FONT_FACES, _truetype, pdf_markdown, pdf_render
from tests.pdf_inspect import assert_tagged_pdf_ua


@pytest.fixture
def template_dir(settings, tmp_path):
    """A folder for test templates, searched before the project's templates."""
    folder = tmp_path / "templates"
    folder.mkdir()
    engine = {**settings.TEMPLATES[0]}
    engine["DIRS"] = [folder, *engine["DIRS"]]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    return folder


def write(folder, name: str, body: str) -> str:
    (folder / name).write_text(
        '{% extends "pdf/base.html" %}{% block title %}Prüfbericht{% endblock %}'
        "{% block content %}" + body + "{% endblock %}", encoding="utf-8")
    return name


def test_pdf_render_tagged_german_document(template_dir):
    name = write(template_dir, "doc.html", "<h1>Prüfbericht</h1><p>Größe: <em>groß</em></p>")
    created = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))

    content = pdf_render(name, {}, footer='Bericht „A“ "B" \\ C', created=created)

    pdf = assert_tagged_pdf_ua(content, "Prüfbericht")
    assert pdf.tags()[:3] == ["Document", "H1", "Span"]
    assert "Größe: groß" in pdf.text
    # The footer keeps quotes and backslashes as typed; the page number counts.
    assert 'Bericht „A“ "B" \\ C' in pdf.text
    assert "Seite 1 von 1" in pdf.text
    assert pdf.reader.metadata.creation_date == created
    assert pdf_render(name, {}, footer="x", created=created) == pdf_render(
        name, {}, footer="x", created=created)


def test_pdf_render_fetches_nothing_but_its_fonts(template_dir, tmp_path):
    image = tmp_path / "geheim.png"
    Image.new("RGB", (9, 9), "red").save(image)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    name = write(template_dir, "fetch.html", (
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">'
        f'<h1>Bild</h1><img src="{image.as_uri()}" alt="Bild">'
        f'<img src="http://127.0.0.1:{port}/bild.png" alt="Bild">'
        f'<object data="{image.as_uri()}"></object><p>Text</p>'))

    try:
        pdf = assert_tagged_pdf_ua(pdf_render(name, {}), "Prüfbericht")
        with pytest.raises(BlockingIOError):
            listener.accept()
    finally:
        listener.close()

    # The images were not loaded: their alternative text stands in.
    assert "BildBild" in pdf.text
    assert "Text" in pdf.text
    for page in pdf.reader.pages:
        assert page["/Resources"]["/XObject"] == {}


def test_pdf_render_unpacks_the_fonts_once(template_dir):
    # Unpacking the four WOFF2 files took more than half of the time of a short PDF.
    name = write(template_dir, "kurz.html", "<h1>Prüfbericht</h1><p>Kurz.</p>")
    _truetype.cache_clear()

    first, second = pdf_render(name, {}), pdf_render(name, {})

    assert _truetype.cache_info().misses == len(FONT_FACES)
    assert _truetype.cache_info().hits == len(FONT_FACES)
    assert first == second


def test_pdf_markdown_headings_nest_below_the_section():
    html = pdf_markdown("# Ausblick\n\n### Details\n\n## Weiteres\n\n# Ende", heading_level=4)

    assert html == ("<h4>Ausblick</h4>\n<h5>Details</h5>\n<h5>Weiteres</h5>\n"
                    "<h4>Ende</h4>\n")


def test_pdf_markdown_deepest_heading_is_h6():
    html = pdf_markdown("## Eins\n\n### Zwei\n\n#### Drei", heading_level=5)

    assert html == "<h5>Eins</h5>\n<h6>Zwei</h6>\n<h6>Drei</h6>\n"


def test_pdf_markdown_line_breaks_and_lists():
    html = pdf_markdown("Zeile eins\nZeile zwei\n\n- *a*\n- **b**", heading_level=3)

    assert html == ("<p>Zeile eins<br>\nZeile zwei</p>\n"
                    "<ul>\n<li><em>a</em></li>\n<li><strong>b</strong></li>\n</ul>\n")


def test_pdf_markdown_sanitized():
    html = pdf_markdown('<b onclick="x">fett</b> [a](javascript:alert(1))', heading_level=3)

    # Raw HTML stays text, a script address is no link.
    assert html == ('<p>&lt;b onclick="x"&gt;fett&lt;/b&gt; [a](javascript:alert(1))</p>\n')
