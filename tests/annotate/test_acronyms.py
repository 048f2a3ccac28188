"""Acronyms matched to the names they abbreviate, and spelled out in text."""
from newsloom.annotate.acronyms import initials, is_acronym_of, letters, spell_out
from newsloom.compare.entities import story_aliases


def test_letters_of_dotted_and_bare_acronyms():
    assert letters("U.N.") == "UN" and letters("U.S") == "US" and letters("NATO") == "NATO"
    assert letters("Calderra") == "" and letters("United Nations") == ""


def test_initials_skip_linking_words():
    assert initials("United Nations") == "UN"
    assert initials("Bank of England") == "BE"
    assert initials("Calderra") == "" and initials("the port authority") == ""


def test_acronym_matches_only_its_own_name():
    assert is_acronym_of("U.N.", "United Nations")
    assert not is_acronym_of("U.S.", "United Nations")
    assert not is_acronym_of("Un", "United Nations")


def test_spell_out_replaces_known_acronyms_only():
    text = "The U.N. and the EU met; NATO stayed away."
    assert spell_out(text, {"UN": "United Nations"}) == "The United Nations and the EU met; NATO stayed away."


def test_story_aliases_fold_an_acronym_into_its_name():
    alias = story_aliases([("ORG", "United Nations"), ("ORG", "U.N"), ("GPE", "United States"), ("GPE", "U.S")])
    assert alias["U.N"] == "United Nations"
    assert alias["U.S"] == "United States"
