"""Source chains in the rendered brief: who cites whom, the rule behind each count, unattributed reports flagged."""
import json

from newsloom.brief import render, validate
from newsloom.model import (
    Brief,
    BriefReport,
    ChainLink,
    CitedSource,
    ClaimGroup,
    Evidence,
    Independence,
    InputStatus,
    StoryBrief,
)

GAZETTE = "The dam opened on Thursday, Northwire reported."
BLOG = "The dam opened on Thursday."


def _brief() -> Brief:
    reports = [BriefReport("g", "in/g.html", "Harbor Gazette", None, None, None, None, GAZETTE),
               BriefReport("b", "in/blog.txt", None, None, None, None, None, BLOG)]
    cue = Evidence("g", GAZETTE.index("Northwire"), GAZETTE.index("Northwire") + len("Northwire reported"))
    claim = ClaimGroup(
        "The dam opened on Thursday", ["g", "b"], 1, [Evidence("g", 0, 26), Evidence("b", 0, 26)],
        chain=[ChainLink("g", [CitedSource("Northwire", "agency", "relay", [cue])]), ChainLink("b", [])],
        independence=[Independence("g", True, "cites Northwire, counted once", "Northwire"),
                      Independence("b", False, "unknown outlet, no source given; Harbor Gazette cites Northwire "
                                               "for it, counted once", "Northwire")])
    story = StoryBrief("s1", "Dam opened", [], reports, claims=[claim], independence=[
        Independence("g", True, "own reporting", "Harbor Gazette"),
        Independence("b", True, "unknown outlet, no sign of derivation", "unattributed (blog.txt)")])
    return Brief([InputStatus("in/g.html", "ok"), InputStatus("in/blog.txt", "ok")], [story])


def test_markdown_shows_the_chain_the_rules_and_the_unattributed_report():
    md = render(_brief(), "md")
    assert "Sources: Harbor Gazette (citing Northwire), unattributed (blog.txt) (no source given)" in md
    assert "Harbor Gazette counted as Northwire (cites Northwire, counted once)" in md
    assert "unattributed (blog.txt) not counted (unknown outlet, no source given;" in md
    assert ("⚠ **unattributed (blog.txt)** names no outlet. Counted as an independent source: "
            "unknown outlet, no sign of derivation.") in md
    assert "2 reports, 2 independent of each other" in md and "**2 reports / 1 independent**" in md
    assert "Each claim counts its own independent sources" in md  # why a claim can count fewer than the story


def test_html_flags_the_unattributed_report_and_shows_the_chain():
    html = render(_brief(), "html")
    assert '<span class="badge unattributed">unattributed: counted (unknown outlet, no sign of derivation)</span>' in html
    assert "Harbor Gazette (citing Northwire)" in html
    assert "2 reports, 2 independent of each other" in html and "Each claim counts its own independent sources" in html


def test_json_keeps_the_chain_and_validates():
    doc = json.loads(render(_brief(), "json"))
    validate(doc)
    claim = doc["stories"][0]["claims"][0]
    assert claim["chain"][0]["cites"][0]["name"] == "Northwire"
    assert [i["counted"] for i in claim["independence"]] == [True, False]


def test_a_lone_unattributed_report_without_cites_adds_no_source_lines():
    brief = _brief()
    claim = brief.stories[0].claims[0]
    claim.reports, claim.independent_reports, claim.evidence = ["b"], 1, claim.evidence[1:]
    claim.chain = [ChainLink("b", [])]
    claim.independence = [Independence("b", True, "unknown outlet, no sign of derivation", "unattributed (blog.txt)")]
    assert "Sources:" not in render(brief, "md")
