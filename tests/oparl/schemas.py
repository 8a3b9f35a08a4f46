"""The official OParl 1.1 schemas (oparl/schemas/, CC BY-SA 4.0) as validators.

The schemas name the schema of an embedded object by file name (`"schema": "File.json"`);
here each such place becomes a `$ref`, resolved by a `referencing` registry that holds all
the files, so an embedded object is validated against the schema of its own type. The
formats the spec defines (date, date-time, url) are checked too.
"""

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "oparl" / "schemas"
BASE = "https://schema.oparl.org/1.1/"
TYPES = ("AgendaItem", "Body", "Consultation", "File", "LegislativeTerm", "Location",
         "Meeting", "Membership", "Organization", "Paper", "Person", "System")

FORMATS = FormatChecker()


@FORMATS.checks("date-time")
def _date_time(value) -> bool:
    """Spec 2.4: yyyy-mm-ddThh:mm:ss±hh:mm."""
    return not isinstance(value, str) or bool(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value))


@FORMATS.checks("date")
def _date(value) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value))


@FORMATS.checks("url")
def _url(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _with_refs(node):
    """Copy of a schema with `"schema": "X.json"` turned into `"$ref": "X.json"`."""
    if isinstance(node, dict):
        copy = {key: _with_refs(value) for key, value in node.items()}
        target = node.get("schema")
        if isinstance(target, str) and target.endswith(".json"):
            copy.pop("schema")
            copy["$ref"] = target
        return copy
    if isinstance(node, list):
        return [_with_refs(item) for item in node]
    return node


@cache
def registry() -> Registry:
    resources = []
    for name in TYPES:
        contents = _with_refs(json.loads((SCHEMA_DIR / f"{name}.json").read_text("utf-8")))
        contents["$id"] = f"{BASE}{name}.json"
        resources.append((contents["$id"], Resource.from_contents(
            contents, default_specification=DRAFT7)))
    return Registry().with_resources(resources)


@cache
def validator(kind: str) -> Draft7Validator:
    schema = registry()[f"{BASE}{kind}.json"].contents
    return Draft7Validator(schema, registry=registry(), format_checker=FORMATS)


def errors(obj: dict) -> list[str]:
    """Schema errors of an OParl object, by the schema its `type` names."""
    kind = obj.get("type", "").removeprefix(BASE)
    if kind not in TYPES:
        return [f"unknown type {obj.get('type')!r} of {obj.get('id')}"]
    return [f"{obj.get('id')}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator(kind).iter_errors(obj)]
