"""A client that walks the whole OParl API from its entry point: every list, every page,
every object under its own id, every file; it records what it saw and what is wrong."""

import io
from collections import deque
from dataclasses import dataclass, field

from django.conf import settings
from pypdf import PdfReader

from .schemas import errors

API = "/oparl/v1/"
JSON = "application/json; charset=utf-8"
FILE_KEYS = ("accessUrl", "downloadUrl")


@dataclass
class Walk:
    objects: dict[str, dict] = field(default_factory=dict)  # id -> object fetched by its id
    pages: dict[str, dict] = field(default_factory=dict)  # list page URL -> page
    embedded: list[dict] = field(default_factory=list)
    files: dict[str, object] = field(default_factory=dict)  # file URL -> response
    texts: list[str] = field(default_factory=list)  # every answer as text (PDFs extracted)
    problems: list[str] = field(default_factory=list)

    def of_type(self, kind: str) -> list[dict]:
        return [o for o in self.objects.values() if o["type"].endswith("/" + kind)]


def path_of(url: str) -> str:
    assert url.startswith(settings.SITE_URL + "/"), url
    return url.removeprefix(settings.SITE_URL)


def _urls(node, out: list[tuple[str, str]], key: str = "") -> None:
    if isinstance(node, dict):
        for name, value in node.items():
            _urls(value, out, name)
    elif isinstance(node, list):
        for item in node:
            _urls(item, out, key)
    elif isinstance(node, str) and node.startswith(settings.SITE_URL + API):
        out.append((key, node))


def _embedded(node, walk: Walk, top: bool = True) -> None:
    if isinstance(node, dict):
        if not top and "type" in node:
            walk.embedded.append(node)
        for value in node.values():
            _embedded(value, walk, top=False)
    elif isinstance(node, list):
        for item in node:
            _embedded(item, walk, top=False)


def _fetch_json(client, url: str, walk: Walk):
    response = client.get(path_of(url))
    where = f"GET {url}"
    if response.status_code != 200:
        walk.problems.append(f"{where}: status {response.status_code}")
        return None
    if response["Content-Type"] != JSON:
        walk.problems.append(f"{where}: Content-Type {response['Content-Type']}")
    if response.get("Access-Control-Allow-Origin") != "*":
        walk.problems.append(f"{where}: no Access-Control-Allow-Origin: *")
    text = response.content.decode("utf-8")
    walk.texts.append(text)
    return response.json()


def _fetch_file(client, url: str, walk: Walk, *, download: bool) -> None:
    response = client.get(path_of(url))
    walk.files[url] = response
    if response.status_code != 200:
        walk.problems.append(f"GET {url}: status {response.status_code}")
        return
    content = b"".join(response.streaming_content) if response.streaming else response.content
    disposition = response.get("Content-Disposition", "")
    if download != disposition.startswith("attachment"):
        walk.problems.append(f"GET {url}: Content-Disposition {disposition!r}")
    if content.startswith(b"%PDF"):
        walk.texts.append("\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))
    else:
        walk.texts.append(content.decode("utf-8", "replace"))


def walk_api(client, *, downloads: bool = True) -> Walk:
    """Breadth first from the System object; a list is followed page by page through
    `links.next`; every URL found in an answer is fetched once."""
    walk = Walk()
    seen: set[str] = set()
    queue = deque([settings.SITE_URL + API])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        data = _fetch_json(client, url, walk)
        if data is None:
            continue
        found: list[tuple[str, str]] = []
        if "data" in data:
            walk.pages[url] = data
            for key in ("pagination", "links"):
                if not isinstance(data.get(key), dict):
                    walk.problems.append(f"{url}: no {key}")
            for obj in data["data"]:
                walk.problems += errors(obj)
                _embedded(obj, walk)
                _urls(obj, found)
            if data.get("links", {}).get("next"):
                found.append(("next", data["links"]["next"]))
        else:
            walk.problems += errors(data)
            if data.get("id") != url:
                walk.problems.append(f"{url}: id is {data.get('id')!r}")
            walk.objects[url] = data
            _embedded(data, walk)
            _urls(data, found)
        for key, target in found:
            if key in FILE_KEYS:
                if target not in walk.files and (downloads or key == "accessUrl"):
                    _fetch_file(client, target, walk, download=key == "downloadUrl")
            elif key not in ("first", "last", "prev", "self"):
                queue.append(target)
    return walk
