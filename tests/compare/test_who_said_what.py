"""Who said what across reports: exact wordings per report, explicit attribution over pronouns, scare quotes."""
import pytest

from newsloom.annotate import annotate
from newsloom.compare import analyze_story
from newsloom.compare.textsim import quote_words
from newsloom.model import Article, Story

PIER = "We will rebuild the old pier before the winter storms arrive"
FARES = "Ferry fares will double next spring for every passenger on the island"
SHIPS = "The new terminal will open in May and bring the {} back to Calderra"
TEXTS = {
    "north": (
        "Calderra's harbour board met on Tuesday to plan the new ferry terminal.\n\n"
        f"\u201c{PIER},\u201d Mayor Tomas Brandt said on Tuesday.\n\n"
        f"\u201c{SHIPS.format('ships')},\u201d Brandt told the board.\n\n"
        f"\u201c{FARES},\u201d Brandt said.\n\n"
        "Critics called the plan a \u201cgift\u201d to developers."
    ),
    "south": (
        "The harbour board of Calderra discussed the ferry terminal on Tuesday.\n\n"
        f"Mayor Tomas Brandt said on Tuesday: \u201c{PIER}.\u201d\n\n"
        f"\u201c{SHIPS.format('boats')},\u201d Brandt said."
    ),
    "east": (
        "Calderra will get a new ferry terminal, its harbour board decided on Tuesday.\n\n"
        f"\u201c{PIER},\u201d said Mayor Tomas Brandt.\n\n"
        f"\u201c{SHIPS.format('ships')},\u201d Brandt added."
    ),
    "west": (
        "Harbour chief Piet Olsen opened the board meeting on Tuesday with a warning about the weather.\n\n"
        f"\u201c{PIER},\u201d he said.\n\n"
        f"\u201c{FARES},\u201d harbour chief Piet Olsen said.\n\n"
        "Mayor Tomas Brandt promised that the terminal would \u201copen in May and bring the ships back.\u201d"
    ),
}


@pytest.fixture(scope="module")
def brief():
    anns = [annotate(Article(report_id=rid, source=f"{rid}.txt", text=text, published="2025-06-03", outlet=rid.title()),
                     vectors=False) for rid, text in TEXTS.items()]
    return analyze_story(Story(id="s-harbour", report_ids=list(TEXTS)), anns)


def _group(brief, words: str):
    return next(g for g in brief.quotes if any(words in v.text for v in g.variants))


def test_each_wording_lists_exactly_the_reports_that_carry_it(brief):
    group = _group(brief, "bring the")
    wordings = {" ".join(quote_words(v.text)): set(v.reports) for v in group.variants}
    assert wordings == {" ".join(quote_words(SHIPS.format("ships"))): {"north", "east"},
                        " ".join(quote_words(SHIPS.format("boats"))): {"south"},
                        "open in may and bring the ships back": {"north", "east", "west"}}
    assert set(group.reports) == {"north", "south", "east", "west"}
    texts = {r.id: r.text for r in brief.reports}
    for variant in group.variants:
        assert {ev.report for ev in variant.evidence} == set(variant.reports)
        for ev in variant.evidence:
            assert quote_words(texts[ev.report][ev.start : ev.end]) == quote_words(variant.text)


def test_explicit_speaker_overrules_a_pronoun_resolved_to_someone_else(brief):
    group = _group(brief, "old pier")
    assert set(group.reports) == {"north", "south", "east", "west"}
    assert group.speaker == "Tomas Brandt"
    assert group.speaker_basis == "explicit"
    assert group.attribution.startswith("explicit in 3 reports")
    assert "Piet Olsen (pronoun)" in group.attribution
    overruled = [a for a in group.attributions if not a.accepted]
    assert [(a.speaker, a.basis, a.reports) for a in overruled] == [("Piet Olsen", "pronoun", ["west"])]
    texts = {r.id: r.text for r in brief.reports}
    assert [texts["west"][e.start : e.end] for e in overruled[0].evidence] == ["he"]


def test_two_explicit_speakers_of_one_quote_are_a_who_said_it_disagreement(brief):
    fares = [g for g in brief.quotes if "fares" in g.text]
    assert sorted(g.speaker for g in fares) == ["Piet Olsen", "Tomas Brandt"]
    [who] = [d for d in brief.disagreements if d.about.startswith("who said") and "fares" in d.about]
    sides = {p.text.split(" (")[0]: p.reports for p in who.positions}
    assert sides == {"Tomas Brandt": ["north"], "Piet Olsen": ["west"]}
    assert all(p.evidence for p in who.positions)


def test_a_single_scare_quoted_word_is_no_ledger_line(brief):
    assert not [g for g in brief.quotes if quote_words(g.text) == ["gift"]]
    assert all(len(quote_words(v.text)) >= 2 for g in brief.quotes for v in g.variants)


def _unit(report: str, speaker: str | None, basis: str, confidence: float):
    from newsloom.compare.quote_ledger import QuoteUnit

    return QuoteUnit(report, PIER, 0, len(PIER), speaker, "direct", quote_words(PIER), basis, confidence, 0, 2)


def test_a_weak_attribution_below_the_threshold_is_shown_unattributed_with_the_reason():
    from newsloom.compare.speaker_basis import decide

    who = decide([_unit("a", "Ukraine", "cue", 0.47)])
    assert who.speaker is None and who.basis == "unattributed"
    assert "0.47" in who.reason and who.reason.startswith("unattributed")
    assert [(a.speaker, a.accepted) for a in who.attributions] == [("Ukraine", False)]


def test_weak_attributions_that_agree_carry_the_speaker_and_ones_that_clash_do_not():
    from newsloom.compare.speaker_basis import decide

    agreed = decide([_unit("a", "Tomas Brandt", "pronoun", 0.65), _unit("b", "Tomas Brandt", "carried", 0.7)])
    assert (agreed.speaker, agreed.basis) == ("Tomas Brandt", "agreed")
    assert agreed.reason.startswith("agreed by 2 reports")
    clash = decide([_unit("a", "Tomas Brandt", "pronoun", 0.65), _unit("b", "Piet Olsen", "carried", 0.7)])
    assert clash.speaker is None and "reports disagree" in clash.reason
    # each below the threshold (a verb that does not speak, repeated by a copy): agreement lifts nothing
    weak = decide([_unit("a", "Tomas Brandt", "verb", 0.42), _unit("b", "Tomas Brandt", "verb", 0.42)])
    assert weak.speaker is None and weak.basis == "unattributed" and "0.42" in weak.reason


def test_a_pronoun_pointing_at_someone_the_quote_names_is_not_trusted():
    from newsloom.compare.quote_ledger import _unit
    from newsloom.compare.speaker_basis import decide
    from newsloom.model import Quote

    said = "Piet Olsen and his board do not want the pier rebuilt"
    quote = Quote("a", said, 0, len(said), "direct", "said", "Piet Olsen", 0, 2, basis="pronoun", confidence=0.65)
    who = decide([_unit("a", quote, {})])
    assert who.speaker is None and "the quote itself names Piet Olsen" in who.reason
    named = Quote("a", said, 0, len(said), "direct", "said", "Piet Olsen", 0, 2, basis="cue", confidence=0.95)
    assert decide([_unit("a", named, {})]).speaker == "Piet Olsen"


DREDGE = "The channel will be dredged before the first cargo ship of the season arrives"
DESCRIBED = {
    "quay": ("The harbour board of Calderra met on Tuesday.\n\n"
             f"\u201c{DREDGE},\u201d the harbour master said.\n\n"
             "\u201cNo captain will be turned away,\u201d the harbour master added."),
    "bay": ("Calderra's harbour board met on Tuesday.\n\n"
            f"\u201c{DREDGE},\u201d harbour master Ines Vadlo said on Tuesday."),
}


def test_a_described_speaker_is_shown_as_written_and_a_named_one_overrules_it():
    anns = [annotate(Article(report_id=rid, source=f"{rid}.txt", text=text, published="2025-06-03", outlet=rid.title()),
                     vectors=False) for rid, text in DESCRIBED.items()]
    described = {q.text.rstrip(",."): (q.speaker, q.basis, q.confidence) for q in anns[0].quotes if q.kind == "direct"}
    assert described[DREDGE] == ("the harbour master", "description", 0.6)
    assert described["No captain will be turned away"] == ("the harbour master", "description", 0.6)
    brief = analyze_story(Story(id="s-dredge", report_ids=list(DESCRIBED)), anns)
    group = _group(brief, "dredged")
    assert (group.speaker, group.speaker_basis) == ("Ines Vadlo", "explicit")
    assert [(a.speaker, a.basis, a.reports) for a in group.attributions if not a.accepted] == [
        ("the harbour master", "description", ["quay"])]
    alone = _group(brief, "No captain")
    assert (alone.speaker, alone.speaker_basis) == ("the harbour master", "description")
    assert alone.attribution.startswith("described, not named")
    assert "the harbour master" not in {e.name for e in brief.entities}


def test_a_group_nobody_is_named_for_says_why_each_report_named_nobody():
    from dataclasses import replace

    from newsloom.compare.speaker_basis import decide

    rival = replace(_unit("a", None, "pronoun", 0.0), doubt="“she” could be Ann Lee or Jo Kay")
    who = decide([rival, _unit("b", None, "none", 0.0)])
    assert (who.speaker, who.basis) == (None, "unattributed")
    assert who.reason == "no report says who said it (“she” could be Ann Lee or Jo Kay)"
    relayed = replace(_unit("a", "Tobiah Kress", "verb", 0.42), doubt="Tobiah Kress relays words Ilario Benn gave")
    assert "relays words Ilario Benn gave" in decide([relayed]).reason
    assert decide([rival, _unit("b", "Ann Lee", "cue", 0.95)]).reason == "explicit in 1 report"


def test_the_story_says_why_a_pronoun_with_two_readings_names_nobody():
    text = ("Harbour chief Ann Lee toured the quay on Monday. The visit had been requested by the mayor, Jo Kay, who "
            "has called the quay \u201ca disgrace\u201d.\n\n\u201cThe timber is rotten through and the piles will not "
            "last the winter,\u201d she said.")
    ann = annotate(Article(report_id="r", source="r.txt", text=text, published="2025-06-03", outlet="R"), vectors=False)
    group = _group(analyze_story(Story(id="s", report_ids=["r"]), [ann]), "timber is rotten")
    assert group.speaker is None
    assert group.attribution == "no report says who said it (“she” could be Ann Lee or Jo Kay)"
