"""The legal pages for everyone: reachable at their German addresses and from the footer
of every page, an unfilled page says its text follows, the privacy statement links the
data-rights pages, Leichte Sprache is linked from the visitor start page, and the
Gebärdensprache page embeds an uploaded video (checked by content, served with its type
and byte ranges) or says that it follows."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from legal.enums import PAGE_URL_NAMES, PageKind
from legal.models import LegalPage
from tests.legal.helpers import MP4_BYTES, VTT, WEBM_BYTES, page_fill

pytestmark = pytest.mark.django_db

FOOTER_LINKS = {
    "Impressum": "/impressum/",
    "Datenschutz": "/datenschutz/",
    "Barrierefreiheit": "/barrierefreiheit/",
    "Leichte Sprache": "/leichte-sprache/",
    "Gebärdensprache": "/gebaerdensprache/",
}
FOOTER = re.compile(r'<nav class="site-footer__nav".*?</nav>', re.S)


def _footer(html: str) -> str:
    match = FOOTER.search(html)
    assert match, "no legal footer on the page"
    return match.group(0)


@pytest.mark.parametrize("kind", PageKind.values)
def test_page_unfilled_says_text_follows(client, kind):
    response = client.get(f"/{kind}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1 class=\"kern-heading-large\" id=\"page-title\">{PageKind(kind).label}</h1>" \
        in html
    assert "Dieser Text wird gerade erstellt und folgt in Kürze." in html
    assert not LegalPage.objects.exists()  # reading writes nothing


@pytest.mark.parametrize("kind", PageKind.values)
def test_page_filled_shows_rendered_markdown_and_date(client, coordinator, kind):
    page_fill(kind, coordinator, title="Eigene Überschrift",
              body="# Abschnitt\n\nText mit **Betonung** <script>alert(1)</script>",
              reviewed_on=__import__("datetime").date(2026, 11, 30))
    html = client.get(reverse(f"legal:{PAGE_URL_NAMES[kind]}")).content.decode()
    assert "Eigene Überschrift</h1>" in html
    assert "<strong>Betonung</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "folgt in Kürze" not in html
    expected = ("Diese Erklärung wurde zuletzt am 30. November 2026 überprüft."
                if kind == PageKind.ACCESSIBILITY else "Stand: 30. November 2026")
    assert expected in html


def test_page_unknown_kind_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/rechtliches/agb/bearbeiten/").status_code == 404


@pytest.mark.parametrize("url", ["/", "/mitglieder/", "/wissen/", "/impressum/", "/kontakt/",
                                 "/konto/login/"])
def test_footer_links_every_legal_page_and_the_contact_form(client, url):
    html = client.get(url).content.decode()
    footer = _footer(html)
    for label, href in FOOTER_LINKS.items():
        assert f'href="{href}"' in footer and f">{label}</a>" in footer
    assert ">Barriere melden / Kontakt</a>" in footer


def test_footer_contact_link_carries_the_current_page(client):
    footer = _footer(client.get("/wissen/").content.decode())
    assert 'href="/kontakt/?seite=%2Fwissen%2F"' in footer


def test_footer_contact_link_on_the_form_itself_has_no_page(client):
    footer = _footer(client.get("/kontakt/?seite=/wissen/").content.decode())
    assert 'href="/kontakt/"' in footer


def test_footer_contact_link_never_carries_a_secret_address(client):
    # An invitation link (even an unknown one) must not travel into the office's inbox.
    footer = _footer(client.get("/mitglieder/einladung/geheim123/").content.decode())
    assert 'href="/kontakt/"' in footer and "geheim123" not in footer


def test_footer_marks_the_current_page(client):
    footer = _footer(client.get("/datenschutz/").content.decode())
    assert 'href="/datenschutz/" aria-current="page"' in footer
    assert 'href="/impressum/" aria-current' not in footer


def test_landing_links_easy_and_sign_language_for_visitors(client):
    html = client.get(reverse("start")).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="/leichte-sprache/">Leichte Sprache: Das Portal einfach erklärt</a>' in main
    assert 'href="/gebaerdensprache/">Gebärdensprache: Das Portal in Deutscher ' \
           "Gebärdensprache</a>" in main


def test_privacy_links_the_data_rights_pages(client):
    html = client.get("/datenschutz/").content.decode()
    assert "Ihre Rechte auf diesem Portal selbst wahrnehmen" in html
    for name in ("profile", "my_data", "account_removal"):
        assert f'href="{reverse(name)}"' in html


def test_accessibility_and_easy_language_link_the_contact_form(client):
    for url in ("/barrierefreiheit/", "/leichte-sprache/"):
        html = client.get(url).content.decode()
        assert '<a class="kern-link" href="/kontakt/">Zum Kontaktformular</a>' in html


def test_pages_visitor_sees_no_edit_links(client, coordinator):
    page_fill(PageKind.IMPRINT, coordinator)
    html = client.get("/impressum/").content.decode()
    assert "Text bearbeiten" not in html and "Versionen" not in html
    client.force_login(coordinator)
    html = client.get("/impressum/").content.decode()
    assert 'href="/rechtliches/impressum/bearbeiten/">Text bearbeiten</a>' in html


# --- Gebärdensprache ---------------------------------------------------------------------

def _upload(client, **files):
    return client.post(reverse("legal:video_edit"), files)


def test_sign_language_without_video_says_it_follows(client):
    html = client.get("/gebaerdensprache/").content.decode()
    assert "Das Video in Deutscher Gebärdensprache folgt." in html
    assert "<video" not in html
    assert client.get("/gebaerdensprache/video/").status_code == 404
    assert client.get("/gebaerdensprache/untertitel.vtt").status_code == 404


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("dgs.mp4", MP4_BYTES, "video/mp4"), ("dgs.webm", WEBM_BYTES, "video/webm")])
def test_video_upload_checked_by_content_and_embedded(client, coordinator, name, content,
                                                       content_type):
    client.force_login(coordinator)
    response = _upload(client, video=SimpleUploadedFile(name, content),
                       captions=SimpleUploadedFile("dgs.vtt", VTT))
    assert response.status_code == 302
    page = LegalPage.objects.get(kind=PageKind.SIGN_LANGUAGE)
    assert page.video_type == content_type

    client.logout()
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<video class=\"sign-video\" controls" in html
    assert f'type="{content_type}"' in html
    assert '<track kind="captions" src="/gebaerdensprache/untertitel.vtt?v=' in html
    assert 'srclang="de"' in html
    assert "folgt." not in html

    video = client.get("/gebaerdensprache/video/")
    assert video.status_code == 200
    assert video["Content-Type"] == content_type
    assert video["X-Content-Type-Options"] == "nosniff"
    assert video["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(video.streaming_content) == content
    captions = client.get("/gebaerdensprache/untertitel.vtt")
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(captions.streaming_content) == VTT


def test_video_served_in_byte_ranges(client, coordinator):
    client.force_login(coordinator)
    _upload(client, video=SimpleUploadedFile("dgs.mp4", MP4_BYTES))
    part = client.get("/gebaerdensprache/video/", HTTP_RANGE="bytes=4-11")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 4-11/{len(MP4_BYTES)}"
    assert b"".join(part.streaming_content) == b"ftypisom"
    outside = client.get("/gebaerdensprache/video/", HTTP_RANGE=f"bytes={len(MP4_BYTES)}-")
    assert outside.status_code == 416


@pytest.mark.parametrize(("name", "content", "error"), [
    ("dgs.mp4", b"%PDF-1.7 not a video" + b"\x00" * 100,
     "Der Inhalt der Datei ist kein Video im Format MP4. Erlaubt sind MP4 und WebM."),
    ("dgs.webm", MP4_BYTES,
     "Der Inhalt der Datei ist kein Video im Format WebM. Erlaubt sind MP4 und WebM."),
    ("dgs.avi", MP4_BYTES, "Bitte laden Sie ein Video im Format MP4 oder WebM hoch"),
])
def test_video_upload_refuses_other_content(client, coordinator, name, content, error):
    client.force_login(coordinator)
    response = _upload(client, video=SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not LegalPage.objects.filter(kind=PageKind.SIGN_LANGUAGE).exclude(video="").exists()


def test_captions_must_be_webvtt(client, coordinator):
    client.force_login(coordinator)
    response = _upload(client, video=SimpleUploadedFile("dgs.mp4", MP4_BYTES),
                       captions=SimpleUploadedFile("dgs.vtt", b"1\n00:00:00,000 --> x\n"))
    assert "Die Datei ist keine WebVTT-Untertiteldatei" in response.content.decode()


def test_video_too_large_refused(client, coordinator, settings):
    settings.SIGN_LANGUAGE_VIDEO_MAX_MB = 0
    client.force_login(coordinator)
    response = _upload(client, video=SimpleUploadedFile("dgs.mp4", MP4_BYTES))
    assert "Das Video ist größer als 0 MB." in response.content.decode()


def test_video_remove_says_it_follows_again(client, coordinator):
    client.force_login(coordinator)
    _upload(client, video=SimpleUploadedFile("dgs.mp4", MP4_BYTES))
    response = client.post(reverse("legal:video_remove"))
    assert response.status_code == 302
    page = LegalPage.objects.get(kind=PageKind.SIGN_LANGUAGE)
    assert not page.video and page.video_type == ""
    assert "Das Video in Deutscher Gebärdensprache folgt." in \
        client.get("/gebaerdensprache/").content.decode()
