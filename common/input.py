"""Web input without control characters: one middleware cleans every GET and POST key and
value and every uploaded file name before a view sees them.

PostgreSQL text cannot hold NUL, XML (and so XLSX exports) cannot hold most other control
characters, and bidi overrides make a name read differently from what it is. Tab, line
feed and carriage return stay; single-line form fields refuse line breaks themselves
(common.forms).
"""

import re

from django.http import Http404, QueryDict
from django.utils.datastructures import MultiValueDict

# C0 controls except tab, LF and CR; DEL; C1 controls; bidi embeddings, overrides and
# isolates (U+202A–U+202E, U+2066–U+2069).
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Everything str.splitlines() breaks at: single-line fields refuse these.
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# In a path even tab and line breaks have no business.
UNSAFE_PATH = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_unsafe(text: str) -> str:
    """The text without control characters (except tab and line breaks) and bidi controls."""
    return UNSAFE_CHARACTERS.sub("", text)


def has_line_break(text: str) -> bool:
    return bool(LINE_BREAK.search(text))


def _clean_querydict(data: QueryDict) -> QueryDict:
    if not any(UNSAFE_CHARACTERS.search(key) or any(UNSAFE_CHARACTERS.search(value)
                                                    for value in data.getlist(key))
               for key in data):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlistdefault(strip_unsafe(key), []).extend(
            strip_unsafe(value) for value in values)
    cleaned._mutable = False
    return cleaned


def _clean_files(files: MultiValueDict) -> MultiValueDict:
    cleaned = MultiValueDict()
    for key, uploads in files.lists():
        for upload in uploads:
            if upload.name:
                upload.name = strip_unsafe(upload.name)
        cleaned.setlistdefault(strip_unsafe(key), []).extend(uploads)
    return cleaned


class InputCleaningMiddleware:
    """Cleans GET at once and POST/FILES when they are first read.

    Reading request.POST here would consume a multipart body, so a view that reads
    request.body or sets its own upload handlers would break; instead the request's own
    loader is wrapped, and whoever reads POST or FILES first (CSRF check, form, view)
    gets the cleaned data.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if UNSAFE_PATH.search(request.path):
            raise Http404  # answered by the German 404 page
        request.GET = _clean_querydict(request.GET)
        load = request._load_post_and_files

        def load_cleaned():
            load()
            # A parse error leaves empty data behind; there is nothing to clean then.
            request._post = _clean_querydict(request._post)
            request._files = _clean_files(request._files)

        request._load_post_and_files = load_cleaned
        return self.get_response(request)
