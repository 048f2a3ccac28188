"""End to end on the five real reports in ../shared/seeds (skipped when that folder is absent)."""
from pathlib import Path

import pytest

import newsloom

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def brief():
    return newsloom.analyze(SEEDS)


def test_one_story_holds_all_five_reports(brief):
    assert [len(s.reports) for s in brief.stories] == [5]
    assert all(i.status == "ok" for i in brief.inputs)


def test_peskov_quoted_with_both_wordings_grouped(brief):
    story = brief.stories[0]
    peskov = [g for g in story.quotes if g.speaker == "Dmitry Peskov"]
    assert peskov
    vision = next(g for g in peskov if any("our vision" in v.text for v in g.variants))
    wordings = " | ".join(v.text for v in vision.variants).lower()
    assert "largely aligns with our vision" in wordings and "largely coincides with our vision" in wordings
    assert len(vision.reports) == 5


def _files(story, report_ids) -> set[str]:
    """Seed file numbers ("001") of the reports."""
    return {Path(r.source).name[:3] for r in story.reports if r.id in report_ids}


@pytest.mark.parametrize("words, files", [
    (("voted", "United Nations"), {"001", "003", "004"}),  # "siding with Russia in United Nations votes"
    (("pragmatist",), {"002", "003", "004"}),
])
def test_claim_backed_by_the_three_reports_that_carry_it(brief, words, files):
    story = brief.stories[0]
    texts = {r.id: r.text for r in story.reports}
    groups = [c for c in story.claims if any(all(w in texts[e.report][e.start : e.end] or w in c.text for w in words)
                                              for e in c.evidence)]
    best = max(groups, key=lambda c: len(c.reports))
    assert _files(story, best.reports) == files
    assert best.independent_reports == 3


def test_when_peskov_spoke_is_a_disagreement(brief):
    story = brief.stories[0]
    when = next(d for d in story.disagreements if d.about == "when Dmitry Peskov made the remarks")
    sides = {p.date: _files(story, p.reports) for p in when.positions}
    assert sides["2025-03-02"] == {"000"}
    assert {"001", "002"} <= sides["2025-02-26"]


def test_earlier_in_the_week_is_its_own_position(brief):
    story = brief.stories[0]
    when = next(d for d in story.disagreements if d.about == "when Dmitry Peskov made the remarks")
    vague = [p for p in when.positions if "earlier in the week" in p.text]
    assert len(vague) == 1 and _files(story, vague[0].reports) == {"004"}
    assert vague[0].date == "2025-02-24..2025-03-01"
    assert all("004" not in _files(story, p.reports) for p in when.positions if p is not vague[0])


def _report(story, number: str):
    return next(r for r in story.reports if Path(r.source).name.startswith(number))


def test_forbes_correction_is_a_correction_not_a_claim(brief):
    story = brief.stories[0]
    forbes = _report(story, "001")
    [notice] = forbes.corrections
    assert notice.kind == "correction" and notice.date == "2025-03-02"
    assert notice.text.startswith("CORRECTION (3/2)")
    assert not any("CORRECTION" in c.text for c in story.claims)
    assert any(t.kind == "correction" and t.date == "2025-03-02" for t in story.timeline)


def test_forbes_and_kyiv_independent_dates_are_inferred(brief):
    story = brief.stories[0]
    for number in ("001", "003"):
        report = _report(story, number)
        assert (report.published, report.published_inferred) == ("2025-03-02", True)
        assert report.published_evidence
    assert [report.text[e.start : e.end] for e in _report(story, "003").published_evidence][0] == "March 2"
    for number in ("000", "004"):
        assert not _report(story, number).published_inferred


def test_summary_states_no_disputed_detail_as_fact(brief):
    story = brief.stories[0]
    when = next(d for d in story.disagreements if d.about == "when Dmitry Peskov made the remarks")
    for line in story.summary:
        assert not line.text.startswith("On Sunday, the Kremlin"), line.text
        if "Kremlin" in line.text and ("Sunday" in line.text or "March 2" in line.text):
            assert when.id in line.disputed_by
    assert any(when.id in line.disputed_by for line in story.summary)
    assert any(when.id in c.disputed_by for c in story.claims if c.text.startswith(("MOSCOW", "On Sunday, the Kremlin")))


def test_no_duplicate_claims_or_timeline_rows(brief):
    story = brief.stories[0]
    lavrov = [c for c in story.claims if "Lavrov" in c.text and len(c.reports) >= 3]
    assert len(lavrov) == 1
    multi = [set(c.evidence) for c in story.claims if len(c.reports) >= 2]
    for i, a in enumerate(multi):
        assert not any(len(a & b) >= 2 for b in multi[i + 1 :])  # groups sharing sentences are one fact
    seen = set()
    for row in story.timeline:
        for ev in row.evidence:
            assert ev not in seen, row.text
            seen.add(ev)
    forbes = _report(story, "001").id
    wednesday = [t for t in story.timeline if forbes in t.reports and "comments were made Wednesday" in t.text]
    assert all(t.date == "2025-02-26" for t in wednesday)


def test_no_fragment_claims(brief):
    story = brief.stories[0]
    assert not any(c.text.startswith(("It means", "They say directly")) for c in story.claims)


def test_aligns_and_coincides_are_two_wordings_of_one_sentence(brief):
    story = brief.stories[0]
    wordings = [d for d in story.disagreements if d.about == "wording of Dmitry Peskov's quote"
                and any("coincides" in p.text for p in d.positions)]
    assert len(wordings) == 1
    sides = {("aligns" if "aligns" in p.text else "coincides"): _files(story, p.reports) for p in wordings[0].positions}
    assert sides["aligns"] == {"000", "001"}
    assert "002" in sides["coincides"] and not sides["coincides"] & sides["aligns"]


def test_brief_validates(brief):
    from newsloom.brief import to_json

    assert '"newsloom.brief/1"' in to_json(brief)


def test_each_wording_lists_exactly_the_reports_whose_text_carries_it(brief):
    from newsloom.compare.textsim import quote_words

    story = brief.stories[0]
    texts = {r.id: quote_words(r.text) for r in story.reports}

    def carries(words: list[str], part: list[str]) -> bool:
        return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))

    checked = 0
    for group in story.quotes:
        for variant in group.variants:
            wording = quote_words(variant.text)
            if len(wording) >= 3:  # a word or two ("common sense") also turns up outside quotes
                assert set(variant.reports) == {r for r, words in texts.items() if carries(words, wording)}, variant.text
                assert {ev.report for ev in variant.evidence} == set(variant.reports)
                checked += 1
        assert set(group.reports) == {r for v in group.variants for r in v.reports}
    assert checked >= 10
