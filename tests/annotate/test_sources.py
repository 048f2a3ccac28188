"""Cited upstream sources: each cue kind, and names that are not citations."""
import re

import pytest

from newsloom.annotate.sources import find_sources
from newsloom.model import Mention


def cites(text, mentions=None):
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    return [(c.kind, c.name, c.role, text[c.start:c.end]) for c in find_sources(text, sentences, mentions)]


@pytest.mark.parametrize("text, expected", [
    ("The ferry sank at dawn, Reuters reported.", ("agency", "Reuters", "relay", "Reuters reported")),
    ("According to the Associated Press, the pier closed.",
     ("agency", "The Associated Press", "relay", "According to the Associated Press")),
    ("The talks stalled, as translated by Agence France-Presse.",
     ("agency", "Agence France-Presse", "relay", "as translated by Agence France-Presse")),
    ("The minister said so in remarks reported by Interfax.",
     ("agency", "Interfax", "relay", "in remarks reported by Interfax")),
    ("The vote was delayed, TASS said.", ("agency", "TASS", "relay", "TASS said")),
    ("The deal was signed on Monday, The New York Times reports.",
     ("outlet", "The New York Times", "relay", "The New York Times reports")),
    ("The mayor told The Washington Post that the plan was dead.",
     ("outlet", "The Washington Post", "origin", "told The Washington Post")),
    ("In an interview with CNN, the senator changed course.",
     ("outlet", "CNN", "origin", "In an interview with CNN")),
    ("Prices will rise, according to Bloomberg.", ("agency", "Bloomberg", "relay", "according to Bloomberg")),
    ("The minister told the weekly Orlen Tribune that talks would resume.",
     ("outlet", "Orlen Tribune", "origin", "told the weekly Orlen Tribune")),
    ("Prices fell, state-controlled media reported.",
     ("state media", "state media", "relay", "state-controlled media reported")),
    ("The envoy spoke in an interview aired on Russian state television.",
     ("state media", "state media", "origin", "in an interview aired on Russian state television")),
    ("A person familiar with the talks said the draft was ready.",
     ("anonymous", "anonymous source", "origin", "A person familiar with")),
    ("The aide, who spoke on condition of anonymity, denied it.",
     ("anonymous", "anonymous source", "origin", "who spoke on condition of anonymity")),
    ("The harbour will reopen in May, Northwire reported.",
     ("agency", "Northwire", "relay", "Northwire reported")),
])
def test_each_cue_kind_is_found_with_its_span(text, expected):
    assert expected in cites(text)


def test_official_transcript_keeps_the_body_that_released_it():
    text = ("\"He is a realist,\" the minister told the daily Vesna Courier, "
            "according to a transcript released by the Foreign Ministry.")
    found = cites(text)
    assert ("official", "Foreign Ministry", "relay", "transcript released by the Foreign Ministry") in found
    assert ("outlet", "Vesna Courier", "origin", "told the daily Vesna Courier") in found


@pytest.mark.parametrize("text", [
    "The new office is on Reuters Street, near the harbour.",
    "She won the Reuters Institute fellowship last year.",
    "He checked the AP Stylebook before filing.",
    "Secretary of State Lena Ulm arrived on Monday.",
    "The head of the state-owned bank resigned.",
    "According to Mara Velt, the bridge is safe.",
    "Harlan Osk told reporters the bridge is safe.",
    "CNN was on every screen in the bar.",
])
def test_names_without_a_cue_or_of_other_things_are_not_citations(text):
    assert cites(text) == []


def test_a_person_named_like_an_unknown_source_is_not_one():
    text = "Dara Venn reported for work at dawn."
    assert cites(text, [Mention("Dara Venn", 0, 9, "PERSON")]) == []


def test_offsets_index_the_whole_text_and_name_their_sentence():
    text = "The storm passed. Roads reopened, the Harbor Gazette reported on Friday."
    sentences = [(0, 17), (18, len(text))]
    (cite,) = find_sources(text, sentences)
    assert text[cite.start:cite.end] == "the Harbor Gazette reported"
    assert (cite.sentence_start, cite.sentence_end) == sentences[1]


def test_an_unknown_office_that_reported_is_an_official_source():
    assert cites("Two prisoners were shot, the Vellmar Prosecutor General's Office reported on Dec. 29.") == [
        ("official", "Vellmar Prosecutor General's Office", "relay", "the Vellmar Prosecutor General's Office reported")]


def test_an_unnamed_academic_close_to_diplomats_is_anonymous():
    found = cites("A Vellmari academic close to senior diplomats told the Harbor Gazette that the talks failed.")
    assert ("anonymous", "anonymous source", "origin", "academic close to") in found
    assert ("outlet", "Harbor Gazette", "origin", "told the Harbor Gazette") in found
