"""Every label of the Django admin is German: column headers, filter titles and field
labels of every registered ModelAdmin, on the demo network, as a superuser. A label that
is only a field's or method's name ("round", "completed by", "Nach stage") means a missing
verbose_name, short_description or filter title."""

import html
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

# German words that are also field names in this code base.
GERMAN_TOO = {"name", "status", "id", "format", "logo", "pdf", "e-mail", "ical", "website",
              "version", "video", "themenfeld", "lebenslage", "person", "organisation", "text"}


def _raw_names() -> set[str]:
    """What Django shows for a name that has no label: every field name and every admin
    column, filter and read-only field name, with blanks for underscores."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            names.add(field.name)
            if getattr(field, "attname", None):
                names.add(field.attname)
    for model_admin in admin.site._registry.values():
        for attribute in ("list_display", "list_filter", "readonly_fields", "fields",
                          "search_fields"):
            for entry in getattr(model_admin, attribute, None) or ():
                if isinstance(entry, str):
                    names.add(entry.split("__")[-1])
                    names.add(entry.replace("__", " "))
                elif isinstance(entry, tuple) and isinstance(entry[0], str):
                    names.add(entry[0])
    return {name.replace("_", " ").lower() for name in names} - GERMAN_TOO


def _clean(label: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", label))
    return " ".join(text.split()).rstrip(":").strip()


def _labels(page: str) -> dict[str, list[str]]:
    return {
        "Spalte": [_clean(m) for m in re.findall(
            r'<th scope="col"[^>]*>.*?<div class="text">(.*?)</div>', page, flags=re.S)],
        "Filter": [_clean(m) for m in re.findall(r'data-filter-title="([^"]*)"', page)],
        "Feld": [_clean(m) for m in re.findall(r"<label[^>]*>(.*?)</label>", page,
                                               flags=re.S)],
        "Tabellenkopf": [_clean(m) for m in re.findall(
            r'<th class="column-[^"]*"[^>]*>(.*?)(?:<img|</th>)', page, flags=re.S)],
    }


def _english(page: str, raw: set[str]) -> list[str]:
    return [f"{kind} „{label}“" for kind, labels in _labels(page).items()
            for label in labels if label and label.lower() in raw]


def test_every_admin_label_is_german(client, admin_user):
    call_command("demo_data")
    client.force_login(admin_user)
    raw = _raw_names()
    problems = []
    for model, model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = client.get(reverse(f"{info}_changelist"))
        assert changelist.status_code == 200, info
        page = changelist.content.decode()
        problems += [f"{model.__name__} Liste: {p}" for p in _english(page, raw)]
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            form = client.get(reverse(f"{info}_change", args=[obj.pk]))
        elif model_admin.has_add_permission(_request(admin_user)):
            form = client.get(reverse(f"{info}_add"))
        else:
            continue
        assert form.status_code == 200, info
        problems += [f"{model.__name__} Formular: {p}"
                     for p in _english(form.content.decode(), raw)]
    assert problems == [], "\n".join(problems)


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_the_check_finds_an_english_label():
    raw = _raw_names()
    page = ('<th scope="col" class="column-round"><div class="text"><a href="?o=1">Round</a>'
            '</div></th><details data-filter-title="stage"></details>'
            '<label for="id_completed_by">Completed by:</label>'
            '<th scope="col" class="column-x"><div class="text"><span>Erhebung</span></div>')

    assert _english(page, raw) == ["Spalte „Round“", "Filter „stage“", "Feld „Completed by“"]
