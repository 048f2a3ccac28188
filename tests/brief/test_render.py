import json

import pytest

from newsloom.brief import render


@pytest.mark.parametrize("fmt, start", [("json", "{"), ("md", "# newsloom brief"), ("html", "<!DOCTYPE html>")])
def test_render_dispatches_by_format(brief, fmt, start):
    assert render(brief, fmt).startswith(start)


def test_render_rejects_unknown_format(brief):
    with pytest.raises(ValueError, match="pdf"):
        render(brief, "pdf")


def test_json_output_is_one_document(brief):
    assert json.loads(render(brief, "json"))["stories"][0]["id"] == "story-1"


def test_sparse_multi_story_brief_renders_everywhere(brief):
    from newsloom.model import BriefReport, Evidence, Line, StoryBrief

    bare = BriefReport("x1", "feed.jsonl#3", None, None, None, None, None, "Short wire item.")
    brief.stories.append(StoryBrief("story-2", "", [Line("A wire item.", [Evidence("x1", 0, 5)])], [bare]))
    html = render(brief, "html")
    assert "<h1>2 stories</h1>" in html and "Story story-2" in html
    assert '<mark id="ev14" data-refs="ev14">Short</mark>' in html
    md = render(brief, "md")
    assert "## 2. Story story-2" in md and "[^14]: unattributed (feed.jsonl#3), characters 0–5: “Short”" in md
    json.loads(render(brief, "json"))
