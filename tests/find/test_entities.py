"""Entity pages gather one entity's stories, quotes and claims across briefs, found by name, alias, slug or word."""
from newsloom.find import entity_names, find_entity, slug
from newsloom.model import ClaimGroup, EntitySummary, QuoteGroup, StoryBrief

FERRY = StoryBrief(
    "s-ferry", "Ferries halted", [], [],
    quotes=[QuoteGroup("Marta Kessling", "We will keep the ferries tied up", ["a", "b"], [], []),
            QuoteGroup("Hanne Toller", "I cannot get there", ["b"], [], [])],
    claims=[ClaimGroup("Kessling leads the union", ["a"], 1, []),
            ClaimGroup("The board offered three percent", ["a", "b"], 2, [], speaker="Harbour Board"),
            ClaimGroup("Kesslingham is a village", ["b"], 1, [])],
    entities=[EntitySummary("Marta Kessling", "PERSON", ["Kessling"], ["a", "b"]),
              EntitySummary("Harbour Board", "ORG", [], ["a"])])
TALKS = StoryBrief(
    "s-talks", "Talks resume", [], [],
    quotes=[QuoteGroup("Marta Kessling", "We are back at the table", ["c"], [], [])],
    entities=[EntitySummary("Marta Kessling", "PERSON", ["Ms Kessling"], ["c"])])
FIRE = StoryBrief("s-fire", "Library burns", [], [], entities=[EntitySummary("Brenmoor", "GPE", [], ["d"])])


def test_entity_page_by_name_alias_slug_and_word():
    page = find_entity([FERRY, TALKS, FIRE], "marta kessling")
    assert page is not None and page.name == "Marta Kessling" and page.type == "PERSON"
    assert sorted(page.aliases) == ["Kessling", "Ms Kessling"]
    assert [s.id for s in page.stories] == ["s-ferry", "s-talks"]
    assert [q.quote.text for q in page.quotes] == ["We will keep the ferries tied up", "We are back at the table"]
    assert [c.claim.text for c in page.claims] == ["Kessling leads the union"]  # whole words only
    for key in ("Ms Kessling", "marta-kessling", "Kessling", "KESSLING"):
        assert find_entity([FERRY, TALKS], key).name == "Marta Kessling"
    assert find_entity([FERRY, TALKS, FIRE], "Atlantis") is None


def test_claims_attributed_to_an_entity_count_as_naming_it():
    page = find_entity([FERRY], "Harbour Board")
    assert [c.claim.text for c in page.claims] == ["The board offered three percent"] and page.quotes == []
    assert page.to_dict()["claims"][0]["story"] == "s-ferry"


def test_names_merge_across_stories_and_slugs():
    names = entity_names([FERRY, TALKS, FIRE])
    assert [e.name for e in names][0] == "Marta Kessling" and names[0].reports == ["a", "b", "c"]
    assert slug("Aldwyn Ferry Workers' Union") == "aldwyn-ferry-workers-union"
