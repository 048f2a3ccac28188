"""Story facts, filters, sort orders and follows of the story list, on hand-made stories and briefs."""
import pytest

from newsloom.find import Filters, Following, select, story_facts
from newsloom.find.stories import StoryFacts
from newsloom.model import Article, ClaimGroup, Disagreement, EntitySummary, QuoteGroup, Story, StoryBrief
from newsloom.store.base import Follow


def facts(id: str, n: int, days: tuple[str, ...] = (), ingested: int = 0, disagreements: int = 0, **kw) -> StoryFacts:
    return StoryFacts(id, f"Story {id}", tuple(f"{id}-{i}" for i in range(n)), kw.pop("outlets", ()), days, ingested,
                      disagreements=disagreements, **kw)


def test_facts_from_articles_and_from_the_brief():
    story = Story("s-1", ["a", "b"])
    articles = {"a": Article("a", "a.txt", "x", "First", None, "2031-03-04T10:00", "Gazette", None, "en"),
                "b": Article("b", "b.txt", "y", None, None, "2031-03-02", "Courier", None, "en")}
    light = story_facts(story, articles, {"a": 0, "b": 5})
    assert light.outlets == ("Gazette", "Courier") and light.days == ("2031-03-02", "2031-03-04")
    assert light.latest == "2031-03-04" and light.ingested == 5 and light.headline == "First" and not light.has_brief
    brief = StoryBrief("s-1", "Ferries halted", [], [],
                       quotes=[QuoteGroup("Marta Kessling", "we will", ["a"], [], [])],
                       claims=[ClaimGroup("c1", ["a", "b"], 2, []), ClaimGroup("c2", ["a"], 1, [])],
                       disagreements=[Disagreement("when", [])],
                       entities=[EntitySummary("Harbour Board", "ORG", ["the board"], ["a"])])
    full = story_facts(story, articles, {"a": 0, "b": 5}, brief)
    assert full.headline == "Ferries halted" and full.has_brief
    assert full.speakers == {"marta kessling"} and full.entities == {"harbour board", "the board"}
    assert full.best_support == 2 and full.disagreements == 1


def test_filters_match_outlet_speaker_entity_dates_and_support():
    story = facts("s", 2, days=("2031-03-02", "2031-03-04"), outlets=("Aldwyn Gazette",),
                  speakers=frozenset({"marta kessling"}), entities=frozenset({"harbour board"}), best_support=2)
    assert Filters(outlet="ALDWYN gazette").matches(story) and not Filters(outlet="Courier").matches(story)
    assert Filters(speaker="Marta  Kessling").matches(story) and not Filters(speaker="Hanne Toller").matches(story)
    assert Filters(entity="harbour board").matches(story) and not Filters(entity="union").matches(story)
    assert Filters(since="2031-03-04").matches(story) and not Filters(since="2031-03-05").matches(story)
    assert Filters(until="2031-03-02").matches(story) and not Filters(until="2031-03-01").matches(story)
    assert Filters(min_sources=2).matches(story) and not Filters(min_sources=3).matches(story)
    assert not Filters(since="2031-01-01").matches(facts("undated", 1))


def test_filters_read_from_typed_text():
    made = Filters.make(" Gazette ", since="20310302", min_sources=2)
    assert made == Filters("Gazette", since="2031-03-02", min_sources=2) and made.active and made.needs_brief
    assert not Filters().active and not Filters(outlet="x").needs_brief
    with pytest.raises(ValueError, match="since date '3 March' is not a day"):
        Filters.make(since="3 March")
    assert "from Gazette" in made.describe() and "2+ independent sources" in made.describe()


def test_sorts_and_followed_first():
    big = facts("big", 5, days=("2031-01-01",), ingested=1)
    new = facts("new", 2, days=("2031-05-01",), ingested=2, disagreements=1)
    late = facts("late", 1, days=("2031-05-01",), ingested=9, entities=frozenset({"marta kessling"}))
    busy = facts("busy", 3, disagreements=4, ingested=3)
    every = [new, big, busy, late]
    order = lambda listed: [i.facts.id for i in listed.items]  # noqa: E731
    assert order(select(every)) == ["big", "busy", "new", "late"]
    assert order(select(every, sort="latest")) == ["late", "new", "big", "busy"]  # undated last
    assert order(select(every, sort="disagreements")) == ["busy", "new", "big", "late"]
    following = Following.of([Follow("story", "new", "t"), Follow("entity", "Marta Kessling", "t")])
    listed = select(every, sort="size", following=following)
    assert order(listed) == ["new", "late", "big", "busy"]
    assert [i.followed for i in listed.items[:3]] == ["following", "following Marta Kessling", ""]
    filtered = select(every, Filters(since="2031-04-01"))
    assert order(filtered) == ["new", "late"] and filtered.total == 4
    with pytest.raises(ValueError, match="unknown sort"):
        select(every, sort="oldest")
