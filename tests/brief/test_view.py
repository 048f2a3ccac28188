from newsloom.brief import evidence_text
from newsloom.brief.view import StoryView, report_names, story_views
from newsloom.model import BriefReport, Evidence, Line, StoryBrief
from tests.brief.sample import COURIER, SIX_MONTHS, span


def _report(rid, outlet, text="abcdefghij"):
    return BriefReport(rid, f"in/{rid}.html", outlet, None, None, None, None, text)


def test_evidence_text_is_the_exact_span(brief):
    story = brief.stories[0]
    assert evidence_text(story, span(COURIER, SIX_MONTHS)) == SIX_MONTHS
    assert evidence_text(story, Evidence("missing", 0, 3)) == ""


def test_report_names_fall_back_and_disambiguate():
    names = report_names([_report("a", "Wire"), _report("b", "Wire"), _report("c", None)])
    assert names == {"a": "Wire (1)", "b": "Wire (2)", "c": "unattributed (c.html)"}


def test_report_without_outlet_is_named_by_its_site_not_its_title():
    row = BriefReport("d", "in/d.html", None, "A very long headline", None, None, "https://www.courier.example/x", "t")
    assert report_names([row]) == {"d": "unattributed (courier.example)"}


def test_pieces_split_overlaps_and_keep_the_text():
    story = StoryBrief("s", "h", [Line("x", [Evidence("a", 2, 6)]), Line("y", [Evidence("a", 4, 8), Evidence("a", 2, 4)]),
                                  Line("z", [Evidence("a", 10, 10)])], [_report("a", "A")])
    pieces = StoryView(story, 1).pieces(story.reports[0])
    assert "".join(p.text for p in pieces) == "abcdefghij"
    assert [(p.text, p.refs, p.mark_id, p.anchors) for p in pieces] == [
        ("ab", [], None, []), ("cd", ["ev1", "ev3"], "ev1", ["ev3"]), ("ef", ["ev1", "ev2"], "ev2", []),
        ("gh", ["ev2"], None, []), ("ij", [], None, []), ("", [], None, ["ev4"])]


def test_evidence_numbers_run_on_across_stories(brief):
    story = brief.stories[0]
    second = StoryBrief("s2", "h", [Line("x", [Evidence(COURIER, 0, 4)])], story.reports)
    brief.stories.append(second)
    views = story_views(brief)
    assert views[1].all_refs[0].n == len(views[0].all_refs) + 1
    assert views[1].all_refs[0].anchor == f"ev{len(views[0].all_refs) + 1}"
