"""The committed boundaries: small, complete, read once per process, with provenance."""

from pathlib import Path

from geo.shapes import SHAPES_FILE, shapes


def test_shapes_file_small_and_complete():
    assert SHAPES_FILE.stat().st_size < 1_500_000
    everything = shapes()
    assert len(everything.laender) == 16
    assert len(everything.kreise) == 401
    assert len(everything.gemeinden) == 10_997


def test_shapes_read_once_per_process():
    assert shapes() is shapes()


def test_shapes_for_key_at_each_level():
    everything = shapes()
    [neuwied] = everything.for_key("07138")
    assert (neuwied.name, neuwied.kind) == ("Neuwied", "Landkreis")
    assert neuwied.path.startswith("M") and neuwied.path.endswith("z")
    [rheinland_pfalz] = everything.for_key("07")
    assert rheinland_pfalz.name == "Rheinland-Pfalz"
    # Verbandsgemeinde Weißenthurm: its municipalities, found by the 9-digit prefix.
    weissenthurm = everything.for_key("071375008")
    assert len(weissenthurm) == 7
    assert all(shape.key.startswith("071375008") for shape in weissenthurm)
    [andernach] = everything.for_key("071370003003")
    assert andernach.name == "Andernach"


def test_shapes_unknown_keys_have_none():
    everything = shapes()
    # Eisenach joined the Wartburgkreis on 1 Jul 2021: its new key is not in the 2021 shapes.
    assert everything.for_key("160630105105") == []
    assert everything.for_key("160630105") == []
    assert everything.for_key("") == []
    assert everything.for_key(None) == []
    assert everything.for_key("0713") == []


def test_shapes_provenance_names_source_licence_and_build_command():
    readme = (Path(SHAPES_FILE).parent / "README.md").read_text(encoding="utf-8")
    for phrase in ("© GeoBasis-DE / BKG 2021 (Daten verändert)", "dl-de/by-2-0",
                   "VG5000", "manage.py build_shapes", "https://www.bkg.bund.de"):
        assert phrase in readme
