"""HTML templates to tagged PDF (PDF/UA-1) with WeasyPrint.

What a template gets for free: the structure tree built from its HTML elements (headings,
paragraphs, lists, tables with their header cells), the document language from
`<html lang>`, the title from `<title>`, the vendored Fira Sans embedded as subset Unicode
fonts (another installed font only for characters it lacks), a footer with the page number.
Nothing is fetched from anywhere else: a template or a user's text cannot make the
renderer read a file or open a connection.
"""

import io
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .markdown import markdown_section

FONT_DIR = "vendor/kern-ux/fonts/fira-sans"
# (weight, style, file): regular and bold text with their italics, nothing else is used.
FONT_FACES = (
    (400, "normal", "FiraSans-Regular.woff2"),
    (400, "italic", "FiraSans-Italic.woff2"),
    (700, "normal", "FiraSans-Bold.woff2"),
    (700, "italic", "FiraSans-BoldItalic.woff2"),
)
STYLESHEET = Path(__file__).with_name("pdf.css")


def _font_paths() -> dict[str, Path]:
    paths = {}
    for _weight, _style, name in FONT_FACES:
        found = finders.find(f"{FONT_DIR}/{name}")
        if not found:
            raise FileNotFoundError(f"{FONT_DIR}/{name} is missing from the static files")
        paths[name] = Path(found).resolve()
    return paths


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes and control characters escaped."""
    out = []
    for char in str(text):
        if char in '"\\' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _stylesheet(fonts: dict[str, Path], footer: str) -> str:
    faces = "".join(
        f"@font-face {{ font-family: 'Fira Sans'; font-weight: {weight}; font-style: {style};"
        f" src: url({_css_string(fonts[name].as_uri())}) format('truetype'); }}\n"
        for weight, style, name in FONT_FACES)
    page_label = _css_string(_("Seite") + " ")
    of_label = _css_string(" " + _("von") + " ")
    running = (
        f"@page {{ @bottom-left {{ content: {_css_string(footer)}; }}"
        f" @bottom-right {{ content: {page_label} counter(page) {of_label} counter(pages); }} }}")
    return faces + STYLESHEET.read_text(encoding="utf-8") + running


@lru_cache(maxsize=len(FONT_FACES))
def _truetype(path: Path, _modified: int) -> bytes:
    # WeasyPrint would unpack the WOFF2 files on every document, which took most of the
    # time of a PDF (about 0.4 s per font); unpacked once per process they stay in memory
    # (about 3 MB for the four faces). The modification time refreshes a changed file.
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    woff2.decompress(io.BytesIO(path.read_bytes()), out)
    return out.getvalue()


def _fetcher(fonts: dict[str, Path]):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = {path.as_uri(): path for path in fonts.values()}

    class FontsOnly(URLFetcher):
        """Serves the font files and refuses every other address."""

        def fetch(self, url, headers=None):
            path = allowed.get(url)
            if path is None:
                raise ValueError(f"Refused to fetch {url[:200]!r} for a PDF")
            return URLFetcherResponse(url, body=_truetype(path, path.stat().st_mtime_ns),
                                      headers={"Content-Type": "font/ttf"})

    return FontsOnly(fail_on_errors=False)


def _w3c(moment: datetime | None) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def pdf_render(template_name: str, context: dict, *, footer: str = "",
               created: datetime | None = None, modified: datetime | None = None) -> bytes:
    """Render `template_name` (extending "pdf/base.html") to a tagged PDF/UA-1 document.

    `footer` is printed at the bottom left of every page; `created` (e.g. the publication
    date) and `modified` (default: `created`) are the document's dates, so the same data
    gives the same bytes."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "pdf_language": translation.get_language(),
                   "pdf_created": _w3c(created), "pdf_modified": _w3c(modified or created)}
        html = render_to_string(template_name, context)
        fonts = _font_paths()
        fetcher = _fetcher(fonts)
        font_config = FontConfiguration()
        stylesheet = CSS(string=_stylesheet(fonts, footer), font_config=font_config,
                         url_fetcher=fetcher)
        document = HTML(string=html, url_fetcher=fetcher, base_url=None)
        return document.write_pdf(stylesheets=[stylesheet], font_config=font_config,
                                  pdf_variant="pdf/ua-1", uncompressed_pdf=False)


def pdf_markdown(source: str, *, heading_level: int) -> SafeString:
    """A Markdown text for a PDF section whose own heading is one level above
    `heading_level` (see common.markdown.markdown_section)."""
    return markdown_section(source, heading_level=heading_level)
