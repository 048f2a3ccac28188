"""Who states a claim, story-wide: the quote line's decision, people's fixes, reported speech, abstention."""
from dataclasses import replace

import pytest

from newsloom.annotate import annotate
from newsloom.compare import analyze_story
from newsloom.compare.claim_speakers import ClaimVoices
from newsloom.compare.quote_ledger import build_ledger
from newsloom.model import Article, QuoteGroup, SpeakerFix, Story

PIER = "We will rebuild the old pier before the winter storms arrive"
TEXTS = {
    "north": (
        "Calderra's harbour board met on Tuesday to plan the new ferry terminal.\n\n"
        f"\u201c{PIER},\u201d Mayor Tomas Brandt said on Tuesday.\n\n"
        "Harbour chief Piet Olsen said that the ferry company had signed a ten-year lease for the terminal."
    ),
    "south": (
        "The harbour board of Calderra discussed the ferry terminal on Tuesday.\n\n"
        f"Mayor Tomas Brandt said on Tuesday: \u201c{PIER}.\u201d"
    ),
    "west": (
        "Harbour chief Piet Olsen opened the board meeting on Tuesday with a warning about the weather.\n\n"
        f"\u201c{PIER},\u201d he said."
    ),
}


@pytest.fixture(scope="module")
def anns():
    return [annotate(Article(report_id=rid, source=f"{rid}.txt", text=text, published="2025-06-03", outlet=rid.title()),
                     vectors=False) for rid, text in TEXTS.items()]


def _claim(anns, report, words):
    ann = next(a for a in anns if a.report_id == report)
    return next(c for c in ann.claims if words in c.text)


def test_a_pronoun_in_one_report_gives_way_to_the_explicit_speaker_of_the_others(anns):
    claim = _claim(anns, "west", PIER)
    assert claim.speaker == "Piet Olsen"  # what the report alone says
    voice = ClaimVoices(anns, build_ledger(anns, {}), [], {}).of(claim)
    assert voice.speaker == "Tomas Brandt" and voice.basis == "explicit"
    assert "overrules Piet Olsen (pronoun)" in voice.reason
    assert {e.report for e in voice.evidence} == {"north", "south"}


def test_a_fixed_speaker_is_the_claims_speaker(anns):
    claim = _claim(anns, "west", PIER)
    quote = next(q for q in anns[2].quotes if PIER in q.text)
    fix = SpeakerFix("west", quote.start, quote.end, quote.text, "Ana Lind", by="desk", at="2026-01-02T00:00:00Z")
    voice = ClaimVoices(anns, build_ledger(anns, {}, [fix]), [fix], {}).of(claim)
    assert (voice.speaker, voice.basis) == ("Ana Lind", "corrected")


def test_reported_speech_keeps_its_reports_speaker_with_the_name_as_evidence(anns):
    claim = _claim(anns, "north", "ten-year lease")
    voice = ClaimVoices(anns, build_ledger(anns, {}), [], {}).of(claim)
    assert (voice.speaker, voice.basis) == ("Piet Olsen", "explicit")
    [where] = voice.evidence
    assert TEXTS["north"][where.start : where.end] == "Piet Olsen"


def test_a_quote_line_left_unattributed_leaves_the_claim_unattributed(anns):
    claim = _claim(anns, "north", PIER)
    ledger = build_ledger(anns, {})
    doubtful = [replace(g, speaker=None, speaker_basis="unattributed", attribution="unattributed: too weak",
                        confidence=0.3) if any(PIER in v.text for v in g.variants) else g for g in ledger]
    assert all(isinstance(g, QuoteGroup) for g in doubtful)
    voice = ClaimVoices(anns, doubtful, [], {}).of(claim)
    assert voice.speaker is None and voice.basis == "unattributed" and voice.evidence == []


def test_the_outlets_own_statement_has_no_voice(anns):
    claim = _claim(anns, "north", "met on Tuesday")
    assert ClaimVoices(anns, build_ledger(anns, {}), [], {}).of(claim) is None


def test_the_brief_shows_the_story_wide_speaker_of_every_claim(anns):
    brief = analyze_story(Story(id="s-pier", report_ids=list(TEXTS)), anns)
    pier = [c for c in brief.claims if PIER in c.text]
    assert pier and all(c.speaker == "Tomas Brandt" and c.speaker_basis == "explicit" for c in pier)
    lease = next(c for c in brief.claims if "ten-year lease" in c.text)
    assert lease.speaker == "Piet Olsen" and lease.speaker_evidence
