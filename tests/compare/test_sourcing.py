"""Independent sources: reports resting on one upstream source count once, and each count says why."""
from newsloom.compare.sourcing import build_sourcing, line_support, story_independence
from tests.compare.sourcing_news import SANDBAGS, SPILLWAY, annotated, spans, story


def support(rids, phrase, line=None):
    line = line or rids
    sourcing = build_sourcing(story(*rids), [annotated(r) for r in rids], [])
    return line_support(sourcing, list(line), spans(phrase, *line))


def rules(independence):
    return {i.report: (i.counted, i.rule) for i in independence}


def test_a_wire_story_cited_by_several_outlets_is_one_source():
    chain, independence, count = support(["wire", "gazette", "courier"], SPILLWAY)
    assert count == 1
    assert rules(independence) == {
        "wire": (True, "own reporting"),
        "gazette": (False, "cites Northwire, counted once"),
        "courier": (False, "cites Northwire, counted once"),
    }
    assert {link.report: [c.name for c in link.cites] for link in chain} == {
        "wire": [], "gazette": ["Northwire"], "courier": ["Northwire"]}


def test_outlets_citing_the_same_agency_absent_from_the_story_count_once():
    _, independence, count = support(["pinecrest", "valley", "wire"], SPILLWAY)
    assert count == 2
    assert rules(independence)["pinecrest"] == (True, "cites Reuters, counted once")
    assert rules(independence)["valley"] == (False, "cites Reuters, counted once")
    assert {i.source for i in independence if i.counted} == {"Reuters", "Northwire"}


def test_an_outlet_citing_another_outlet_of_the_story_counts_as_that_outlet():
    chain, independence, count = support(["gazette", "courier"], SANDBAGS)
    assert count == 1
    assert rules(independence) == {"gazette": (True, "own reporting"),
                                   "courier": (False, "cites Harbor Gazette, counted once")}
    (cite,) = next(link for link in chain if link.report == "courier").cites
    assert cite.kind == "outlet" and cite.evidence[0].report == "courier"


def test_an_unattributed_report_giving_no_source_is_counted_with_the_source_others_name():
    _, independence, count = support(["pinecrest", "blog"], SPILLWAY)
    assert count == 1
    counted, rule = rules(independence)["blog"]
    assert not counted and rule.startswith("unknown outlet, no source given") and "Reuters" in rule


def test_an_unattributed_report_alone_with_nothing_suggesting_derivation_counts_and_says_so():
    _, independence, count = support(["wire", "blog"], SPILLWAY)
    assert count == 2
    assert rules(independence)["blog"] == (True, "unknown outlet, no sign of derivation")


def test_an_unattributed_rewrite_counts_with_its_original():
    rids = ["gazette", "rewrite", "blog"]
    _, independence, count = support(rids, SANDBAGS)
    assert rules(independence)["rewrite"] == (False, "copy of Harbor Gazette")
    assert count == 2  # the gazette, and the blog with nothing suggesting it derives from either
    sourcing = build_sourcing(story(*rids), [annotated(r) for r in rids], [])
    assert rules(story_independence(sourcing)) == {
        "gazette": (True, "own reporting"),
        "rewrite": (False, "copy of Harbor Gazette"),
        "blog": (True, "unknown outlet, no sign of derivation"),
    }


def test_an_unattributed_report_sharing_most_claims_with_one_report_likely_derives_from_it():
    from newsloom.compare.corroboration import AlignedClaim
    from newsloom.model import Claim

    def group(*rids):
        return AlignedClaim([Claim(r, "x", 0, 1) for r in rids])

    rids = ["gazette", "blog", "wire"]
    aligned = [group("gazette", "blog"), group("gazette", "blog"), group("gazette", "blog", "wire"), group("blog")]
    sourcing = build_sourcing(story(*rids), [annotated(r) for r in rids], aligned)
    counted, rule = rules(story_independence(sourcing))["blog"]
    assert not counted and rule == "unknown outlet, likely derived from Harbor Gazette (shares 75% of its claims)"
    _, independence, count = line_support(sourcing, ["gazette", "blog"], spans(SANDBAGS, "gazette", "blog"))
    assert count == 1 and not rules(independence)["blog"][0]


def test_the_brief_of_a_story_carries_chains_and_counts_them():
    from newsloom.annotate import annotate
    from newsloom.compare import analyze_story
    from tests.compare.sourcing_news import REPORTS

    rids = ["wire", "gazette", "courier", "blog"]
    anns = [annotate(annotated(r).article) for r in rids]
    brief = analyze_story(story(*rids), anns)
    spill = next(c for c in brief.claims if "spillway" in c.text and len(c.reports) == 4)
    assert spill.independent_reports == 1
    cited = {link.report: [c.name for c in link.cites] for link in spill.chain}
    assert cited["gazette"] == cited["courier"] == ["Northwire"] and cited["wire"] == []
    assert sum(i.counted for i in spill.independence) == 1
    assert {i.report: i.counted for i in brief.independence} == dict.fromkeys(rids, True)
    assert brief.independent_sources == 4 and REPORTS["blog"][0] is None
