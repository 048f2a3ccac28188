"""Filtered search pages through the index's best hits and keeps those passing the filters."""
from newsloom.find import Filters, search_filtered
from newsloom.find import search as finding
from newsloom.model import ClaimGroup, EntitySummary, Evidence, QuoteGroup, StoryBrief
from newsloom.store.base import SearchHit


class FakeStore:
    """Answers searches from a fixed ranked list of hits, counting the calls."""

    def __init__(self, hits):
        self.hits, self.calls = hits, 0

    def search(self, query, kinds, limit, offset):
        self.calls += 1
        return self.hits[offset:offset + limit]


def hit(n: int, kind="report", outlet="Gazette", published="2031-03-03", speaker=None, story="s-1", start=0):
    return SearchHit(kind, f"r{n}", story, f"hit {n}", start, start + 5, outlet=outlet, published=published,
                     speaker=speaker)


BRIEF = StoryBrief("s-1", "Ferries", [], [],
                   quotes=[QuoteGroup("Marta Kessling", "we will", ["r1"], [], [])],
                   claims=[ClaimGroup("strong", ["r2", "r3"], 2, [Evidence("r2", 10, 15)]),
                           ClaimGroup("weak", ["r4"], 1, [Evidence("r4", 20, 25)])],
                   entities=[EntitySummary("Harbour Board", "ORG", ["the board"], ["r1", "r2"])])


def test_unfiltered_search_is_one_store_call():
    store = FakeStore([hit(i) for i in range(50)])
    assert [h.report_id for h in search_filtered(store, "q", limit=3, offset=2)] == ["r2", "r3", "r4"]
    assert store.calls == 1


def test_outlet_and_dates_filter_and_page(monkeypatch):
    monkeypatch.setattr(finding, "BATCH", 4)
    hits = [hit(i, outlet="Gazette" if i % 2 else "Courier", published=f"2031-03-{1 + i:02d}") for i in range(20)]
    store = FakeStore(hits)
    got = search_filtered(store, "q", limit=3, offset=1, filters=Filters(outlet="gazette"))
    assert [h.report_id for h in got] == ["r3", "r5", "r7"] and store.calls > 1
    ranged = search_filtered(FakeStore(hits), "q", limit=20, filters=Filters(since="2031-03-05", until="2031-03-07"))
    assert [h.report_id for h in ranged] == ["r4", "r5", "r6"]


def test_speaker_entity_and_support_use_the_story_brief():
    hits = [hit(1), hit(2, "claim", start=10), hit(4, "claim", start=20), hit(5, "quote", speaker="Marta Kessling"),
            hit(6, story=None)]
    briefs = {"s-1": BRIEF}.get
    ids = lambda f: [h.report_id for h in search_filtered(FakeStore(hits), "q", filters=f, brief_of=briefs)]  # noqa: E731
    assert ids(Filters(speaker="marta kessling")) == ["r1", "r5"]  # the report quoting her, and her quote
    assert ids(Filters(entity="The Board")) == ["r1", "r2"]
    assert ids(Filters(min_sources=2)) == ["r1", "r2", "r5"]  # the weak claim goes; others' story has a strong one
