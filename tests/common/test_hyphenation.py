"""Break opportunities in narrow table headers (common.hyphenation)."""

from common.hyphenation import soft_hyphens


def _shown(text: str) -> str:
    return text.replace("\u00ad", "|").replace("\u200b", "^")


def test_soft_hyphens_split_long_compounds_between_their_parts():
    assert _shown(soft_hyphens("Dokumentenmanagementsystem")) == "Dokumenten|management|system"
    assert _shown(soft_hyphens("Online-Terminvereinbarung")) == "Online-Termin|vereinbarung"


def test_soft_hyphens_leave_short_words_and_short_pieces_alone():
    assert soft_hyphens("E-Akte") == "E-Akte"
    assert soft_hyphens("Smart Region") == "Smart Region"
    # "Bau" would stand alone on a line: no break there.
    assert _shown(soft_hyphens("Digitales Baulastenverzeichnis")) == (
        "Digitales Baulasten|verzeichnis")


def test_soft_hyphens_allow_a_break_after_a_slash():
    assert _shown(soft_hyphens("Webseminare/Videokonferenzen")) == (
        "Webseminare/^Video|konferenzen")
