"""No server error from any input (issue 10, section 3): control characters, Unicode digits,
line breaks in single-line fields, negative areas, tampered hidden fields.

The generic sweep over every URL and field is test_fuzz.py; these tests pin down each rule
with the examples the black-box probe found.
"""

import csv
import importlib
import io
import pkgutil
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import django_filters
import hypothesis
import pytest
from django import forms
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from hypothesis import strategies as st

from common.forms import HIDDEN_FIELD_ERROR, LINE_BREAK_ERROR, Form, InputRulesMixin
from common.input import (
    UNSAFE_CHARACTERS,
    InputCleaningMiddleware,
    has_line_break,
    strip_unsafe,
)
from common.params import int_param
from common.tabular import RowError
from knowledge.articles import services as knowledge_services
from knowledge.enums import Visibility
from knowledge.models import Article, Document
from members.importing import administrations_import_csv
from members.models import Administration, ContactPerson, ProfileQuestion
from projects.catalogue.ozg_import import ozg_catalogue_import
from projects.models import OzgService, Status
from tests.knowledge.factories import PDF_BYTES, CategoryFactory, article_make
from tests.meetings.helpers import make_group, make_meeting
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

# Every package of this project with an app config (a new app is swept without a change here).
PROJECT_PACKAGES = tuple(sorted({
    config.name.split(".")[0] for config in django_apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR)
    and ".venv" not in Path(config.path).relative_to(settings.BASE_DIR).parts}))
NOT_FOUND = "Seite nicht gefunden"
# Modules that configure or start something when imported; they define no forms.
NOT_IMPORTED = tuple(f"{package}.migrations" for package in PROJECT_PACKAGES) + (
    "kreishaus.settings", "kreishaus.wsgi", "kreishaus.asgi", "kreishaus.quickstart.__main__")


# --- The middleware: GET, POST, file names, paths ----------------------------------------

def test_nul_in_a_query_parameter_is_removed_before_the_search_runs(client):
    response = client.get("/suche/?q=Akte%00n%E2%80%AE")

    assert response.status_code == 200
    assert 'name="q" value="Akten"' in response.content.decode()


@pytest.mark.parametrize("path", [
    "/sitzungen/kalender/%00.ics", "/wissen/artikel/e-akte%00/", "/suche/%01",
    "/mitglieder/%E2%80%AEmyk/", "/vorhaben/themen/e%0Aakte/",
])
def test_path_with_control_characters_answers_the_german_404_page(client, reader, path):
    client.force_login(reader)

    response = client.get(path)

    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


def _through_middleware(request, view):
    return InputCleaningMiddleware(view)(request)


def test_post_keys_values_and_file_names_lose_control_and_bidi_characters():
    seen = {}

    def view(request):
        seen["post"] = {key: request.POST.getlist(key) for key in request.POST}
        seen["files"] = {key: [f.name for f in request.FILES.getlist(key)]
                         for key in request.FILES}
        return HttpResponse()

    request = RequestFactory().post("/", {
        "ti\x00tle": ["A\x00B\u202eC\x07\tD\r\nE\u2066F", "\x7fzwei\x85"],
        "datei\x1b": SimpleUploadedFile("Be\u202eschluss\x01.pdf", PDF_BYTES),
    })
    _through_middleware(request, view)

    assert seen == {"post": {"title": ["ABC\tD\r\nEF", "zwei"]},
                    "files": {"datei": ["Beschluss.pdf"]}}


def test_query_keys_and_values_are_cleaned_and_lists_kept():
    seen = {}

    def view(request):
        seen.update({key: request.GET.getlist(key) for key in request.GET})
        return HttpResponse()

    _through_middleware(RequestFactory().get("/?a%00=1%00&a=%E2%80%AE2&b=%FF"), view)

    assert seen == {"a": ["1", "2"], "b": ["\ufffd"]}


def test_a_view_may_still_read_the_raw_body_of_a_multipart_request():
    seen = {}

    def view(request):
        seen["body"] = request.body  # before POST: Django keeps the body for POST
        seen["post"] = request.POST.get("note")
        return HttpResponse()

    request = RequestFactory().post("/", {"note": "a\x00b"})
    _through_middleware(request, view)

    assert b"a\x00b" in seen["body"]
    assert seen["post"] == "ab"


def test_a_view_that_reads_only_the_body_is_not_broken_by_the_middleware():
    seen = {}

    def view(request):
        seen["body"] = request.body
        return HttpResponse()

    request = RequestFactory().post("/", b'{"a": "\\u0000"}', content_type="application/json")
    _through_middleware(request, view)

    assert seen["body"] == b'{"a": "\\u0000"}'


def test_csrf_is_still_checked_and_a_valid_token_still_passes(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    url = reverse("notifications")

    refused = client.post(url, {"meeting": "on"})
    client.get(url)
    accepted = client.post(url, {"meeting": "on\x00",
                                 "csrfmiddlewaretoken": client.cookies["csrftoken"].value})

    assert refused.status_code == 403
    assert accepted.status_code == 302


def test_uploaded_document_keeps_its_name_without_control_characters(client, reader):
    client.force_login(reader)

    response = client.post(reverse("knowledge:document_create"), {
        "title": "Muster\x00dienstanweisung", "description": "Zum\x07 Anpassen.",
        "reuse_note": "CC BY 4.0", "visibility": Visibility.INTERNAL,
        "file": SimpleUploadedFile("An\u202eweisung\x01.pdf", PDF_BYTES)})

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.description, document.filename) == (
        "Musterdienstanweisung", "Zum Anpassen.", "Anweisung.pdf")


# --- Integer parameters -----------------------------------------------------------------

@hypothesis.settings(max_examples=300, database=None, deadline=None)
@hypothesis.given(st.dictionaries(st.text(), st.lists(st.text(), max_size=3), max_size=5),
                  st.text())
def test_no_control_or_bidi_character_reaches_a_view(data, file_name):
    seen = {}

    def view(request):
        seen["get"] = [(k, v) for k, values in request.GET.lists() for v in values]
        seen["post"] = [(k, v) for k, values in request.POST.lists() for v in values]
        seen["files"] = [f.name for f in request.FILES.getlist("datei")]
        return HttpResponse()

    request = RequestFactory().post("/?" + urlencode(data, doseq=True), {
        **data, "datei": SimpleUploadedFile(f"a{file_name}.pdf".replace("/", ""), b"x")})
    _through_middleware(request, view)

    texts = [text for pairs in (seen["get"], seen["post"]) for pair in pairs for text in pair]
    assert not any(UNSAFE_CHARACTERS.search(text) for text in [*texts, *seen["files"]])


@hypothesis.settings(max_examples=500, database=None)
@hypothesis.given(st.one_of(st.text(), st.integers(), st.lists(st.text(max_size=5))))
def test_int_param_never_fails_and_returns_only_ascii_numbers(value):
    number = int_param(value)

    text = value[-1] if isinstance(value, list) and value else value
    if number is not None:
        assert 0 <= number <= 2**63 - 1
        assert text == number or re.fullmatch(r"-?[0-9]+", text)


class _Probe(Form):
    line = forms.CharField(required=False)
    lines = forms.CharField(required=False, widget=forms.Textarea)
    number = forms.IntegerField(required=False)


@hypothesis.settings(max_examples=300, database=None)
@hypothesis.given(st.text(), st.text())
def test_single_line_fields_refuse_exactly_line_breaks(line, lines):
    line, lines = strip_unsafe(line), strip_unsafe(lines)  # as the middleware hands them on
    form = _Probe({"line": line, "lines": lines})

    form.is_valid()

    assert ("line" in form.errors) == has_line_break(line.strip())
    assert "lines" not in form.errors


@pytest.mark.parametrize(("value", "expected"), [
    ("7", 7), ("007", 7), ("0", 0), (7, 7), (["3", "8"], 8), (str(2**63 - 1), 2**63 - 1),
    ("²", None), ("７", None), ("٣", None), ("-1", None), (" 7", None), ("7 ", None),
    ("1_0", None), ("+7", None), ("7.0", None), ("", None), (None, None), ([], None),
    ("[]", None), ("{}", None), (True, None), ("99999999999999999999", None),
    (str(2**63), None),
])
def test_int_param_accepts_only_ascii_digits_within_the_range(value, expected):
    assert int_param(value) == expected


def test_int_param_bounds():
    assert int_param("-5", minimum=-10) == -5
    assert int_param("11", maximum=10) is None
    assert int_param("0", minimum=1) is None


@pytest.mark.parametrize("value", ["²", "７", "٣", "-1", "99999999999999999999", "%00"])
def test_unicode_digits_in_the_copy_from_parameter_of_a_new_meeting(client, coordinator,
                                                                    value):
    client.force_login(coordinator)

    response = client.get(f"/sitzungen/neu/?von={value}")

    assert response.status_code == 200
    assert "Tagesordnungspunkte übernehmen" not in response.content.decode()


def test_copy_from_parameter_still_offers_the_agenda_of_a_meeting(client, coordinator,
                                                                  administration):
    meeting = make_meeting(make_group(administration))
    meeting.agenda_items.create(order=1, title="Bericht der Arbeitsgruppen")
    client.force_login(coordinator)

    page = client.get(f"/sitzungen/neu/?von={meeting.pk}").content.decode()

    assert "Tagesordnungspunkte übernehmen" in page and "Bericht der Arbeitsgruppen" in page


@pytest.mark.parametrize("value", ["²", "７", "-1", "99999999999999999999", "[]"])
def test_unicode_digits_in_the_compared_revision(client, reader, value):
    article = article_make(author=reader, title="E-Akte einführen")
    knowledge_services.article_update(article=article, user=reader, expected_revision=1,
                                      body="Zweite Fassung.")
    client.force_login(reader)

    response = client.get(reverse("knowledge:revision_detail", args=[article.slug, 2])
                          + f"?gegen={value}")

    assert response.status_code == 200
    assert "Zweite Fassung." in response.content.decode()


@pytest.mark.parametrize("query", ["artikel=%00", "sitzung=%C2%B2", "sitzung=99999999999999999999",
                                   "projekt=%E2%80%AE", "artikel=%FF"])
def test_odd_link_targets_on_the_document_upload_page(client, reader, query):
    client.force_login(reader)

    response = client.get(f"/wissen/dokumente/neu/?{query}")

    assert response.status_code == 200


@pytest.mark.parametrize("value", ["²", "７", "٣", "-1", "99999999999999999999"])
def test_ozg_search_treats_unicode_digits_as_text(client, reader, value):
    client.force_login(reader)

    response = client.get(reverse("projects:ozg") + f"?q={value}")

    assert response.status_code == 200


def test_ozg_search_finds_a_service_by_its_number(client, reader):
    from projects.models import OzgThemenfeld

    field = OzgThemenfeld.objects.create(number=1, name="Arbeit & Ruhestand")
    OzgService.objects.create(ozg_id=10001, name="Arbeitslosengeld", themenfeld=field)
    client.force_login(reader)

    page = client.get(reverse("projects:ozg") + "?q=10001").content.decode()

    assert "Arbeitslosengeld" in page


@pytest.mark.parametrize("value", ["²", "７", "-1", "99999999999999999999", "[]"])
def test_unicode_digits_as_working_group_of_a_joint_project(client, coordinator,
                                                           administration, value):
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_create"), {
        "title": "Baulastenakten digitalisieren", "lead": administration.pk,
        "working_group": value, "stage": "idea"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bitte eine gültige Auswahl treffen" in page
    assert 'value="Baulastenakten digitalisieren"' in page


# --- Single-line fields -------------------------------------------------------------------

def test_line_break_in_a_single_line_field_is_refused_in_german_and_kept(client, editor,
                                                                        administration):
    client.force_login(editor)

    response = client.post(reverse("members:contact_create", args=[administration.slug]), {
        "name": "Erika\nMustermann", "function": "it_leitung", "email": "erika@example.org",
        "order": "0"})

    assert response.status_code == 200
    page = response.content.decode()
    assert str(LINE_BREAK_ERROR) in page
    assert 'value="Erika\nMustermann"' in page
    assert not ContactPerson.objects.exists()


def test_line_breaks_in_a_multi_line_field_are_kept(client, editor, administration):
    client.force_login(editor)

    response = client.post(reverse("members:edit", args=[administration.slug]), {
        "short_name": "MYK", "seat": "Koblenz", "address": "Bahnhofstraße 9\r\n56068 Koblenz",
        "website": "", "population": "214000", "area_km2": "817.80"})

    assert response.status_code == 302
    administration.refresh_from_db()
    assert administration.address == "Bahnhofstraße 9\r\n56068 Koblenz"


def test_line_break_is_refused_in_the_django_admin_too(client, admin_user):
    client.force_login(admin_user)

    response = client.post(reverse("admin:members_profilequestion_add"), {
        "text": "Was ist Ihnen\nwichtig?", "help_text": "", "order": "1", "is_active": "on"})

    assert response.status_code == 200
    assert str(LINE_BREAK_ERROR) in response.content.decode()
    assert not ProfileQuestion.objects.exists()


def _project_modules():
    for package_name in PROJECT_PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if not info.name.startswith(NOT_IMPORTED):
                yield importlib.import_module(info.name)


def _subclasses(base):
    for cls in base.__subclasses__():
        yield cls
        yield from _subclasses(cls)


def _defined_in_project(cls) -> bool:
    return cls.__module__.split(".")[0] in PROJECT_PACKAGES


def test_every_form_class_of_the_project_follows_the_input_rules():
    modules = list(_project_modules())
    form_classes = {cls for cls in _subclasses(forms.BaseForm) if _defined_in_project(cls)}

    assert len(modules) > 50 and len(form_classes) > 25  # the discovery found the project
    assert sorted(c.__qualname__ for c in form_classes
                  if not issubclass(c, InputRulesMixin)) == []


def test_every_filter_form_of_the_project_follows_the_input_rules():
    list(_project_modules())
    filtersets = {cls for cls in _subclasses(django_filters.FilterSet)
                  if _defined_in_project(cls)}

    assert len(filtersets) >= 5
    assert sorted(f.__qualname__ for f in filtersets
                  if not isinstance(f().form, InputRulesMixin)) == []


def test_every_admin_form_of_the_project_follows_the_input_rules(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    offending = []
    registered = [(model, model_admin) for model, model_admin in admin.site._registry.items()
                  if _defined_in_project(model)]
    for model, model_admin in registered:
        obj = model.objects.first()
        forms_used = [("form", model_admin.get_form(request, obj)),
                      ("list_editable", model_admin.get_changelist_form(request))]
        forms_used += [(f"inline {inline.model.__name__}", inline.get_formset(request).form)
                       for inline in model_admin.get_inline_instances(request)]
        offending += [f"{model.__name__}: {where}" for where, form in forms_used
                      if not issubclass(form, InputRulesMixin)]

    assert len(registered) > 20
    assert offending == []


# --- Hidden fields --------------------------------------------------------------------------

@pytest.mark.parametrize("revision", ["abc", "", "-1", "²", "99999999999999999999"])
def test_tampered_revision_of_the_article_editor_shows_a_german_error(client, reader,
                                                                     revision):
    article = article_make(author=reader, title="E-Akte einführen", body="Erste Fassung.")
    client.force_login(reader)

    response = client.post(reverse("knowledge:article_edit", args=[article.slug]), {
        "title": "E-Akte einführen", "summary": "Kurz.", "body": "Meine Fassung.",
        "category": article.category_id, "visibility": article.visibility, "tags": "",
        "revision": revision, "message": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert str(HIDDEN_FIELD_ERROR) in page
    assert "Meine Fassung." in page
    assert Article.objects.get().body == "Erste Fassung."


def test_the_current_revision_still_saves(client, reader):
    article = article_make(author=reader, title="E-Akte einführen", category=CategoryFactory())
    client.force_login(reader)

    response = client.post(reverse("knowledge:article_edit", args=[article.slug]), {
        "title": "E-Akte einführen", "summary": "Kurz.", "body": "Meine Fassung.",
        "category": article.category_id, "visibility": article.visibility, "tags": "",
        "revision": "1", "message": ""})

    assert response.status_code == 302
    assert Article.objects.get().body == "Meine Fassung."


# --- Area and population ------------------------------------------------------------------

@pytest.mark.parametrize(("field", "value", "error"), [
    ("area_km2", "-0.01", "Die Fläche kann nicht negativ sein."),
    ("population", "-1", "Dieser Wert muss größer oder gleich 0 sein."),
    ("population", "99999999999999999999", "Dieser Wert muss kleiner oder gleich 2147483647 sein."),
])
def test_negative_area_and_population_are_refused_in_german(client, editor, administration,
                                                           field, value, error):
    client.force_login(editor)
    data = {"short_name": "MYK", "seat": "Koblenz", "address": "", "website": "",
            "population": "214000", "area_km2": "817.80", field: value}

    response = client.post(reverse("members:edit", args=[administration.slug]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert error in page and f'value="{value}"' in page


@pytest.mark.parametrize(("field", "value"), [("area_km2", Decimal("-1")), ("population", -1)])
def test_the_database_refuses_negative_area_and_population(administration, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Administration.objects.filter(pk=administration.pk).update(**{field: value})


@pytest.mark.django_db(transaction=True)
def test_migration_clears_negative_areas_before_adding_the_constraint():
    executor = MigrationExecutor(connection)
    before = [("members", "0003_user_calendar_token_user_muted_reminders")]
    after = [("members", "0004_administration_area_not_negative")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldAdministration = old_apps.get_model("members", "Administration")
    OldAdministration.objects.create(name="Negativ", slug="negativ", kind="landkreis",
                                     federal_state="07", area_km2=Decimal("-5.00"))
    OldAdministration.objects.create(name="Positiv", slug="positiv", kind="landkreis",
                                     federal_state="07", area_km2=Decimal("5.00"))
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
    finally:
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert dict(Administration.objects.values_list("slug", "area_km2")) == {
        "negativ": None, "positiv": Decimal("5.00")}


# --- Importers ------------------------------------------------------------------------------

KREISE_HEADER = ["kreis_schluessel", "name", "typ", "sitz", "land_schluessel", "einwohner",
                 "flaeche_km2"]


def _kreise_csv(*rows) -> io.StringIO:
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(KREISE_HEADER)
    writer.writerows(rows)
    handle.seek(0)
    return handle


def test_administration_import_drops_control_and_bidi_characters():
    report = administrations_import_csv(source=_kreise_csv(
        ["07137", "Mayen-\x07Koblenz\u202e", "Landkreis", "Koblenz\x00", "07", "214000",
         "817.80"]))

    assert report.rejected == []
    assert list(Administration.objects.values_list("name", "seat")) == [
        ("Landkreis Mayen-Koblenz", "Koblenz")]


def test_administration_import_refuses_line_breaks_in_names():
    report = administrations_import_csv(source=_kreise_csv(
        ["07137", "Mayen-\nKoblenz", "Landkreis", "Koblenz", "07", "214000", "817.80"]))

    assert report.rejected == [RowError(3, "Name und Sitz dürfen keinen Zeilenumbruch enthalten.")]
    assert not Administration.objects.exists()


@pytest.mark.parametrize("population", ["²", "７", "-1", "99999999999999999999"])
def test_administration_import_refuses_unicode_digits_as_population(population):
    report = administrations_import_csv(source=_kreise_csv(
        ["07137", "Mayen-Koblenz", "Landkreis", "Koblenz", "07", population, "817.80"]))

    assert report.rejected == [RowError(2, f"Die Einwohnerzahl „{population}“ ist keine ganze "
                                           "Zahl ab 0.")]


def _ozg_files(directory, service_name: str) -> None:
    files = {
        "ozg_themenfelder.csv": [["themenfeld_id", "name"], ["1", "Arbeit & Ruhestand\x00"]],
        "ozg_lebenslagen.csv": [["lebenslage_id", "name", "themenfeld_id"],
                                ["1", "Arbeitslosigkeit", "1"]],
        "ozg_leistungen.csv": [["ozg_id", "name", "themenfeld_id", "lebenslage_id"],
                               ["10001", service_name, "1", "1"]],
    }
    for name, rows in files.items():
        with open(directory / name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)


def test_ozg_import_drops_control_characters_and_refuses_line_breaks(tmp_path):
    _ozg_files(tmp_path, "Arbeitslosen\u202egeld\x07")
    report = ozg_catalogue_import(directory=tmp_path)
    assert report.rejected == []
    assert list(OzgService.objects.values_list("name", "themenfeld__name")) == [
        ("Arbeitslosengeld", "Arbeit & Ruhestand")]

    _ozg_files(tmp_path, "Arbeitslosen\ngeld")
    report = ozg_catalogue_import(directory=tmp_path)
    assert [error.reason for error in report.rejected] == [
        "Der Name darf keinen Zeilenumbruch enthalten."]


def test_status_typed_with_control_characters_survives_an_xlsx_round_trip(
        client, editor, coordinator, administration):
    """openpyxl drops control characters when it writes a workbook; since none reach the
    database, exporting and importing again changes nothing."""
    topic = make_topic()
    client.force_login(editor)
    response = client.post(
        reverse("projects:status_edit_topic", args=[administration.slug, topic.slug]),
        {"version": "0", "stage": "3", "product": "en\x0baio\u202e", "department": "Haupt\x1bamt",
         "note": "Pilot\x07 im Bauamt\r\nzweite Zeile", "since": "", "contact": ""})
    assert response.status_code == 302
    status = Status.objects.get()
    assert (status.product, status.department, status.note) == (
        "enaio", "Hauptamt", "Pilot im Bauamt\r\nzweite Zeile")
    client.force_login(coordinator)
    exported = b"".join(client.get(reverse("projects:export_statuses_xlsx")).streaming_content)

    response = client.post(reverse("projects:import"), {
        "file": SimpleUploadedFile("sachstaende.xlsx", exported)})

    assert "0 neu angelegt, 0 geändert, 1 unverändert." in response.content.decode()


@pytest.mark.parametrize("value", ["a\x00b@example.org", "\u202eadmin@example.org", "²",
                                   "x" * 10_000, "a@example.org\r\nBcc: b@example.org"])
@pytest.mark.parametrize(("url_name", "field"), [("account_login", "login"),
                                                 ("account_reset_password", "email")])
def test_account_forms_answer_hostile_input_in_german(client, url_name, field, value):
    response = client.post(reverse(url_name), {field: value, "password": "x" * 12})

    assert response.status_code in (200, 302)
    page = response.content.decode()
    assert "Enter a valid" not in page and "This field" not in page
