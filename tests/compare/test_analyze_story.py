"""The compare stage on three reports: quote variants, independent support, disagreements, timeline."""
import pytest

from newsloom.compare import analyze_story


@pytest.fixture(scope="module")
def brief(story_anns, story):
    return analyze_story(story, story_anns)


def test_quote_variants_grouped_with_their_reports(brief):
    group = next(g for g in brief.quotes if "expectations" in g.text)
    assert group.speaker == "Ilse Varga"
    assert set(group.reports) == {"wire", "copy", "other"}
    wordings = {v.text.strip(",.\u201d ").lower(): set(v.reports) for v in group.variants}
    assert wordings["this agreement fully matches our expectations"] == {"wire", "copy"}
    assert wordings["fully corresponds to our expectations"] == {"other"}


def test_claim_support_counts_copies_once(brief):
    vote = next(c for c in brief.claims if "7-2" in c.text)
    assert set(vote.reports) == {"wire", "copy", "other"}
    assert vote.independent_reports == 2


def test_evidence_points_at_the_text(brief):
    texts = {r.id: r.text for r in brief.reports}
    for group in brief.quotes:
        for ev in group.evidence:
            assert texts[ev.report][ev.start : ev.end].strip()
    for claim in brief.claims:
        for ev in claim.evidence:
            assert texts[ev.report][ev.start : ev.end] in claim.text or claim.text  # span exists
            assert 0 <= ev.start < ev.end <= len(texts[ev.report])


def test_statement_day_disagreement(brief):
    dis = next(d for d in brief.disagreements if d.about.startswith("when Ilse Varga"))
    sides = {p.text.split(":")[0]: set(p.reports) for p in dis.positions}
    assert sides == {"2025-05-14": {"wire", "copy"}, "2025-05-18": {"other"}}


def test_number_disagreement(brief):
    dis = [d for d in brief.disagreements if d.about == "number of workers"]
    assert dis, [d.about for d in brief.disagreements]
    values = {p.text.split(":")[0] for p in dis[0].positions}
    assert any("1,200" in v for v in values) and any("1,500" in v for v in values)


def test_timeline_resolves_relative_days(brief):
    dates = {e.date for e in brief.timeline}
    assert "2025-05-13" in dates  # "on Tuesday" before a Sunday publication


def test_copy_provenance_in_reports(brief, story):
    rows = {r.id: r for r in brief.reports}
    assert rows["copy"].copy_of == "wire" and rows["copy"].copy_kind == "copy"
    assert rows["copy"].copy_similarity == 1.0
    assert rows["copy"].copy_evidence == story.edges[0].evidence
    assert rows["other"].copy_of is None and rows["other"].copy_evidence == []


def test_framing_lists_voices_and_unique_claims(brief):
    other = next(f for f in brief.framing if f.report == "other")
    assert "Ilse Varga" in other.voices
    assert any("Fishermen" in c for c in other.unique_claims)


def test_claim_backed_by_a_side_clause_of_another_sentence():
    from newsloom.annotate import annotate
    from newsloom.model import Article, Story

    texts = {
        "a": "Since taking office in May, Mayor Ilse Varga has pushed to reopen the old dry dock for cargo ships, "
             "notably backing the harbour union in two United Nations votes.",
        "b": "Varga backed the harbour union in two U.N. votes this spring.",
        "c": "Mayor Ilse Varga sided with the harbour union in two votes at the United Nations.",
    }
    anns = [annotate(Article(report_id=r, source=f"{r}.txt", text=t, published="2025-05-18")) for r, t in texts.items()]
    brief = analyze_story(Story(id="s", report_ids=list(texts)), anns)
    group = next(c for c in brief.claims if "a" in c.reports)
    assert set(group.reports) == {"a", "b", "c"}
    side = next(e for e in group.evidence if e.report == "a")
    assert texts["a"][side.start : side.end] == "notably backing the harbour union in two United Nations votes"


def test_a_role_standing_for_a_speaker_is_no_alias_of_theirs():
    from newsloom.compare.story import _speaker_mentions
    from newsloom.model import Annotated, Article, Quote

    text = "The harbour board\u2019s top spokesperson hailed the deal as \u201cfair\u201d, Ola Brennic said later."
    role = text.index("The harbour"), text.index(" hailed")
    name = text.index("Ola Brennic"), text.index(" said later")
    quotes = [Quote("r", "fair", text.index("fair"), text.index("fair") + 4, "partial", "hailed", "Ola Brennic",
                    *role, basis="verb", confidence=0.85),
              Quote("r", "fair", text.index("fair"), text.index("fair") + 4, "partial", "said", "Ola Brennic",
                    *name, basis="cue", confidence=0.95)]
    ann = Annotated(article=Article("r", "r.txt", text), quotes=quotes)
    assert [m.text for m in _speaker_mentions(ann)] == ["Ola Brennic"]
