"""The sign language video: checked by content on upload (MP4 or WebM, captions WebVTT)
and served by the portal with its type and byte ranges, which browsers need to seek.

Media files are not served as such (only logos are); the video and its captions have
their own views, so their type comes from what the upload proved to be, never from a name.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from common.uploads import extension_of

MP4, WEBM = "video/mp4", "video/webm"
VIDEO_EXTENSIONS = {".mp4": MP4, ".m4v": MP4, ".webm": WEBM}
VIDEO_ACCEPT = ".mp4,.m4v,.webm"
CAPTIONS_CONTENT_TYPE = "text/vtt; charset=utf-8"
CAPTIONS_MAX_BYTES = 1024 * 1024
# ISO base media files that browsers play as MP4 (QuickTime "qt  " and the image and
# audio brands are not among them).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1",
              b"dash", b"M4V ", b"mmp4", b"MSNV"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
WEBM_DOCTYPE = b"\x42\x82\x84webm"  # EBML DocType element, 4 bytes long: "webm"
CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def video_max_mb() -> int:
    return settings.SIGN_LANGUAGE_VIDEO_MAX_MB


def video_type_of(head: bytes) -> str | None:
    """MP4 or WebM by the first bytes of the file, else None."""
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return MP4
    if head.startswith(EBML_MAGIC) and WEBM_DOCTYPE in head[:64]:
        return WEBM
    return None


def validate_video(upload) -> str:
    """The upload's content type (MP4 or WebM); refuses other content, a name that claims
    another type, and files over SIGN_LANGUAGE_VIDEO_MAX_MB."""
    limit = video_max_mb()
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(_("Das Video ist größer als %(limit)s MB.") % {"limit": limit},
                              code="file_too_large")
    claimed = VIDEO_EXTENSIONS.get(extension_of(upload.name or ""))
    if claimed is None:
        raise ValidationError(_("Bitte laden Sie ein Video im Format MP4 oder WebM hoch "
                                "(Dateiendung .mp4, .m4v oder .webm)."), code="file_type")
    upload.seek(0)
    actual = video_type_of(upload.read(64))
    upload.seek(0)
    if actual != claimed:
        raise ValidationError(_("Der Inhalt der Datei ist kein Video im Format %(format)s. "
                                "Erlaubt sind MP4 und WebM.")
                              % {"format": "MP4" if claimed == MP4 else "WebM"},
                              code="file_content")
    return actual


def validate_captions(upload) -> None:
    """WebVTT: a UTF-8 text file of at most 1 MB whose first line starts with WEBVTT."""
    if extension_of(upload.name or "") != ".vtt":
        raise ValidationError(_("Untertitel bitte als WebVTT-Datei (Endung .vtt) hochladen."),
                              code="file_type")
    if upload.size > CAPTIONS_MAX_BYTES:
        raise ValidationError(_("Die Untertiteldatei ist größer als 1 MB."),
                              code="file_too_large")
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    first = text.split("\n", 1)[0].rstrip("\r")
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(_("Die Datei ist keine WebVTT-Untertiteldatei: Sie muss in UTF-8 "
                                "gespeichert sein und mit „WEBVTT“ beginnen."),
                              code="file_content")


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) of a single "bytes=" range within the file; None for no range or a
    form we do not serve partially (several ranges): the whole file then."""
    match = RANGE.match(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length else (size, size)
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end else (size, size)


def _chunks(file, start: int, length: int):
    try:
        file.seek(start)
        while length > 0:
            data = file.read(min(CHUNK, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        file.close()


def file_response(request, field_file, content_type: str) -> HttpResponse:
    """The stored file with its type, answering a byte range with 206 (416 for one that
    lies outside the file); cached for an hour (the address changes with each upload)."""
    size = field_file.size
    wanted = _byte_range(request.headers.get("Range", ""), size)
    file = field_file.open("rb")
    if wanted is None:
        response = FileResponse(file, content_type=content_type)
    elif wanted[0] >= size:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        first, last = wanted
        response = StreamingHttpResponse(_chunks(file, first, last - first + 1), status=206,
                                         content_type=content_type)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "max-age=3600"
    # Opened on its own, it runs and embeds nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
