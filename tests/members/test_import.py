"""The import of administrations from Destatis CSV files (import_administrations)."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members import demo
from members.enums import AdministrationKind
from members.importing import administrations_import_csv
from members.models import Administration
from tests.factories import AdministrationFactory

pytestmark = pytest.mark.django_db

REFERENCE_KREISE = Path(demo.__file__).parent / "data" / "kreise_rlp_plus_coesfeld_neuss.csv"
KREISE_HEADER = (
    "kreis_schluessel,name,typ,sitz,land_schluessel,land,einwohner,flaeche_km2,"
    "anzahl_gemeinden,stand"
)
GV_HEADER = (
    "rs_gemeindeverband,name,typ,sitz,kreis_schluessel,kreis,einwohner,flaeche_km2,"
    "anzahl_gemeinden,stand"
)
GEMEINDEN_HEADER = (
    "ars,ags,name,typ,einwohner,flaeche_km2,plz,plz_eindeutig,gemeindeverband_rs,"
    "gemeindeverband,gemeindeverband_typ,kreis_schluessel,kreis,land,stand"
)
MAYEN_KOBLENZ = (
    "07137,Mayen-Koblenz,Landkreis,Koblenz,07,Rheinland-Pfalz,218210,817.67,87,2023-11-30"
)
KOBLENZ = (
    '07111,"Koblenz, kreisfreie Stadt",Kreisfreie Stadt,Koblenz,07,Rheinland-Pfalz,'
    "115268,105.25,1,2023-11-30"
)
COESFELD = "05558,Coesfeld,Kreis,Coesfeld,05,Nordrhein-Westfalen,224692,1112.03,11,2023-11-30"
KREISE_ROWS = [MAYEN_KOBLENZ, KOBLENZ, COESFELD]


def write_csv(tmp_path, header, rows, name="import.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run_import(path, *args):
    out = StringIO()
    call_command("import_administrations", str(path), *args, stdout=out)
    return out.getvalue()


def snapshot():
    return list(Administration.objects.order_by("regional_key").values())


def test_import_kreise_creates_administrations_with_their_facts(tmp_path):
    output = run_import(write_csv(tmp_path, KREISE_HEADER, KREISE_ROWS))

    assert "Kreise importiert: 3 angelegt, 0 aktualisiert, 0 unverändert." in output
    myk = Administration.objects.get(regional_key="07137")
    assert myk.name == "Landkreis Mayen-Koblenz"
    assert myk.kind == AdministrationKind.LANDKREIS
    assert myk.federal_state == "07"
    assert myk.population == 218210
    assert myk.area_km2 == Decimal("817.67")
    assert myk.seat == "Koblenz"
    assert myk.slug == "landkreis-mayen-koblenz"
    assert myk.parent is None
    koblenz = Administration.objects.get(regional_key="07111")
    assert koblenz.name == "Koblenz, kreisfreie Stadt"
    assert koblenz.kind == AdministrationKind.KREISFREIE_STADT
    assert koblenz.slug == "koblenz-kreisfreie-stadt"
    coesfeld = Administration.objects.get(regional_key="05558")
    assert coesfeld.name == "Kreis Coesfeld"
    assert coesfeld.kind == AdministrationKind.LANDKREIS
    assert coesfeld.federal_state == "05"
    assert coesfeld.area_km2 == Decimal("1112.03")


def test_import_same_file_twice_changes_nothing(tmp_path):
    path = write_csv(tmp_path, KREISE_HEADER, KREISE_ROWS)
    run_import(path)
    before = snapshot()

    output = run_import(path)

    assert "Kreise importiert: 0 angelegt, 0 aktualisiert, 3 unverändert." in output
    assert snapshot() == before


def test_import_updates_existing_administration_by_key(tmp_path):
    existing = AdministrationFactory(
        regional_key="07137", name="MYK (alt)", slug="myk", short_name="MYK",
        kind=AdministrationKind.SONSTIGE, population=1, area_km2=None, seat="",
        website="https://www.kvmyk.de",
    )

    output = run_import(write_csv(tmp_path, KREISE_HEADER, [MAYEN_KOBLENZ]), "--verbosity", "2")

    assert "0 angelegt, 1 aktualisiert, 0 unverändert" in output
    assert "Aktualisiert:\n  Landkreis Mayen-Koblenz (07137)" in output
    assert Administration.objects.filter(regional_key="07137").count() == 1
    existing.refresh_from_db()
    assert existing.name == "Landkreis Mayen-Koblenz"
    assert existing.kind == AdministrationKind.LANDKREIS
    assert existing.population == 218210
    assert existing.area_km2 == Decimal("817.67")
    assert existing.seat == "Koblenz"
    # Links and facts the file does not know stay as they were.
    assert existing.slug == "myk"
    assert existing.short_name == "MYK"
    assert existing.website == "https://www.kvmyk.de"


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("0713X,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Regionalschlüssel „0713X“: Der Regionalschlüssel darf nur Ziffern enthalten."),
        ("0713,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Regionalschlüssel „0713“: Der Regionalschlüssel hat 5 Ziffern (Kreis oder "
         "kreisfreie Stadt), 9 (Gemeindeverband/Verbandsgemeinde) oder 12 (Gemeinde), "
         "nicht 4."),
        ("05138,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Der Regionalschlüssel beginnt mit 05, passt also nicht zum Bundesland "
         "Rheinland-Pfalz (07)."),
        ("071380000,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "In einer Datei der Kreise hat der Regionalschlüssel 5 Ziffern; „071380000“ hat 9."),
        ("07138,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,viele,627.06,61,2023-11-30",
         "Die Einwohnerzahl „viele“ ist keine ganze Zahl ab 0."),
        ("07138,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,\"627,06\",61,2023-11-30",
         "Die Fläche „627,06“ ist keine Zahl von 0 bis 999999.99 (Dezimalpunkt, z. B. 576.61)."),
        ("07１38,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Regionalschlüssel „07１38“: nur die Ziffern 0 bis 9 sind erlaubt."),
        ("07138,,Landkreis,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Der Name fehlt."),
        ("07138,Neuwied,Bezirk,Neuwied,07,Rheinland-Pfalz,180000,627.06,61,2023-11-30",
         "Unbekannter Typ „Bezirk“; erwartet: Landkreis, Kreis, Regionalverband, "
         "Kreisfreie Stadt, Stadtkreis."),
    ],
)
def test_import_one_bad_row_writes_nothing(tmp_path, bad_row, reason):
    AdministrationFactory(regional_key="07137", name="MYK (alt)", population=1)
    before = snapshot()
    path = write_csv(tmp_path, KREISE_HEADER, [MAYEN_KOBLENZ, bad_row, COESFELD])

    with pytest.raises(CommandError) as error:
        run_import(path)

    assert str(error.value) == (
        f"1 Zeile abgelehnt, darum wurde nichts gespeichert:\nZeile 3: {reason}"
    )
    assert snapshot() == before


def test_import_lists_every_rejected_line(tmp_path):
    rows = [
        MAYEN_KOBLENZ.replace("218210", "-5"),
        KOBLENZ,
        COESFELD.replace("05558", "5558X"),
    ]

    with pytest.raises(CommandError) as error:
        run_import(write_csv(tmp_path, KREISE_HEADER, rows))

    message = str(error.value)
    assert message.startswith("2 Zeilen abgelehnt, darum wurde nichts gespeichert:\n")
    assert "Zeile 2: Die Einwohnerzahl „-5“ ist keine ganze Zahl ab 0." in message
    assert "Zeile 4: Regionalschlüssel „5558X“:" in message
    assert "Zeile 3" not in message
    assert Administration.objects.count() == 0


def test_import_duplicate_key_in_file_is_rejected(tmp_path):
    path = write_csv(tmp_path, KREISE_HEADER, [MAYEN_KOBLENZ, KOBLENZ, MAYEN_KOBLENZ])

    with pytest.raises(CommandError) as error:
        run_import(path)

    assert str(error.value) == (
        "1 Zeile abgelehnt, darum wurde nichts gespeichert:\n"
        "Zeile 4: Der Regionalschlüssel 07137 steht schon in Zeile 2."
    )
    assert Administration.objects.count() == 0


def test_import_dry_run_writes_nothing(tmp_path):
    AdministrationFactory(regional_key="07137", name="MYK (alt)", population=1)
    before = snapshot()

    output = run_import(write_csv(tmp_path, KREISE_HEADER, KREISE_ROWS), "--dry-run")

    assert output.strip() == (
        "Probelauf (Kreise), nichts gespeichert. "
        "Ergebnis wäre: 2 angelegt, 1 aktualisiert, 0 unverändert."
    )
    assert snapshot() == before


def test_import_gemeindeverbaende_links_their_kreis(tmp_path):
    ahrweiler = AdministrationFactory(regional_key="07131", name="Landkreis Ahrweiler")
    rows = [
        "071315001,Adenau,Verbandsgemeinde,Adenau,07131,Ahrweiler,12951,257.74,37,2023-11-30",
        '071310077,"Sinzig, Stadt",Verbandsfreie Gemeinde,,07131,Ahrweiler,17437,41.10,1,'
        "2023-11-30",
        "071310090,Grafschaft,Verbandsfreie Gemeinde,,07131,Ahrweiler,10998,57.60,1,2023-11-30",
        '071110000,"Koblenz, Stadt",Verbandsfreie Gemeinde,,07111,"Koblenz, kreisfreie Stadt",'
        "115268,105.25,1,2023-11-30",
    ]

    output = run_import(write_csv(tmp_path, GV_HEADER, rows))

    assert "Gemeindeverbände importiert: 4 angelegt, 0 aktualisiert, 0 unverändert." in output
    assert "1 Verwaltung bleibt ohne übergeordnete Verwaltung" in output
    adenau = Administration.objects.get(regional_key="071315001")
    assert (adenau.name, adenau.kind, adenau.seat, adenau.parent) == (
        "Verbandsgemeinde Adenau", AdministrationKind.VERBANDSGEMEINDE, "Adenau", ahrweiler)
    sinzig = Administration.objects.get(regional_key="071310077")
    assert (sinzig.name, sinzig.kind, sinzig.parent) == (
        "Stadt Sinzig", AdministrationKind.STADT, ahrweiler)
    grafschaft = Administration.objects.get(regional_key="071310090")
    assert (grafschaft.name, grafschaft.kind, grafschaft.parent) == (
        "Grafschaft", AdministrationKind.GEMEINDE, ahrweiler)
    koblenz = Administration.objects.get(regional_key="071110000")
    assert (koblenz.name, koblenz.kind, koblenz.parent) == (
        "Stadt Koblenz", AdministrationKind.KREISFREIE_STADT, None)


def test_import_gemeindeverband_with_wrong_kreis_key_is_rejected(tmp_path):
    row = "071315001,Adenau,Verbandsgemeinde,Adenau,07137,Ahrweiler,12951,257.74,37,2023-11-30"

    with pytest.raises(CommandError) as error:
        run_import(write_csv(tmp_path, GV_HEADER, [row]))

    assert "Zeile 2: Der Kreisschlüssel „07137“ passt nicht zum Regionalschlüssel 071315001 " \
        "(erwartet 07131)." in str(error.value)


def test_import_gemeinden_link_gemeindeverband_else_kreis(tmp_path):
    ahrweiler = AdministrationFactory(regional_key="07131", name="Landkreis Ahrweiler")
    adenau_vg = AdministrationFactory(regional_key="071315001", name="Verbandsgemeinde Adenau")
    rows = [
        '071315001001,07131001,"Adenau, Stadt",Stadt,2956,18.56,53518,ja,071315001,Adenau,'
        "Verbandsgemeinde,07131,Ahrweiler,Rheinland-Pfalz,2023-11-30",
        "071315001004,07131004,Antweiler,Kreisangehörige Gemeinde,480,4.46,53533,nein,"
        "071315001,Adenau,Verbandsgemeinde,07131,Ahrweiler,Rheinland-Pfalz,2023-11-30",
        "071310090090,07131090,Grafschaft,Kreisangehörige Gemeinde,10998,57.60,53501,ja,"
        "071310090,Grafschaft,Verbandsfreie Gemeinde,07131,Ahrweiler,Rheinland-Pfalz,"
        "2023-11-30",
    ]

    output = run_import(write_csv(tmp_path, GEMEINDEN_HEADER, rows))

    assert "Gemeinden importiert: 3 angelegt, 0 aktualisiert, 0 unverändert." in output
    adenau = Administration.objects.get(regional_key="071315001001")
    assert (adenau.name, adenau.kind, adenau.parent) == (
        "Stadt Adenau", AdministrationKind.STADT, adenau_vg)
    antweiler = Administration.objects.get(regional_key="071315001004")
    assert (antweiler.kind, antweiler.parent, antweiler.population) == (
        AdministrationKind.GEMEINDE, adenau_vg, 480)
    grafschaft = Administration.objects.get(regional_key="071310090090")
    assert grafschaft.parent == ahrweiler


def test_import_gemeinde_in_wrong_state_is_rejected(tmp_path):
    row = (
        "071310090090,07131090,Grafschaft,Kreisangehörige Gemeinde,10998,57.60,53501,ja,"
        "071310090,Grafschaft,Verbandsfreie Gemeinde,07131,Ahrweiler,Hessen,2023-11-30"
    )

    with pytest.raises(CommandError) as error:
        run_import(write_csv(tmp_path, GEMEINDEN_HEADER, [row]))

    assert "Zeile 2: Der Regionalschlüssel beginnt mit 07, passt also nicht zum Bundesland " \
        "Hessen (06)." in str(error.value)


def test_import_taken_slug_gets_the_key_appended(tmp_path):
    AdministrationFactory(regional_key=None, slug="landkreis-mayen-koblenz")

    run_import(write_csv(tmp_path, KREISE_HEADER, [MAYEN_KOBLENZ]))

    assert Administration.objects.get(regional_key="07137").slug == (
        "landkreis-mayen-koblenz-07137"
    )


def test_import_verbosity_2_lists_created_names(tmp_path):
    output = run_import(write_csv(tmp_path, KREISE_HEADER, KREISE_ROWS), "--verbosity", "2")

    assert (
        "Angelegt:\n  Landkreis Mayen-Koblenz (07137)\n  Koblenz, kreisfreie Stadt (07111)\n"
        "  Kreis Coesfeld (05558)\n"
    ) in output


def test_import_function_reads_file_like_objects_and_reports():
    source = StringIO("\n".join([KREISE_HEADER, MAYEN_KOBLENZ, KOBLENZ]))

    report = administrations_import_csv(source=source, dry_run=False)

    assert report.created == ["Landkreis Mayen-Koblenz (07137)",
                              "Koblenz, kreisfreie Stadt (07111)"]
    assert (report.updated, report.unchanged, report.rejected) == ([], 0, [])
    assert Administration.objects.count() == 2


def test_import_unknown_header_is_refused(tmp_path):
    path = write_csv(tmp_path, "schluessel,name", ["07137,Mayen-Koblenz"])

    with pytest.raises(CommandError, match="Unbekanntes Dateiformat"):
        run_import(path)


def test_import_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="lässt sich nicht öffnen"):
        run_import(tmp_path / "fehlt.csv")


def test_import_reference_kreise_file_creates_38(tmp_path):
    output = run_import(REFERENCE_KREISE)

    assert "Kreise importiert: 38 angelegt, 0 aktualisiert, 0 unverändert." in output
    assert Administration.objects.count() == 38
    assert Administration.objects.filter(kind=AdministrationKind.KREISFREIE_STADT).count() == 12


def test_import_reference_kreise_file_leaves_demo_districts_unchanged():
    demo.load_districts()
    before = snapshot()

    output = run_import(REFERENCE_KREISE)

    assert "Kreise importiert: 28 angelegt, 0 aktualisiert, 10 unverändert." in output
    assert [row for row in snapshot() if row["regional_key"] in demo.DEMO_DISTRICTS] == before


def test_import_demo_gemeindeverbaende_file_agrees_with_demo_network():
    districts = demo.load_districts()
    demo.load_children(districts["07137"])
    before = snapshot()

    output = run_import(demo.GEMEINDEVERBAENDE_CSV)

    assert "Gemeindeverbände importiert: 0 angelegt, 0 aktualisiert, 6 unverändert." in output
    assert snapshot() == before


def test_import_query_count_does_not_grow_with_rows(tmp_path):
    def queries_for(rows):
        path = write_csv(tmp_path, KREISE_HEADER, rows, name=f"{len(rows)}.csv")
        with CaptureQueriesContext(connection) as context:
            run_import(path)
        return len(context.captured_queries)

    def rows(numbers, population):
        return [f"07{n:03d},Kreis {n},Landkreis,Ort,07,Rheinland-Pfalz,{population},10.00,1,"
                "2023-11-30" for n in numbers]

    few, many = range(100, 103), range(200, 230)
    assert queries_for(rows(few, 1000)) == queries_for(rows(many, 1000))  # created
    assert queries_for(rows(few, 2000)) == queries_for(rows(many, 2000))  # updated
