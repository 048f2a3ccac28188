"""A person's fix of who said a quote: applied to the quote's group, found again when offsets move, stale otherwise."""
from dataclasses import replace

import pytest

from newsloom.compare import analyze_story
from newsloom.compare.quote_ledger import build_ledger
from newsloom.compare.speaker_fixes import QuoteNotFound, resolve_quote
from newsloom.model import Annotated, Quote, SpeakerFix

AT = "2026-12-01T10:00:00+00:00"


def expectations(ann: Annotated) -> Quote:
    return next(q for q in ann.quotes if "fully matches our expectations" in q.text)


def fix_of(ann: Annotated, speaker: str | None, shift: int = 0, **kw) -> SpeakerFix:
    q = expectations(ann)
    return SpeakerFix(ann.report_id, q.start + shift, q.end + shift, q.text, speaker, "ana", AT, **kw)


def group_of(ledger, text: str = "fully matches our expectations"):
    return next(g for g in ledger if any(text in v.text for v in g.variants))


def test_without_fixes_the_reports_speaker_holds(story_anns):
    group = group_of(build_ledger(story_anns, {}))
    assert group.speaker == "Ilse Varga" and group.speaker_basis != "corrected" and group.correction is None


def test_a_fix_sets_the_groups_speaker_and_says_so(story_anns):
    wire = story_anns[0]
    group = group_of(build_ledger(story_anns, {}, [fix_of(wire, "Tomas Reyes", note="council video")]))
    assert group.speaker == "Tomas Reyes" and group.speaker_basis == "corrected" and group.confidence == 1.0
    assert group.attribution == "corrected by ana on 2026-12-01: was Ilse Varga"
    assert group.correction.was == "Ilse Varga" and group.correction.note == "council video"
    assert group.correction.evidence[0].report == "wire"
    assert not any(a.accepted for a in group.attributions)  # the reports' own attribution is overruled


def test_a_fix_can_leave_a_quote_unattributed(story_anns):
    group = group_of(build_ledger(story_anns, {}, [fix_of(story_anns[0], None)]))
    assert group.speaker is None and group.speaker_basis == "corrected"
    assert group.attribution.endswith("was Ilse Varga")


def test_a_fix_finds_its_quote_again_when_offsets_moved(story_anns):
    group = group_of(build_ledger(story_anns, {}, [fix_of(story_anns[0], "Tomas Reyes", shift=7)]))
    assert group.speaker == "Tomas Reyes"


def test_a_fix_whose_quote_is_gone_is_stale_and_changes_nothing(story, story_anns):
    wire = story_anns[0]
    gone = replace(fix_of(wire, "Tomas Reyes"), quote="We never said anything of the kind here.")
    brief = analyze_story(story, story_anns, [gone])
    assert brief.stale_fixes == [gone]
    assert all(g.speaker_basis != "corrected" for g in brief.quotes)
    assert group_of(brief.quotes).speaker == "Ilse Varga"


def test_a_fix_is_shown_in_the_brief_and_other_reports_are_untouched(story, story_anns):
    brief = analyze_story(story, story_anns, [fix_of(story_anns[0], "Tomas Reyes")])
    assert brief.stale_fixes == []
    assert group_of(brief.quotes).speaker == "Tomas Reyes"
    assert group_of(brief.quotes, "busy again").speaker == "Ilse Varga"
    voices = {f.report: f.voices for f in brief.framing}
    assert any("Tomas Reyes" in v for v in voices["wire"]) and not any("Tomas Reyes" in v for v in voices["copy"])


def test_a_quote_is_named_by_its_words_or_its_span(story_anns):
    wire = story_anns[0]
    q = expectations(wire)
    assert resolve_quote(wire, "fully matches our") == q
    assert resolve_quote(wire, f"{q.start}:{q.end}") == q
    with pytest.raises(QuoteNotFound):
        resolve_quote(wire, "words nobody quoted")
    with pytest.raises(QuoteNotFound):
        resolve_quote(wire, f"{q.start}:{q.end + 1}")


def test_a_fix_of_a_body_quotation_leaves_a_headline_quotation_at_the_same_offsets_alone(story_anns):
    from newsloom.compare.speaker_fixes import match_fixes

    wire = story_anns[0]
    q = expectations(wire)
    headline = replace(q, part="title", text=q.text)  # same offsets and words, but in the headline
    ann = replace(wire, quotes=[*wire.quotes, headline])
    found, stale = match_fixes([ann], [fix_of(wire, "Tomas Reyes")])
    assert list(found) == [(wire.report_id, q.start, q.end, "text")] and stale == []
