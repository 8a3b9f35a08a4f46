"""Hostile input to every GET parameter, form field and path segment of the portal
(issue 10, section 3): no server error, German messages only, the typed input kept.

Nothing here is a hand list of URLs or fields. The crawler (tests/security/crawler.py)
walks the demo network as visitor, reader, editor and coordinator from the start page;
the sweep takes

* GET parameters from the crawled links, the GET forms (filters) and the `request.GET`
  keys in the code of each route's view (and the module's helpers it calls);
* POST forms with all their fields from the rendered pages;
* path segments from the URL conf (every `<int:…>`, `<slug:…>` and `<str:…>`).

Bounded so that it runs within a few minutes:

* every parameter and field gets every hostile value once per view (a view's create and
  edit forms, or two URLs of one pattern, share the full set; the others get one request
  with every name hostile at once); choice fields, checkboxes and hidden fields get the
  values that test parsing (odd digits, wrong types, NUL), text fields all of them;
* which of the roles that reached a page sends a value rotates, so each role takes part;
* at most two URLs and two forms per URL pattern, repeated rows of one form (`t1-stage`,
  `t2-stage`, …) once.

Each request runs in a savepoint that is rolled back, so one POST does not change the
data for the next.
"""
from __future__ import annotations

import copy
import importlib
import inspect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from common.input import strip_unsafe
from tests.knowledge.factories import PDF_BYTES
from tests.security.conftest import Network
from tests.security.crawler import (
    ROLES,
    FormSpec,
    crawl,
    form_data,
    project_routes,
    query_params_in_code,
    route_of,
)

BROKEN_UTF8 = "broken UTF-8"
# (label, value): a string, a list (several values for one name) or BROKEN_UTF8 (raw bytes
# that are no UTF-8, sent as they are).
HOSTILE: list[tuple[str, object]] = [
    ("NUL and control characters", "Nul\x00 Bell\x07 Esc\x1b Del\x7f\x01\x08\x0b\x0c"),
    ("right-to-left override", "\u202eRTLO\u202c \u2066isoliert\u2069"),
    ("superscript two", "²"),
    ("fullwidth seven", "７"),
    ("Arabic-Indic three", "٣"),
    ("10,000 characters", "Ä" * 10_000),
    ("negative number", "-1"),
    ("huge number", "99999999999999999999"),
    ("JSON list", "[]"),
    ("JSON object", "{}"),
    ("several values", ["1", "²"]),
    (BROKEN_UTF8, BROKEN_UTF8),
]
RAW_BROKEN = "\xff\xfe\xc3"  # WSGI strings carry bytes as latin-1: 0xFF 0xFE 0xC3
# One value for the sweeps that send every parameter at once.
COMPOSITE = "x\x00\u202e²７"
# Path segments the converters let through: ids beyond bigint, a slug that looks like a
# negative number, and for <str:…> everything above that has no "/".
PATH_VALUES = {
    "int": ["99999999999999999999"],
    "slug": ["-1"],
    "str": [value for _label, value in HOSTILE if isinstance(value, str)
            and value != BROKEN_UTF8 and "/" not in value],
}
# Django's own English texts; every message the portal shows must be German.
ENGLISH = ["This field", "Enter a valid", "Select a valid choice", "Ensure this value",
           "Enter a whole number", "Enter a number", "is not one of the available",
           "The submitted file", "No file was submitted", "Hidden field", "Enter a list",
           "Enter a complete value", "Bad Request", "Server Error", "Not Found",
           "Forbidden", "Page not found", "Method Not Allowed", "CSRF verification"]
TEXT_KINDS = {"text", "textarea", "search", "email", "url", "tel", "number", "date",
              "datetime-local", "time", "month"}
NOT_FUZZED = {"csrfmiddlewaretoken"}
PROJECT_PACKAGES = {"common", "kreishaus", "members", "meetings", "projects", "knowledge"}
SHARED_FIELDS = {"_once"}
CHOICE_VALUES = {"NUL and control characters", "superscript two", "fullwidth seven",
                 "negative number", "huge number", "JSON list", "several values", BROKEN_UTF8}
GET_KEY = re.compile(r"""request\.GET(?:\.get|\.getlist)?[\(\[]\s*["']([^"']+)["']""")
FORMS_PER_ROUTE = 2
URLS_PER_ROUTE = 2
ERROR_MARKERS = ('role="alert"', "kern-error", "kern-alert--danger")


# --- What the crawl found ------------------------------------------------------------------

@dataclass
class Target:
    """A GET URL or a POST form, with the roles that reached it (each with its own URL or
    rendered form), the names to fuzz, and which of them get every hostile value."""

    route: str
    view: str
    roles: list[str] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)  # role -> URL (GET)
    forms: dict[str, FormSpec] = field(default_factory=dict)  # role -> form (POST)
    names: list[str] = field(default_factory=list)  # all of them: one request with all
    full: list[str] = field(default_factory=list)  # each: every hostile value
    kinds: dict[str, str] = field(default_factory=dict)  # form field name -> input type

    def add(self, role: str, *, url: str = "", form: FormSpec | None = None) -> None:
        if role in self.roles:
            return
        self.roles.append(role)
        if form is not None:
            self.forms[role] = form
        else:
            self.urls[role] = url

    def add_names(self, names, kinds: dict[str, str] | None = None) -> None:
        for name in names:
            if name not in self.names and name not in NOT_FUZZED:
                self.names.append(name)
        self.kinds.update(kinds or {})


@dataclass
class Plan:
    get: list[Target]
    post: list[Target]

    def requests_for(self, targets: list[Target], role: str):
        """(target, name, label, value) this role sends: value i of a name goes to the
        i-th role (cyclically) of those that reached the target."""
        for target in targets:
            for name in target.full:
                for index, (label, value) in enumerate(values_for(target.kinds.get(name))):
                    if target.roles[index % len(target.roles)] == role:
                        yield target, name, label, value


def values_for(kind: str | None) -> list[tuple[str, object]]:
    """Every value for text and unknown fields; choices, checkboxes and hidden fields get
    those that test their parsing (wrong types, odd digits, NUL)."""
    if kind is None or kind in TEXT_KINDS:
        return HOSTILE
    return [(label, value) for label, value in HOSTILE if label in CHOICE_VALUES]


def _normalised(name: str) -> str:
    """Rows of one form differ by a number only: "t12-stage", "answer_4"."""
    return re.sub(r"\d+", "#", name)


def _keys_read_by(view) -> set[str]:
    """GET keys the view function and the project's functions it calls read (one level:
    helpers of its module, `common.params.page_number`, …)."""
    function = inspect.unwrap(view)
    module = inspect.getmodule(function)
    source = inspect.getsource(function)
    sources = [source]
    for called in set(re.findall(r"\b(\w+)\(", source)):
        helper = getattr(module, called, None)
        if (inspect.isfunction(helper) and helper is not function
                and helper.__module__.split(".")[0] in PROJECT_PACKAGES):
            sources.append(inspect.getsource(helper))
    return {key for text in sources for key in GET_KEY.findall(text)}


def _code_keys() -> tuple[dict[str, set[str]], dict[str, str]]:
    """(route -> GET keys its view reads, route -> view name). Keys a module reads that no
    view function of it was found to read go to every route of that module."""
    keys, views = {}, {}
    by_module: dict[str, list[str]] = defaultdict(list)
    for route, _name, view in project_routes():
        function = inspect.unwrap(view)
        views[route] = f"{function.__module__}.{function.__qualname__}"
        keys[route] = _keys_read_by(view)
        by_module[function.__module__].append(route)
    for module_name, routes in by_module.items():
        unattributed = query_params_in_code(importlib.import_module(module_name)) - set().union(
            *(keys[route] for route in routes))
        for route in routes:
            keys[route] |= unattributed
    return keys, views


def _plan(pages_by_role: dict) -> Plan:
    code_keys, views = _code_keys()
    views["<start>"] = "start"
    get_targets: dict[tuple[str, str], Target] = {}
    post_targets: dict[tuple[str, tuple[str, ...]], Target] = {}
    paths: dict[str, list[str]] = defaultdict(list)

    def get_target(route: str, url: str) -> Target:
        path = urlsplit(url).path
        if path not in paths[route] and len(paths[route]) < URLS_PER_ROUTE:
            paths[route].append(path)
        key = (route, path if path in paths[route] else paths[route][-1])
        return get_targets.setdefault(key, Target(route, views.get(route, route)))

    for role in ROLES:
        for page in pages_by_role[role].values():
            route = page.route if urlsplit(page.url).path != "/" else "<start>"
            if route and page.status == 200:
                target = get_target(route, page.url)
                target.add(role, url=page.url)
                target.add_names([k for k, _v in parse_qsl(urlsplit(page.url).query,
                                                           keep_blank_values=True)])
                target.add_names(sorted(code_keys.get(route, ())))
            for form in page.forms:
                action_route = route_of(form.action)
                if not action_route:
                    continue
                kinds = {spec.name: spec.kind for spec in form.fields}
                if form.method == "get":
                    target = get_target(action_route, form.action)
                    target.add(role, url=form.action)
                    target.add_names(form.field_names(), kinds)
                    continue
                rows = tuple(dict.fromkeys(_normalised(n) for n in form.field_names()))
                if (action_route, rows) not in post_targets:
                    if sum(r == action_route for r, _rows in post_targets) >= FORMS_PER_ROUTE:
                        continue
                    target = Target(action_route, views.get(action_route, action_route))
                    seen: set[str] = set()
                    target.add_names([n for n in form.field_names() if not (
                        _normalised(n) in seen or seen.add(_normalised(n)))], kinds)
                    post_targets[(action_route, rows)] = target
                post_targets[(action_route, rows)].add(role, form=form)
    _choose_full(get_targets.values())
    _choose_full(post_targets.values())
    return Plan(get=list(get_targets.values()), post=list(post_targets.values()))


def _choose_full(targets) -> None:
    """Every value goes to each name once per view (a view's create and edit forms, or
    its two URLs, share it); fields every form carries (the one-time token) once in all."""
    swept: set[tuple[str, str]] = set()
    for target in targets:
        for name in target.names:
            key = ("*" if name in SHARED_FIELDS else target.view, _normalised(name))
            if key not in swept:
                swept.add(key)
                target.full.append(name)


@pytest.fixture(scope="module")
def crawled(_network_loaded, django_db_blocker):
    """The pages every role reaches, crawled once for the module."""
    with django_db_blocker.unblock():
        network = Network()
        return {role: crawl(network.client(role), start=network.seed_urls())
                for role in ROLES}


@pytest.fixture(scope="module")
def plan(crawled) -> Plan:
    return _plan(crawled)


# --- Sending and judging --------------------------------------------------------------------

@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    requests: int = 0
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def note(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")


def _send(client: Client, method: str, url: str, **kwargs):
    """One request in a savepoint that is rolled back; the client keeps its session."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = getattr(client, method)(url, **kwargs)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def _html(response) -> str:
    if response.get("Content-Type", "").startswith("text/html"):
        return response.content.decode("utf-8", "replace")
    return ""


def _judge(findings: Findings, where: str, response, *, refused_form: bool = False) -> str:
    findings.requests += 1
    findings.statuses[response.status_code] += 1
    if response.status_code >= 500:
        findings.note(where, f"status {response.status_code}")
        return ""
    html = _html(response)
    english = [phrase for phrase in ENGLISH if phrase in html]
    if english:
        findings.note(where, f"English text {english}")
    if refused_form and response.status_code == 200 and not any(
            marker in html for marker in ERROR_MARKERS):
        findings.note(where, "form shown again without an error message")
    return html


def _kept(findings: Findings, where: str, html: str, name: str, sent: str, *,
          truncated_ok: bool = False) -> None:
    """A refused text field shows what was typed (after the input cleaning). A GET
    parameter longer than its field's maxlength may be cut (the search does that)."""
    expected = strip_unsafe(sent)
    if len(expected) >= 8 and expected in html:  # fast path: nothing was escaped
        return
    elements = [element for element in BeautifulSoup(html, "html.parser").find_all(
        ["input", "textarea"], attrs={"name": name})
        if element.name == "textarea" or (element.get("type") or "text") in TEXT_KINDS]
    if not elements:
        return
    if truncated_ok and any(len(expected) > int(element.get("maxlength") or 10**9)
                            for element in elements):
        return
    shown = [(element.text if element.name == "textarea" else element.get("value", ""))
             for element in elements]
    if not any(value.removeprefix("\n") == expected for value in shown):
        findings.note(where, f"typed input not kept in {name!r}: shows {shown[0][:40]!r}")


def _query_with(url: str, name: str, value) -> tuple[str, dict]:
    """Path and request arguments for `url` with parameter `name` set to `value`."""
    parts = urlsplit(url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name]
    if value == BROKEN_UTF8:
        raw = urlencode(params) + ("&" if params else "") + quote(name) + "=" + RAW_BROKEN
        return parts.path, {"QUERY_STRING": raw}
    values = value if isinstance(value, list) else [value]
    return parts.path + "?" + urlencode([*params, *((name, v) for v in values)]), {}


def _base_data(form: FormSpec) -> dict[str, list[str]]:
    """The crawler's valid-looking data, as a browser would send it."""
    return form_data(form)


def _form_payload(form: FormSpec, name: str | None, value) -> tuple[object, dict]:
    """Data for the test client: the form's own values, one field (or all) hostile."""
    data = _base_data(form)
    if name is not None:
        data[name] = value if isinstance(value, list) else [value]
    payload: dict = {k: (v[0] if len(v) == 1 else v) for k, v in data.items()}
    if value == BROKEN_UTF8:
        data.pop(name, None)
        body = urlencode(data, doseq=True) + "&" + quote(name) + "=" + quote(RAW_BROKEN,
                                                                            encoding="latin-1")
        return body, {"content_type": "application/x-www-form-urlencoded"}
    for spec in form.fields:
        if spec.kind == "file" and spec.required and spec.name not in payload:
            payload[spec.name] = SimpleUploadedFile("Be\u202eschluss\x00.pdf", PDF_BYTES)
    return payload, {}


def _sweep_get(plan: Plan, role: str, client: Client) -> Findings:
    findings = Findings()
    for target, name, label, value in plan.requests_for(plan.get, role):
        path, extra = _query_with(target.urls[role], name, value)
        where = f"GET {target.urls[role]} ?{name}= {label}"
        html = _judge(findings, where, _send(client, "get", path, **extra))
        if html and isinstance(value, str) and value != BROKEN_UTF8:
            _kept(findings, where, html, name, value, truncated_ok=True)
    for target in plan.get:  # every parameter at once, as every role that reached it
        if role in target.urls and target.names:
            path = urlsplit(target.urls[role]).path + "?" + urlencode(
                [(name, COMPOSITE) for name in target.names])
            _judge(findings, f"GET {path} (all parameters)", _send(client, "get", path))
    return findings


def _sweep_post(plan: Plan, role: str, client: Client) -> Findings:
    findings = Findings()
    for target, name, label, value in plan.requests_for(plan.post, role):
        form = target.forms[role]
        data, extra = _form_payload(form, name, value)
        where = f"POST {form.action} {name}= {label}"
        response = _send(client, "post", form.action, data=data, **extra)
        html = _judge(findings, where, response, refused_form=True)
        if html and isinstance(value, str) and value != BROKEN_UTF8:
            _kept(findings, where, html, name, value)
    for target in plan.post:  # every field at once
        form = target.forms.get(role)
        if form is not None and target.names:
            data, _extra = _form_payload(form, None, None)
            data.update({name: COMPOSITE for name in target.names
                         if not isinstance(data.get(name), SimpleUploadedFile)})
            _judge(findings, f"POST {form.action} (all fields)",
                   _send(client, "post", form.action, data=data), refused_form=True)
    return findings


def _path_urls(route: str) -> list[str]:
    """The route with each converter filled with each of its hostile values."""
    converters = re.findall(r"<(\w+):\w+>", route)
    if not converters:
        return []
    urls = []
    for index in range(max(len(PATH_VALUES.get(c, [])) for c in converters)):
        def fill(match, index=index):
            values = PATH_VALUES.get(match.group(1), ["x"])
            return quote(values[index % len(values)], safe="")
        urls.append("/" + re.sub(r"<(\w+):\w+>", fill, route))
    return urls


def _assert_clean(findings: Findings) -> None:
    assert findings.problems == [], (
        f"{len(findings.problems)} problems in {findings.requests} requests (answers "
        f"{dict(findings.statuses)}):\n" + "\n".join(findings.problems[:60]))


# --- The sweeps -------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_the_crawl_discovers_parameters_and_forms(plan, network, role):
    """The sweep is only as good as its discovery: every role reached pages with
    parameters, member staff forms, and every name gets every value once. (`network`
    marks it as a database test, which keeps it next to the sweeps.)"""
    assert any(role in target.roles and target.names for target in plan.get)
    # Visitors have exactly one form: the contact form ("Barriere melden", legal).
    visitor_forms = {target.route for target in plan.post if "visitor" in target.roles}
    assert any(role in target.roles for target in plan.post)
    assert visitor_forms == {"kontakt/"}
    if role == "coordinator":
        post_routes = {target.route for target in plan.post}
        for prefix in ("mitglieder/", "sitzungen/", "arbeitsgruppen/", "vorhaben/", "wissen/"):
            assert any(route.startswith(prefix) for route in post_routes), prefix
        assert {"q", "page", "von", "gegen", "artikel", "sitzung"} <= {
            name for target in plan.get for name in target.names}
        assert sum(len(target.names) for target in plan.post) > 150
    for targets in (plan.get, plan.post):
        assert {(t.view, _normalised(n)) for t in targets for n in t.names} == {
            (t.view, _normalised(n)) for t in targets for n in t.full} | {
            (t.view, _normalised(n)) for t in targets for n in t.names if n in SHARED_FIELDS}


@pytest.mark.parametrize("role", ROLES)
def test_get_parameters(plan, network, role):
    _assert_clean(_sweep_get(plan, role, network.client(role, raise_request_exception=False)))


@pytest.mark.parametrize("role", ROLES)
def test_form_fields(plan, network, role):
    _assert_clean(_sweep_post(plan, role, network.client(role,
                                                         raise_request_exception=False)))


@pytest.mark.parametrize("role", ROLES)
def test_path_segments(network, role):
    """GET as every role; POST (every POST-only view) as the coordinator, who gets
    furthest into the views."""
    client = network.client(role, raise_request_exception=False)
    methods = ("get", "post") if role == "coordinator" else ("get",)
    findings = Findings()
    for route, _name, _view in project_routes():
        for url in _path_urls(route):
            for method in methods:
                _judge(findings, f"{method.upper()} {url[:120]}", _send(client, method, url))
    _assert_clean(findings)
