"""No cell of any CSV/XLSX export runs as a formula in a spreadsheet, headers included.

The sweep writes formula-like text in front of every free text of the demo network (names
of administrations, topics and people, titles, notes …), finds every export route in the
URL conf, reaches each through the portal's own links as the coordinator, and reads every
cell of every file. Nothing here lists the exports or the fields by hand, so a new export
or a new column is swept too.
"""

import csv
import io
from itertools import cycle

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Concat, Length, Mod
from openpyxl import load_workbook

from common.tabular import spreadsheet_safe, spreadsheet_unsafe
from tests.security.crawler import crawl, project_routes, route_of

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(1)", "\t=1+1", "\r=1+1"]
# What a spreadsheet program runs: these first, also behind spaces.
FORMULA_CHARACTERS = ("=", "+", "-", "@", "\t", "\r", "\n")
PROJECT_APPS = ("members", "meetings", "projects", "knowledge")
NOT_FREE_TEXT = (models.SlugField, models.EmailField, models.URLField,
                 models.GenericIPAddressField)


def _starts_a_formula(text: str) -> bool:
    return text[:1] in FORMULA_CHARACTERS or text.lstrip(" ")[:1] in FORMULA_CHARACTERS


def _free_text_fields():
    """(model, field) for every text a person types: no choices, slugs, addresses, keys
    with their own validators, secrets."""
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if (isinstance(field, models.CharField | models.TextField)
                        and not isinstance(field, NOT_FREE_TEXT) and not field.choices
                        and field.editable and not field.primary_key
                        and field.name not in ("password",)
                        and not [v for v in field.validators
                                 if type(v).__module__ != "django.core.validators"]):
                    yield model, field


def _poison_every_text() -> int:
    """Put a payload in front of every free text (within its length limit), the payloads
    taking turns by row, so every export column meets every payload."""
    poisoned = 0
    for (model, field), shift in zip(_free_text_fields(), cycle(range(len(PAYLOADS))),
                                     strict=False):
        for index, payload in enumerate(PAYLOADS):
            rows = model._default_manager.annotate(_turn=Mod("pk", len(PAYLOADS))).filter(
                _turn=(index + shift) % len(PAYLOADS))
            if field.max_length:
                rows = rows.annotate(_length=Length(field.name)).filter(
                    _length__lte=field.max_length - len(payload) - 1)
            poisoned += rows.update(**{field.name: Concat(models.Value(payload + " "),
                                                          field.name)})
    return poisoned


def _export_routes() -> set[str]:
    return {route for route, name, _view in project_routes()
            if route.endswith((".csv", ".xlsx")) or name.startswith("export_")}


def _csv_cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""),
                           delimiter=";"))


def _xlsx_cells(content: bytes) -> tuple[list[str], list[list[object]]]:
    workbook = load_workbook(io.BytesIO(content))
    formulas = [cell.coordinate for sheet in workbook.worksheets for row in sheet.iter_rows()
                for cell in row if cell.data_type == "f"]
    assert formulas == []
    return (workbook.sheetnames,
            [list(row) for sheet in workbook.worksheets
             for row in sheet.iter_rows(values_only=True)])


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_no_export_cell_starts_a_formula(network):
    assert _poison_every_text() > 100
    exports = _export_routes()
    assert {"vorhaben/export/matrix.csv", "vorhaben/export/matrix.xlsx"} <= exports
    # Only the export URLs matter here; a page failing elsewhere is another sweep's finding.
    client = network.client("coordinator", raise_request_exception=False)

    # Pages without parameters are entry points too: an export may hang off an unlinked page.
    starts = (*network.seed_urls(), *("/" + route for route, _name, _view in project_routes()
                                      if "<" not in route and "(" not in route))
    pages = crawl(client, start=starts)
    # Every export link any page shows, also those the crawl did not follow.
    found = sorted({url for page in pages.values() for url in (page.url, *page.links)
                    if route_of(url) in exports})

    assert exports - {route_of(url) for url in found} == set()
    payloads_seen, routes_with_rows = set(), set()
    for url in found:
        response = client.get(url)
        assert response.status_code == 200, url
        content = _content(response)
        if route_of(url).endswith(".xlsx") or "spreadsheetml" in response["Content-Type"]:
            titles, rows = _xlsx_cells(content)
            assert not [title for title in titles if _starts_a_formula(title)], url
        else:
            rows = _csv_cells(content)
        if len(rows) > 1:
            routes_with_rows.add(route_of(url))
        cells = [cell for row in rows for cell in row if isinstance(cell, str)]
        assert [cell for cell in cells if _starts_a_formula(cell)] == [], url
        payloads_seen |= {payload for payload in PAYLOADS for cell in cells
                          if cell.startswith("'" + payload)}
    # The sweep is only worth something if the hostile texts reached the files.
    assert routes_with_rows == exports
    assert payloads_seen == set(PAYLOADS)


def test_matrix_header_carries_topic_names_guarded(network):
    from projects.models import Topic

    Topic.objects.filter(is_active=True).update(name=Concat(models.Value('=HYPERLINK("x") '),
                                                            "name"))
    client = network.client("reader")

    header = _csv_cells(_content(client.get("/vorhaben/export/matrix.csv")))[0]
    xlsx_header = _xlsx_cells(_content(client.get("/vorhaben/export/matrix.xlsx")))[1][0]

    assert header[2].startswith("'=HYPERLINK(\"x\") ")
    assert xlsx_header[2].startswith("'=HYPERLINK(\"x\") ")


@pytest.mark.parametrize("value", [
    *PAYLOADS, "=1", "'=1", "''=1", " =1", "\u00a0+1", "\x01=1", "\uff1d1", "'", "''",
    "-", "", "Landkreis", "'Zitat'", "O'Brien", "\n@x", "E-Akte", "a=b",
])
def test_guard_is_undone_exactly_by_the_import_side(value):
    guarded = spreadsheet_safe(value)

    assert not _starts_a_formula(guarded)
    assert spreadsheet_unsafe(guarded) == value
