"""Article bodies are rendered from Markdown and sanitized: no script, event handler or
dangerous link target survives, on the article page as well as in the editor's preview."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from common.markdown import markdown_render
from knowledge.enums import Visibility
from tests.knowledge.factories import article_make

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = {
    "script": "<script>alert('xss')</script>",
    "script_split": "<scr<script>ipt>alert('xss')</script>",
    "img_onerror": "<img src=x onerror=alert('xss')>",
    "svg_onload": "<svg onload=alert('xss')><circle r=5 /></svg>",
    "svg_script": "<svg><script>alert('xss')</script></svg>",
    "md_link_javascript": "[Klick mich](javascript:alert('xss'))",
    "md_link_javascript_upper": "[Klick mich](JAVASCRIPT:alert('xss'))",
    "md_link_javascript_mixed": "[Klick mich](JaVaScRiPt:alert('xss'))",
    "md_link_vbscript": "[Klick mich](vbscript:msgbox('xss'))",
    "md_link_data_html": "[Klick mich](data:text/html;base64,"
                         "PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=)",
    "md_image_data": "![Bild](data:image/svg+xml;base64,"
                     "PHN2ZyBvbmxvYWQ9YWxlcnQoJ3hzcycpPjwvc3ZnPg==)",
    "md_image_javascript": "![Bild](javascript:alert('xss'))",
    "html_a_javascript": "<a href=\"javascript:alert('xss')\">Klick mich</a>",
    "iframe": "<iframe src=\"https://evil.example/\"></iframe>",
    "iframe_srcdoc": "<iframe srcdoc=\"<script>alert('xss')</script>\"></iframe>",
    "style_attribute": "<p style=\"background:url(javascript:alert('xss'))\">Text</p>",
    "style_element": "<style>body { display: none }</style>",
    "onclick_attribute": "<div onclick=\"alert('xss')\">Text</div>",
    "entity_tab_javascript": "[Klick mich](jav&#x09;ascript:alert('xss'))",
    "entity_colon_javascript": "[Klick mich](javascript&colon;alert('xss'))",
    "entity_encoded_javascript": "[Klick mich](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;"
                                 "&#112;&#116;&#58;alert('xss'))",
    "html_entity_href": "<a href=\"&#106;avascript:alert('xss')\">Klick mich</a>",
    "autolink_javascript": "<javascript:alert('xss')>",
    "reference_link_javascript": "[Klick mich][x]\n\n[x]: javascript:alert('xss')",
    "object_embed": "<object data=\"javascript:alert('xss')\"></object><embed src=x>",
    "form_action": "<form action=\"javascript:alert('xss')\"><button>Los</button></form>",
    "meta_refresh": "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss')\">",
    "math_href": "<math><mi xlink:href=\"javascript:alert('xss')\">x</mi></math>",
    "link_title_breakout": "[Klick mich](https://example.org "
                           "\"\\\" onmouseover=\\\"alert('xss')\")",
    "table_cell_script": "| A | B |\n| --- | --- |\n| <script>alert('xss')</script> | "
                         "<img src=x onerror=alert('xss')> |",
}

SAFE_TAGS = {"a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
             "hr", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead",
             "tr", "ul"}
SAFE_SCHEMES = {"https", "http", "mailto"}
# How a browser finds a URL's scheme (WHATWG URL): tabs and newlines are dropped first,
# then letters, digits, "+", "-" and "." up to a colon; anything else makes it relative.
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
C0_AND_SPACE = "".join(map(chr, range(0x21)))


class _Elements(HTMLParser):
    """The real elements of a piece of HTML (escaped text such as "&lt;script&gt;" is text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _assert_harmless(html: str) -> None:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.elements:
        assert tag in SAFE_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name in {"href", "title", "rel", "start"}, (tag, name)
            if name == "href":
                # The parser has decoded entities already, as a browser would.
                target = re.sub(r"[\t\n\r]", "", value or "").strip(C0_AND_SPACE).lower()
                scheme = SCHEME.match(target)
                assert scheme is None or scheme.group(1) in SAFE_SCHEMES, value
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered


def _rendered_body(page: str) -> str:
    return page.split('<div class="markdown-body">', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("payload", list(XSS_PAYLOADS.values()), ids=list(XSS_PAYLOADS))
def test_markdown_render_removes_payload(payload):
    _assert_harmless(str(markdown_render(f"Vorher\n\n{payload}\n\nNachher")))


@pytest.mark.parametrize("payload", list(XSS_PAYLOADS.values()), ids=list(XSS_PAYLOADS))
def test_article_page_shows_no_payload(client, reader, payload):
    article = article_make(author=reader, title="Gefährlicher Text",
                           body=f"Vorher\n\n{payload}\n\nNachher", visibility=Visibility.PUBLIC)

    response = client.get(reverse("knowledge:article_detail", args=[article.slug]))

    assert response.status_code == 200
    body = _rendered_body(response.content.decode())
    assert "Vorher" in body and "Nachher" in body
    _assert_harmless(body)


def test_editor_preview_shows_no_payload(client, reader):
    client.force_login(reader)
    body = "\n\n".join(XSS_PAYLOADS.values())

    response = client.post(reverse("knowledge:article_create"),
                           {"title": "Test", "summary": "Kurz", "body": body, "preview": "1"})

    page = response.content.decode()
    preview = (page.split('id="vorschau"', 1)[1].split('<div class="markdown-body">', 1)[1]
               .split("</section>", 1)[0])
    _assert_harmless(preview)


def test_tables_links_and_emphasis_render(client, reader):
    body = ("# Ablauf\n\n## Vorbereitung\n\nSiehe **Leitfaden** auf "
            "[der Seite des Landes](https://example.org/leitfaden) oder schreiben Sie an "
            "<digital@example.org>.\n\n"
            "| Schritt | Zuständig |\n| --- | --- |\n"
            "| Scannen | Poststelle |\n| Prüfen | Fachamt |\n")
    article = article_make(author=reader, body=body, visibility=Visibility.PUBLIC)

    page = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()

    body_html = _rendered_body(page)
    assert "<h2>Ablauf</h2>" in body_html and "<h3>Vorbereitung</h3>" in body_html
    assert "<strong>Leitfaden</strong>" in body_html
    assert ('<a href="https://example.org/leitfaden" rel="noopener noreferrer nofollow">'
            "der Seite des Landes</a>") in body_html
    assert 'href="mailto:digital@example.org"' in body_html
    assert "<table>" in body_html
    assert "<th>Schritt</th>" in body_html and "<th>Zuständig</th>" in body_html
    assert "<td>Scannen</td>" in body_html and "<td>Fachamt</td>" in body_html
    assert page.count("<h1") == 1


def test_raw_html_is_shown_as_text_not_markup(client, reader):
    article = article_make(author=reader, body="Ein <b>fetter</b> Versuch.",
                           visibility=Visibility.PUBLIC)

    page = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()

    assert "Ein &lt;b&gt;fetter&lt;/b&gt; Versuch." in _rendered_body(page)
