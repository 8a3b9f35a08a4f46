"""Walk the portal as a user would and read what it shows: links, forms and their fields.

The security sweeps use this instead of hand lists of URLs and parameters, so that a page,
parameter or form added later is swept too. `crawl()` follows every same-site link and GET
form from the start page; `project_routes()` lists the URL patterns of the project, so a
sweep can assert that the crawl reached each of them.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

ROLES = ("visitor", "reader", "editor", "coordinator")
# Demo logins (members/demo.py): the editor belongs to another administration than the
# coordinator and the reader, so "own" and "other" administrations both occur.
DEMO_LOGINS = {
    "reader": "lesen.ahrweiler@example.org",
    "editor": "redaktion.neuwied@example.org",
    "coordinator": "koordination@example.org",
    "admin": "admin@example.org",
}

# Parts of the URL space that are not the project's own pages.
FOREIGN_PREFIXES = ("/admin/", "/konto/", "/static/", "/media/")
# The project's own pages inside allauth's /konto/ (profile, data rights, notifications).
OWN_UNDER_FOREIGN = ("/konto/profil/", "/konto/meine-daten/", "/konto/entfernen/",
                     "/konto/benachrichtigungen/")


def is_foreign(path: str) -> bool:
    return path.startswith(FOREIGN_PREFIXES) and not (
        path == "/konto/" or path.startswith(OWN_UNDER_FOREIGN))
# Links a crawler must not follow: they change state on GET or end the session.
NEVER_FOLLOW = ("/konto/logout/",)


@dataclass
class FieldSpec:
    name: str
    kind: str  # input type ("text", "hidden", "checkbox", …), "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)  # select/radio: the offered values
    required: bool = False
    multiple: bool = False
    checked: bool = False


@dataclass
class FormSpec:
    method: str  # "get" or "post"
    action: str  # absolute path with query string
    fields: list[FieldSpec]
    enctype: str = ""

    def field_names(self) -> list[str]:
        return list(dict.fromkeys(f.name for f in self.fields))


@dataclass
class Page:
    url: str
    route: str  # the URL pattern that answered, e.g. "wissen/artikel/<slug:slug>/"
    status: int
    content_type: str
    html: str = ""
    links: list[str] = field(default_factory=list)
    forms: list[FormSpec] = field(default_factory=list)


def route_of(url: str) -> str:
    """The full URL pattern (all prefixes joined) that resolves `url`, or ""."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return ""
    return match.route


def _walk(patterns, prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name or "", entry.callback


def project_routes() -> list[tuple[str, str, object]]:
    """(route, url name, view) of every URL pattern of the project's own pages."""
    return [
        (route, name, view)
        for route, name, view in _walk(get_resolver().url_patterns)
        if not is_foreign("/" + route.lstrip("^"))
    ]


def routes_reached(pages: dict[str, Page]) -> set[str]:
    """URL patterns the crawl fetched, or found as the target of a form on a page."""
    reached = {page.route for page in pages.values()}
    for page in pages.values():
        reached.update(route_of(form.action) for form in page.forms)
    return reached - {""}


def post_forms(pages: dict[str, Page]) -> list[tuple[Page, FormSpec]]:
    """Every POST form on the crawled pages, once per (form target, field names)."""
    found: dict[tuple[str, tuple[str, ...]], tuple[Page, FormSpec]] = {}
    for page in pages.values():
        for form in page.forms:
            if form.method == "post":
                found.setdefault((form.action, tuple(form.field_names())), (page, form))
    return list(found.values())


def normalise(url: str, base: str = "/") -> str | None:
    """The same-site path + query of a link, or None for foreign links and fragments."""
    absolute = urljoin("http://testserver" + base, url)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return urlunsplit(("", "", parts.path, parts.query, ""))


def _parse_forms(soup: BeautifulSoup, page_url: str) -> list[FormSpec]:
    forms = []
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").lower()
        action = normalise(form.get("action") or page_url, page_url)
        if action is None:
            continue
        fields: list[FieldSpec] = []
        for element in form.find_all(["input", "textarea", "select"]):
            name = element.get("name")
            if not name or element.has_attr("disabled"):
                continue
            required = element.has_attr("required")
            if element.name == "textarea":
                # Browsers drop the line break that directly follows <textarea>.
                text = element.text[1:] if element.text.startswith("\n") else element.text
                fields.append(FieldSpec(name, "textarea", text, required=required))
            elif element.name == "select":
                options = [o.get("value", o.text) for o in element.find_all("option")]
                selected = [o.get("value", o.text) for o in element.find_all("option")
                            if o.has_attr("selected")]
                fields.append(FieldSpec(
                    name, "select", selected[0] if selected else "", options, required,
                    multiple=element.has_attr("multiple")))
            else:
                kind = (element.get("type") or "text").lower()
                if kind in ("submit", "button", "reset", "image"):
                    continue
                fields.append(FieldSpec(
                    name, kind, element.get("value", "on" if kind in ("checkbox", "radio")
                                             else ""),
                    required=required, checked=element.has_attr("checked")))
        forms.append(FormSpec(method, action, fields, (form.get("enctype") or "").lower()))
    return forms


def _read(response, url: str) -> Page:
    content_type = response.get("Content-Type", "")
    page = Page(url=url, route=route_of(url), status=response.status_code,
                content_type=content_type)
    if response.status_code == 200 and content_type.startswith("text/html"):
        page.html = response.content.decode()
        soup = BeautifulSoup(page.html, "html.parser")
        for anchor in soup.find_all("a", href=True):
            link = normalise(anchor["href"], url)
            if link:
                page.links.append(link)
        page.forms = _parse_forms(soup, url)
    return page


def fetch(client, url: str) -> Page:
    return _read(client.get(url), url)


def _pagination_key(url: str) -> str:
    """Pages of one list are one place to the crawler: drop page numbers from the key."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return parts.path + "?" + urlencode(sorted(query))


def crawl(client, *, start: tuple[str, ...] = ("/",), per_route: int = 2,
          limit: int = 600) -> dict[str, Page]:
    """Every page reachable from `start` by links and GET forms (submitted with their
    rendered values), at most `per_route` URLs per URL pattern and query-parameter set.
    Returns {url: Page}; non-HTML answers (ICS, PDF, CSV …) are included unparsed."""
    seen_keys: dict[tuple[str, tuple[str, ...]], int] = {}
    pages: dict[str, Page] = {}
    queue = deque(start)
    queued = set(start)
    while queue and len(pages) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        if is_foreign(path) or path.startswith(NEVER_FOLLOW):
            continue
        route = route_of(url)
        if not route and path != "/":
            continue
        params = tuple(sorted({k for k, _ in parse_qsl(urlsplit(url).query,
                                                       keep_blank_values=True)}))
        key = (route, params)
        if seen_keys.get(key, 0) >= per_route:
            continue
        seen_keys[key] = seen_keys.get(key, 0) + 1
        page = fetch(client, url)
        pages[url] = page
        found = list(page.links)
        for form in page.forms:
            if form.method == "get":
                found.append(_get_form_url(form))
        for link in found:
            if link not in queued and _pagination_key(link) not in queued:
                queued.add(link)
                queued.add(_pagination_key(link))
                queue.append(link)
    return pages


def _get_form_url(form: FormSpec) -> str:
    parts = urlsplit(form.action)
    data = [(k, v) for k, values in form_data(form).items() for v in values]
    return urlunsplit(("", "", parts.path, urlencode(data), ""))


SAMPLE_TEXT = "Beispiel"
_SAMPLES = {
    "email": "beispiel@example.org",
    "url": "https://www.example.org/",
    "tel": "+49 261 1080",
    "number": "1",
    "date": "2031-03-04",
    "datetime-local": "2031-03-04T10:00",
    "time": "10:00",
    "month": "2031-03",
    "password": "ein-langes-Passwort-2031",
}


def form_data(form: FormSpec) -> dict[str, list[str]]:
    """Values a careful user would submit: what the page shows, and for empty required
    fields a plausible value of their type. Files are left out (see `with_files`)."""
    data: dict[str, list[str]] = {}
    radios: dict[str, list[FieldSpec]] = {}
    for spec in form.fields:
        if spec.kind == "file":
            continue
        if spec.kind == "radio":
            radios.setdefault(spec.name, []).append(spec)
            continue
        if spec.kind == "checkbox":
            if spec.checked or spec.required:
                data.setdefault(spec.name, []).append(spec.value)
            continue
        value = spec.value
        if spec.kind == "select":
            choices = [o for o in spec.options if o]
            if not value and spec.required and choices:
                value = choices[0]
            data[spec.name] = [value] if value or not spec.multiple else []
            continue
        if not value and spec.required:
            value = _SAMPLES.get(spec.kind, SAMPLE_TEXT)
        data.setdefault(spec.name, []).append(value)
    for name, group in radios.items():
        checked = [spec.value for spec in group if spec.checked]
        if checked or any(spec.required for spec in group):
            data[name] = checked[:1] or [group[0].value]
    return data


def flat(data: dict[str, list[str]]) -> dict:
    """Test-client form data: a single value as a string, several as a list."""
    return {k: (v[0] if len(v) == 1 else v) for k, v in data.items()}


def query_params_in_code(*modules) -> set[str]:
    """GET parameter names the given modules read (`request.GET.get("x")`, `GET["x"]`)."""
    pattern = re.compile(r"""request\.GET(?:\.get|\.getlist)?[\(\[]\s*["']([^"']+)["']""")
    names: set[str] = set()
    for module in modules:
        with open(module.__file__, encoding="utf-8") as source:
            names.update(pattern.findall(source.read()))
    return names
