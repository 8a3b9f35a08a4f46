"""The nationwide benchmark data set (generate_nationwide_statuses), on small limits."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from members.enums import AdministrationKind
from members.models import Administration
from projects.management.commands.generate_nationwide_statuses import MEMBER_SINCE
from projects.models import MaturityCount, StageChangeMonth, StageCount, Status, StatusChange
from projects.statuses.history_summaries import stage_months_rebuild
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

SHARED_REGIONS = Path(__file__).resolve().parents[3] / "shared" / "data" / "regions"
KREISE = [
    "kreis_schluessel,name,typ,sitz,land_schluessel,land,einwohner,flaeche_km2,"
    "anzahl_gemeinden,stand",
    "07137,Mayen-Koblenz,Landkreis,Koblenz,07,Rheinland-Pfalz,218210,817.67,87,2023-11-30",
    "07138,Neuwied,Landkreis,Neuwied,07,Rheinland-Pfalz,185526,627.06,61,2023-11-30",
]
GEMEINDEN = [
    "ars,ags,name,typ,einwohner,flaeche_km2,plz,plz_eindeutig,gemeindeverband_rs,"
    "gemeindeverband,gemeindeverband_typ,kreis_schluessel,kreis,land,stand",
    "071375008202,07137202,Bassenheim,Kreisangehörige Gemeinde,2901,14.76,56220,nein,"
    "071375008,Weißenthurm,Verbandsgemeinde,07137,Mayen-Koblenz,Rheinland-Pfalz,2023-11-30",
    "071375008209,07137209,Kaltenengers,Kreisangehörige Gemeinde,2202,3.07,56220,nein,"
    "071375008,Weißenthurm,Verbandsgemeinde,07137,Mayen-Koblenz,Rheinland-Pfalz,2023-11-30",
]


def write_regions(directory):
    (directory / "kreise_de.csv").write_text("\n".join(KREISE) + "\n", encoding="utf-8")
    (directory / "gemeinden_de.csv").write_text("\n".join(GEMEINDEN) + "\n", encoding="utf-8")
    return directory


def generate(*args):
    out = StringIO()
    call_command("generate_nationwide_statuses", "--yes", *args, stdout=out)
    return out.getvalue()


def recount():
    """The summaries as a plain count over all statuses would give them."""
    rows = Status.objects.values("service_id", "administration_id", "stage")
    stages = Counter()
    for row in rows:
        stages["network_services", 0, row["stage"]] += 1
        stages["service", row["service_id"], row["stage"]] += 1
        stages["administration", row["administration_id"], row["stage"]] += 1
    maturities = Counter(Status.objects.values_list("service__themenfeld_id", "maturity"))
    return stages, maturities


def summaries():
    stages = Counter({(scope, scope_id, stage): count for scope, scope_id, stage, count in
                      StageCount.objects.filter(count__gt=0).values_list(
                          "scope", "scope_id", "stage", "count")})
    maturities = Counter({(themenfeld, maturity): count for themenfeld, maturity, count in
                          MaturityCount.objects.filter(count__gt=0).values_list(
                              "themenfeld_id", "maturity", "count")})
    return stages, maturities


def test_generator_refuses_to_run_without_yes():
    with pytest.raises(CommandError, match="--yes"):
        call_command("generate_nationwide_statuses", stdout=StringIO())

    assert Status.objects.count() == 0


def test_generator_creates_members_and_a_status_per_service(tmp_path):
    existing = AdministrationFactory(name="Kreisverwaltung Mayen-Koblenz", regional_key="07137",
                                     federal_state="07", member_since=None)

    output = generate("--regions", str(write_regions(tmp_path)), "--limit-services", "10")

    assert Administration.objects.count() == 4
    existing.refresh_from_db()
    # Left as it is, but a member now: the data set has every administration as a member.
    assert (existing.name, existing.member_since) == ("Kreisverwaltung Mayen-Koblenz",
                                                      MEMBER_SINCE)
    neuwied = Administration.objects.get(regional_key="07138")
    assert (neuwied.name, neuwied.kind) == ("Landkreis Neuwied", AdministrationKind.LANDKREIS)
    bassenheim = Administration.objects.get(regional_key="071375008202")
    assert (bassenheim.parent, bassenheim.kind) == (existing, AdministrationKind.GEMEINDE)
    assert set(Administration.objects.current().values_list("regional_key", flat=True)) == {
        "07137", "07138", "071375008202", "071375008209"}
    assert Status.objects.count() == 40
    per_admin = Status.objects.values("administration").annotate(n=Count("id"))
    assert {row["n"] for row in per_admin} == {10}
    assert not Status.objects.filter(maturity=None).exists()
    assert not Status.objects.filter(stage__gt=0, since=None).exists()
    assert summaries() == recount()
    assert "3 Verwaltungen angelegt, 1 vorhandene übernommen, 40 Sachstände geschrieben (" \
        in output
    assert "Sachstände: 40 von 40 (100 %)" in output


def test_generator_second_run_writes_nothing_and_keeps_summaries(tmp_path):
    regions = write_regions(tmp_path)
    generate("--regions", str(regions), "--limit-services", "5")
    before = list(Status.objects.order_by("pk").values())

    output = generate("--regions", str(regions), "--limit-services", "5")

    assert list(Status.objects.order_by("pk").values()) == before
    assert "0 Verwaltungen angelegt, 4 vorhandene übernommen, 0 Sachstände geschrieben " \
           "(0 Änderungen im Verlauf), 20 vorhandene übersprungen" in output
    assert summaries() == recount()


def test_generator_is_reproducible_for_a_seed(tmp_path):
    regions = write_regions(tmp_path)
    generate("--regions", str(regions), "--limit-services", "30", "--seed", "7", "--chunk", "1")

    def drawn():
        return sorted(Status.objects.values_list(
            "administration__regional_key", "service__ozg_id", "stage", "maturity", "since"))
    first = drawn()
    Status.objects.all().delete()
    generate("--regions", str(regions), "--limit-services", "30", "--seed", "7")
    again = drawn()
    Status.objects.all().delete()
    generate("--regions", str(regions), "--limit-services", "30", "--seed", "8")

    assert again == first
    assert drawn() != first
    assert len({stage for _k, _s, stage, _m, _d in first}) >= 3


def test_generator_writes_topic_statuses_with_a_history_in_step_with_the_summaries(tmp_path):
    topic = make_topic()

    generate("--regions", str(write_regions(tmp_path)), "--limit-services", "5")

    assert Status.objects.filter(topic=topic).count() == 4
    assert Status.objects.count() == 4 * 6
    for status in Status.objects.prefetch_related("changes"):
        changes = sorted(status.changes.all(), key=lambda change: change.pk)
        # The first change is the creation; the last one is the status as it stands.
        assert changes[0].changes.get("stage", [0, 0])[0] == 0
        assert changes[-1].changed_at == status.updated_at
        assert status.version == len(changes)
        stages = [c.changes["stage"] for c in changes if "stage" in c.changes]
        assert (stages[-1][1] if stages else 0) == status.stage
    assert StatusChange.objects.count() > Status.objects.count()
    # Summed over all months, the monthly changes give today's counts.
    for scope, scope_id in (("network_services", 0), ("network_topics", 0), ("topic", topic.pk)):
        months = Counter()
        for stage, change in StageChangeMonth.objects.filter(
                scope=scope, scope_id=scope_id).values_list("stage", "change"):
            months[stage] += change
        counts = dict(StageCount.objects.filter(scope=scope, scope_id=scope_id, count__gt=0)
                      .values_list("stage", "count"))
        assert {stage: n for stage, n in months.items() if n} == counts
    written = set(StageChangeMonth.objects.exclude(change=0).values_list(
        "scope", "scope_id", "month", "stage", "change"))
    stage_months_rebuild()
    assert set(StageChangeMonth.objects.exclude(change=0).values_list(
        "scope", "scope_id", "month", "stage", "change")) == written


@pytest.mark.skipif(not SHARED_REGIONS.exists(), reason="shared reference data not present")
def test_generator_with_limits_on_the_reference_files():
    output = generate("--limit-administrations", "5", "--limit-services", "10")

    keys = list(Administration.objects.order_by("regional_key")
                .values_list("regional_key", flat=True))
    assert keys == ["01001", "01002", "01003", "01004", "01051"]
    assert Status.objects.count() == 50
    assert summaries() == recount()
    assert "Kreise importiert: 5 angelegt" in output
