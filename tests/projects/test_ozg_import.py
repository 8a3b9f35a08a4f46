"""The import of the OZG catalogue (import_ozg) and the summary rebuild command."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.tabular import RowError
from projects.catalogue.ozg_import import ozg_catalogue_import
from projects.enums import Stage
from projects.models import OzgLebenslage, OzgService, OzgThemenfeld, StageCount
from projects.statuses.services import status_save
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

THEMENFELDER = ["themenfeld_id,name", "6,Familie & Kind", "9,Mobilität & Reisen"]
LEBENSLAGEN = ["lebenslage_id,name,themenfeld_id,themenfeld", "26,Geburt,6,Familie & Kind",
               "38,Mobilität,9,Mobilität & Reisen"]
LEISTUNGEN_HEADER = ("ozg_id,name,lebenslage_id,lebenslage,themenfeld_id,themenfeld,"
                     "anzahl_leika_leistungen")
LEISTUNGEN = [LEISTUNGEN_HEADER, "10000,Elterngeld,26,Geburt,6,Familie & Kind,4",
              "10169,Führerschein,38,Mobilität,9,Mobilität & Reisen,38",
              "10439,Kraftfahrzeugzulassung,38,Mobilität,9,Mobilität & Reisen,61"]


def write_catalogue(directory, themenfelder=THEMENFELDER, lebenslagen=LEBENSLAGEN,
                    leistungen=LEISTUNGEN):
    directory.mkdir(exist_ok=True)
    for name, lines in (("ozg_themenfelder.csv", themenfelder),
                        ("ozg_lebenslagen.csv", lebenslagen),
                        ("ozg_leistungen.csv", leistungen)):
        (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def run(*args):
    out = StringIO()
    call_command("import_ozg", *args, stdout=out)
    return out.getvalue()


def catalogue():
    return (list(OzgThemenfeld.objects.order_by("number").values()),
            list(OzgLebenslage.objects.order_by("number").values()),
            list(OzgService.objects.order_by("ozg_id").values()))


def test_import_ozg_loads_the_whole_reference_catalogue():
    output = run()

    assert OzgThemenfeld.objects.count() == 14
    assert OzgLebenslage.objects.count() == 55
    assert OzgService.objects.count() == 557
    assert "ozg_leistungen.csv: 557 Zeilen gelesen." in output
    assert "OZG-Leistungen: 500 von 557 geprüft." in output
    assert "  OZG-Themenfelder: 14 angelegt, 0 aktualisiert, 0 unverändert" in output
    assert "  OZG-Lebenslagen: 55 angelegt, 0 aktualisiert, 0 unverändert" in output
    assert "  OZG-Leistungen: 557 angelegt, 0 aktualisiert, 0 unverändert" in output
    assert "  Abgelehnt: 0 Zeilen" in output
    elterngeld = OzgService.objects.get(ozg_id=10000)
    assert (elterngeld.name, elterngeld.themenfeld.name, elterngeld.lebenslage.name,
            elterngeld.leika_count) == ("Elterngeld", "Familie & Kind", "Geburt", 4)
    assert OzgThemenfeld.objects.get(number=14).name == "Unternehmensführung & -entwicklung"
    assert set(OzgService.objects.values_list("ozg_id", flat=True)) <= set(range(10000, 10602))


def test_import_ozg_twice_writes_nothing_the_second_time():
    run()
    before = catalogue()

    with CaptureQueriesContext(connection) as queries:
        output = run()

    assert catalogue() == before
    assert "  OZG-Leistungen: 0 angelegt, 0 aktualisiert, 557 unverändert" in output
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []


def test_import_ozg_updates_changed_rows_by_their_key(tmp_path):
    run("--source", str(write_catalogue(tmp_path / "v1")))
    first_pk = OzgService.objects.get(ozg_id=10169).pk
    renamed = [*LEISTUNGEN[:2], "10169,Fahrerlaubnis,38,Mobilität,9,Mobilität & Reisen,40",
               LEISTUNGEN[3], ",".join(["10001", "Vaterschaftsanerkennung", "", "", "6",
                                        "Familie & Kind", "4"])]

    output = run("--source", str(write_catalogue(tmp_path / "v2", leistungen=renamed)))

    assert "  OZG-Leistungen: 1 angelegt, 1 aktualisiert, 2 unverändert" in output
    assert "  OZG-Themenfelder: 0 angelegt, 0 aktualisiert, 2 unverändert" in output
    service = OzgService.objects.get(ozg_id=10169)
    assert (service.pk, service.name, service.leika_count) == (first_pk, "Fahrerlaubnis", 40)
    assert OzgService.objects.get(ozg_id=10001).lebenslage is None


def test_import_ozg_keeps_services_the_file_no_longer_lists(tmp_path):
    run("--source", str(write_catalogue(tmp_path / "v1")))

    output = run("--source", str(write_catalogue(tmp_path / "v2", leistungen=LEISTUNGEN[:3])))

    assert OzgService.objects.filter(ozg_id=10439).exists()
    assert ("1 OZG-Leistung der Datenbank steht nicht in der Datei; sie bleibt erhalten."
            in output)


def test_import_ozg_rejects_bad_rows_and_writes_nothing(tmp_path):
    run("--source", str(write_catalogue(tmp_path / "v1")))
    before = catalogue()
    bad = [LEISTUNGEN_HEADER,
           "10000,Elterngeld Plus,26,Geburt,6,Familie & Kind,4",
           "1OOOO,Tippfehler,26,Geburt,6,Familie & Kind,1",
           "10169,Führerschein,99,Unbekannt,9,Mobilität & Reisen,38",
           "10439,Kraftfahrzeugzulassung,26,Geburt,9,Mobilität & Reisen,61",
           "10000,Elterngeld doppelt,26,Geburt,6,Familie & Kind,4",
           ",,26,Geburt,6,Familie & Kind,4"]

    with pytest.raises(CommandError) as error:
        run("--source", str(write_catalogue(tmp_path / "v2", leistungen=bad)))

    message = str(error.value)
    assert message.splitlines() == [
        "5 Zeilen abgelehnt, darum wurde nichts gespeichert:",
        "ozg_leistungen.csv, Zeile 3: Die OZG-ID „1OOOO“ ist keine ganze Zahl von 0 bis "
        "2147483647.",
        "ozg_leistungen.csv, Zeile 4: Die Lebenslage 99 steht nicht in ozg_lebenslagen.csv.",
        "ozg_leistungen.csv, Zeile 5: Die Lebenslage 26 gehört zum Themenfeld 6, nicht zu 9.",
        "ozg_leistungen.csv, Zeile 6: Die OZG-ID 10000 steht schon in Zeile 2.",
        "ozg_leistungen.csv, Zeile 7: Die OZG-ID „“ ist keine ganze Zahl von 0 bis "
        "2147483647. Der Name fehlt.",
    ]
    assert catalogue() == before


def test_import_ozg_checks_references_and_names_across_files(tmp_path):
    lebenslagen = [LEBENSLAGEN[0], "26,Geburt,6,Familie und Kind", "38,Mobilität,7,Forschung"]

    with pytest.raises(CommandError) as error:
        run("--source", str(write_catalogue(tmp_path, lebenslagen=lebenslagen)))

    lines = str(error.value).splitlines()
    assert lines[1] == ("ozg_lebenslagen.csv, Zeile 2: Die Spalte themenfeld („Familie und "
                        "Kind“) passt nicht zu „Familie & Kind“.")
    assert lines[2] == ("ozg_lebenslagen.csv, Zeile 3: Das Themenfeld 7 steht nicht in "
                        "ozg_themenfelder.csv.")
    # Services referring to a rejected Lebenslage are rejected too.
    assert lines[3] == ("ozg_leistungen.csv, Zeile 2: Die Lebenslage 26 ist in "
                        "ozg_lebenslagen.csv fehlerhaft.")
    assert len(lines) == 6
    assert OzgService.objects.count() == 0


def test_import_ozg_refuses_a_file_without_a_required_column(tmp_path):
    leistungen = ["ozg_id,name,themenfeld_id", "10000,Elterngeld,6"]

    with pytest.raises(CommandError, match="In ozg_leistungen.csv fehlt die Spalte "
                                           "lebenslage_id."):
        run("--source", str(write_catalogue(tmp_path, leistungen=leistungen)))

    assert OzgThemenfeld.objects.count() == 0


def test_import_ozg_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="ozg_themenfelder.csv fehlt"):
        run("--source", str(tmp_path))


def test_import_ozg_dry_run_saves_nothing(tmp_path):
    output = run("--source", str(write_catalogue(tmp_path)), "--dry-run")

    assert "Probelauf, nichts gespeichert. Ergebnis wäre:" in output
    assert "  OZG-Leistungen: 3 angelegt, 0 aktualisiert, 0 unverändert" in output
    assert OzgThemenfeld.objects.count() == 0


def test_import_function_reports_rejections_without_raising(tmp_path):
    leistungen = [LEISTUNGEN_HEADER, "10000,Elterngeld,26,Geburt,6,Familie & Kind,-1"]

    report = ozg_catalogue_import(directory=write_catalogue(tmp_path, leistungen=leistungen))

    assert report.rejected == [RowError(2, "Die Zahl der LeiKa-Leistungen „-1“ ist keine ganze "
                                        "Zahl von 0 bis 32767.", source="ozg_leistungen.csv")]
    assert OzgService.objects.count() == 0


def test_rebuild_project_summaries_recounts_and_reports(administration, coordinator):
    topic = make_topic()
    status_save(administration=administration, topic=topic, by=coordinator,
                fields={"stage": Stage.PILOT})
    StageCount.objects.all().delete()
    out = StringIO()

    call_command("rebuild_project_summaries", stdout=out)

    assert StageCount.objects.get(scope="topic", scope_id=topic.pk, stage=Stage.PILOT).count == 1
    assert StageCount.objects.get(scope="network_topics", stage=Stage.PILOT).count == 1
    assert out.getvalue().startswith(
        "Übersichten neu gezählt: 1 Sachstände (1 zu Themen, 0 zu OZG-Leistungen), 3 "
        "Zählungen nach Stand, 0 Zählungen nach Reifegrad.")
