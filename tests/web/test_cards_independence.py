"""The story list counts independent sources by the brief's rules once the brief is known."""
from newsloom.model import Article, BriefReport, CopyEdge, Independence, Story, StoryBrief
from newsloom.web.cards import make_card


def _setup():
    story = Story("s1", ["a", "b", "c"], [CopyEdge("c", "a", "copy", 0.99)])
    articles = {r: Article(r, f"{r}.txt", "text", outlet="Gazette" if r == "a" else None) for r in story.report_ids}
    reports = [BriefReport(r, f"{r}.txt", None, None, None, None, None, "text") for r in story.report_ids]
    brief = StoryBrief("s1", "Headline", [], reports, independence=[
        Independence("a", True, "own reporting"),
        Independence("b", False, "unknown outlet, likely derived from Gazette (shares 80% of its claims)"),
        Independence("c", False, "copy of Gazette")])
    return story, articles, brief


def test_card_counts_what_the_brief_counts():
    story, articles, brief = _setup()
    card = make_card(story, articles, brief=brief)
    assert card.independent_sources == 1 and card.headline == "Headline"


def test_card_without_a_brief_counts_copies_once():
    story, articles, _ = _setup()
    assert make_card(story, articles).independent_sources == 2
