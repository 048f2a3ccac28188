"""A headline's quotation in the story's ledger: its evidence points into the headline, never into the body."""
import json

import pytest

from newsloom.annotate import annotate
from newsloom.brief.render_html import to_html
from newsloom.brief.view import StoryView, evidence_text
from newsloom.compare import analyze_story
from newsloom.model import Article, Brief, Story

PIER = "We will rebuild the old pier before the winter storms arrive"
TITLE = "Mayor: \u2018We Will Rebuild The Old Pier\u2019"
TEXTS = {
    "north": (TITLE, "Calderra's harbour board met on Tuesday.\n\n"
                     f"\u201c{PIER},\u201d Mayor Tomas Brandt said on Tuesday."),
    "south": ("Calderra to rebuild its pier", "The harbour board of Calderra met on Tuesday.\n\n"
                                             f"Mayor Tomas Brandt said: \u201c{PIER}.\u201d"),
}


@pytest.fixture(scope="module")
def story():
    anns = [annotate(Article(report_id=rid, source=f"{rid}.txt", text=text, title=title, published="2025-06-03",
                             outlet=rid.title()), vectors=False) for rid, (title, text) in TEXTS.items()]
    return analyze_story(Story(id="s-pier", report_ids=list(TEXTS)), anns)


def _group(story):
    return next(g for g in story.quotes if "old pier" in g.text)


def test_the_headline_quotation_joins_the_body_quotation_with_its_evidence_in_the_headline(story):
    group = _group(story)
    assert group.speaker == "Tomas Brandt"
    titled = [ev for ev in group.evidence if ev.part == "title"]
    assert [(ev.report, evidence_text(story, ev)) for ev in titled] == [("north", "We Will Rebuild The Old Pier")]
    assert all(evidence_text(story, ev).startswith(PIER) for ev in group.evidence if ev.part == "text")


def test_a_variant_is_written_as_the_body_writes_it_not_as_the_headline_does(story):
    variants = [v.text for v in _group(story).variants]
    assert "We Will Rebuild The Old Pier" not in variants
    assert any(v.startswith("We will rebuild the old pier") for v in variants)


def test_the_json_brief_marks_a_headline_span_and_no_other(story):
    doc = Brief(inputs=[], stories=[story]).to_dict()
    spans = [ev for g in doc["stories"][0]["quotes"] for ev in g["evidence"]]
    start = TITLE.index("We Will")
    assert {"report": "north", "start": start, "end": start + 28, "part": "title"} in spans
    assert all(set(ev) == {"report", "start", "end"} for ev in spans if ev.get("part") != "title")
    json.dumps(doc)


def test_the_html_brief_marks_the_words_in_the_headline(story):
    view = StoryView(story, 1)
    north = next(r for r in story.reports if r.id == "north")
    marked = [p.text for p in view.pieces(north, "title") if p.refs]
    assert marked == ["We Will Rebuild The Old Pier"]
    assert all(p.text not in TITLE or not p.refs for p in view.pieces(north))  # no headline span in the body
    page = to_html(Brief(inputs=[], stories=[story]))
    assert "We Will Rebuild The Old Pier</mark>" in page
