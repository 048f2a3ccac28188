"""Update events: what changed between a story's brief before and after it grew, recorded once."""
from __future__ import annotations

from newsloom.model import BriefReport, ClaimGroup, Disagreement, Notice, Position, QuoteGroup, StoryBrief, Variant
from newsloom.watch.events import changes, digest

AT = "2026-12-04T10:00:00+00:00"


def report(rid: str, outlet: str | None, notices: list[Notice] | None = None) -> BriefReport:
    return BriefReport(rid, f"in/{rid}.html", outlet, "Title", None, None, f"https://{rid}.test/a", "text",
                       corrections=notices or [])


def brief(reports, quotes=(), claims=(), disputes=()) -> StoryBrief:
    return StoryBrief("s1", "Velm harbour closes", [], list(reports), quotes=list(quotes), claims=list(claims),
                      disagreements=list(disputes))


def quote(*wordings: tuple[str, list[str]]) -> QuoteGroup:
    variants = [Variant(text, rids) for text, rids in wordings]
    return QuoteGroup("Ada Lenz", wordings[0][0], sorted({r for _, rids in wordings for r in rids}), variants, [])


def test_a_new_story_is_one_event():
    found = changes(brief([report("r1", "Velm Herald"), report("r2", None)]), None, AT)
    assert [(u.kind, u.text, u.reports) for u in found] == [
        ("story", "New story: Velm harbour closes (2 reports: Velm Herald, r2.test)", ["r1", "r2"])]


def test_each_kind_of_change_is_found():
    said, said_again = ("The harbour stays shut", ["r1"]), ("The harbour will stay shut", ["r3"])
    before = brief([report("r1", "Velm Herald"), report("r2", "Velm Post")], [quote(said)],
                   [ClaimGroup("The harbour closed on Monday", ["r1", "r2"], 1, [])],
                   [Disagreement("the closing day", [Position("Monday", ["r1"], []), Position("Tuesday", ["r2"], [])])])
    after = brief(
        [report("r1", "Velm Herald"), report("r2", "Velm Post", [Notice("correction", None, "The date was wrong.")]),
         report("r3", "Coast Wire")],
        [quote(said, said_again), quote(("We reopen in May", ["r3"]))],
        [ClaimGroup("The harbour closed on Monday", ["r1", "r2", "r3"], 2, [])],
        [Disagreement("the closing day", [Position("Monday", ["r1"], []), Position("Tuesday", ["r2"], []),
                                          Position("Sunday", ["r3"], [])]),
         Disagreement("the cost", [Position("4 million", ["r1"], []), Position("6 million", ["r3"], [])])],
    )
    found = [(u.kind, u.text, u.reports) for u in changes(after, digest(before), AT)]
    assert found == [
        ("outlet", "Coast Wire joined the story", ["r3"]),
        ("wording", "New wording of Ada Lenz's quote: “The harbour will stay shut”", ["r3"]),
        ("quote", "New quote from Ada Lenz: “We reopen in May”", ["r3"]),
        ("position", "New position on the closing day: “Sunday”", ["r3"]),
        ("disagreement", "New disagreement about the cost: “4 million” / “6 million”", ["r1", "r3"]),
        ("support", "“The harbour closed on Monday” is now backed by 2 independent sources (was 1)",
         ["r1", "r2", "r3"]),
        ("correction", "Velm Post printed a correction: The date was wrong.", ["r2"]),
    ]


def test_nothing_changed_is_no_event():
    same = brief([report("r1", "Velm Herald")], [quote(("The harbour stays shut", ["r1"]))])
    assert changes(same, digest(same), AT) == []


def test_ingest_then_stories_records_updates_once_a_store_tracks_them(tmp_path):
    from newsloom.pipeline import Pipeline
    from newsloom.store import SQLiteStore

    from .harbour import COAST, HERALD, POST

    files = {}
    for name, paragraphs in (("herald", HERALD), ("post", POST), ("coast", COAST)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(f"Velm harbour closed\n\nVelm {name.title()}\n\n" + "\n\n".join(paragraphs))
    with SQLiteStore(tmp_path / "desk.db") as store:
        untracked = Pipeline(store)
        untracked.ingest([files["herald"]])
        untracked.build_stories()
        assert untracked.updates == [] and store.updates() == []  # a store that never tracked: no events
        tracked = Pipeline(store)
        tracked.track_updates = True
        tracked.ingest([files["post"]])
        tracked.build_stories()
        assert [u.kind for u in tracked.updates] == ["story"]
        later = Pipeline(store)  # a plain ingest and stories run on a tracked store
        later.ingest([files["coast"]])
        later.build_stories()
        kinds = [u.kind for u in later.updates]
        assert "outlet" in kinds and "story" not in kinds
        assert len(store.updates()) == 1 + len(kinds)


def test_a_digest_missing_parts_still_compares():
    now = brief([report("r1", "Velm Herald"), report("r2", "Coast Wire")])
    found = changes(now, {"reports": ["r1"], "outlets": ["Velm Herald"]}, AT)
    assert [(u.kind, u.text) for u in found] == [("outlet", "Coast Wire joined the story")]


def test_updates_that_cannot_be_stored_do_not_stop_the_stories(tmp_path, monkeypatch):
    from newsloom.pipeline import Pipeline
    from newsloom.store import SQLiteStore, StoreError

    from .harbour import HERALD

    page = tmp_path / "herald.txt"
    page.write_text("Velm harbour closed\n\n" + "\n\n".join(HERALD))
    with SQLiteStore(tmp_path / "desk.db") as store:
        def refuse(updates):
            raise StoreError("disk full")

        monkeypatch.setattr(store, "add_updates", refuse)
        pipeline = Pipeline(store)
        pipeline.track_updates = True
        pipeline.ingest([page])
        assert len(pipeline.build_stories()) == 1 and pipeline.updates == []
        assert len(store.stories()) == 1
