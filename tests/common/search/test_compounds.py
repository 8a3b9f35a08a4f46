"""The compound splitter and the participle variants of a query (no database)."""

import pytest

from common.search.compounds import compound_terms, compound_text, split_compound
from common.search.query import participle_stem, query_variants


@pytest.mark.parametrize(("word", "parts"), [
    ("Bauantrag", ("bau", "antrag")),
    ("Bauanträge", ("bau", "anträge")),
    ("Terminvereinbarung", ("termin", "vereinbarung")),
    ("Gesundheitsamt", ("gesundheit", "amt")),
    ("Standesamt", ("standes", "amt")),
    ("Datenschutz", ("daten", "schutz")),
    ("Dienstanweisung", ("dienst", "anweisung")),
    ("Baulastenverzeichnis", ("bau", "lasten", "verzeichnis")),
    ("Informationssicherheit", ("information", "sicherheit")),
])
def test_split_compound_finds_parts(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize("word", [
    "Akte", "Antrag", "Termin",  # too short to split
    "Verwaltung", "Digitalisierung", "Protokoll",  # no compounds
    "Beispiel", "Bescheid", "Nutzen",  # rare short words would split them wrongly
])
def test_split_compound_leaves_simple_words(word):
    assert split_compound(word) == ()


def test_compound_terms_add_inner_compounds_of_three_parts():
    assert compound_terms("Musterdienstanweisung") == (
        "muster", "dienst", "anweisung", "musterdienst", "dienstanweisung")


def test_compound_text_splits_capitalized_words_and_hyphen_parts():
    text = compound_text("Online-Terminvereinbarung im Bürgerportal", "wird beantragt")
    assert text.split() == ["termin", "vereinbarung", "bürger", "portal"]


@pytest.mark.parametrize(("word", "stem"), [
    ("eingeführt", "einführ"),
    ("umgesetzt", "umsetz"),
    ("beantragt", "beantrag"),
    ("digitalisiert", "digitalisier"),
    ("Bericht", None),  # a noun, not a participle
    ("Akte", None),
])
def test_participle_stem(word, stem):
    assert participle_stem(word) == stem


def test_query_variants_replace_participles_but_not_quoted_or_excluded_words():
    assert query_variants('E-Akte eingeführt "gut umgesetzt" -beantragt') == [
        'E-Akte einführen "gut umgesetzt" -beantragt',
        'E-Akte einführung "gut umgesetzt" -beantragt',
    ]
    assert query_variants("E-Akte Bauantrag") == []
