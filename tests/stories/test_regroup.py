"""Keeping the story index between runs: bytes round trip, new reports placed, unchanged stories kept."""
from __future__ import annotations

import pickle

import pytest

from newsloom.stories import StoryIndex, group, grouped, regroup
from newsloom.stories.clustering import FORMAT, outgrown
from tests.stories.test_clustering import mixed, partition


def test_index_round_trips_through_bytes_and_keeps_adding():
    anns = mixed()
    _, index = grouped(anns[:-3])
    copy = StoryIndex.loads(index.dumps())
    assert partition(copy.stories()) == partition(index.stories())
    assert copy.report_ids() == index.report_ids() and anns[0].report_id in copy
    for ann in anns[-3:]:
        assert copy.add(ann) == index.add(ann)
    assert partition(copy.stories()) == partition(index.stories())


@pytest.mark.parametrize("data", [b"", b"junk", FORMAT + b"\x80\x05broken", FORMAT + pickle.dumps(42)])
def test_loads_refuses_what_is_not_an_index(data):
    with pytest.raises(ValueError):
        StoryIndex.loads(data)


def test_new_reports_join_their_stories_and_unchanged_stories_keep_their_edges():
    anns = mixed()
    derailment = {"t0", "trw", "tcp"}  # original, rewrite, copy
    first = [a for a in anns if a.report_id not in derailment]
    later = [a for a in anns if a.report_id in derailment]
    before, index = grouped(first)
    loaded: list[list[str]] = []
    by_id = {a.report_id: a for a in anns}

    def load(ids):
        loaded.append(ids)
        return [by_id[r] for r in ids]

    after = regroup(index, later, before, load, [a.report_id for a in first + later])
    assert partition(after) == partition(group(anns))
    assert loaded == [["t0", "trw", "tcp"]]  # only the new story was read for copy detection
    assert all(any(s is b for b in before) for s in after if s.report_ids[0] != "t0")
    train = next(s for s in after if "t0" in s.report_ids)
    assert {e.copy: e.original for e in train.edges} == {"trw": "t0", "tcp": "t0"}


def test_a_batch_lands_the_same_in_any_order():
    anns = mixed()
    first, later = anns[:7], anns[7:]
    results = []
    for batch in (later, later[::-1]):
        before, index = grouped(first)
        after = regroup(index, batch, before, lambda ids: [a for a in anns if a.report_id in ids],
                        [a.report_id for a in anns])
        results.append(partition(after))
    assert results[0] == results[1]


def test_stories_that_no_longer_match_the_index_are_refused():
    anns = mixed()
    before, index = grouped(anns[:7])
    assert regroup(index, anns[7:], before[1:], lambda ids: [], [a.report_id for a in anns]) is None


def test_a_doubled_store_is_grouped_anew():
    anns = mixed()
    before, index = grouped(anns[:5])
    assert index.built_from == 5
    assert not outgrown(index, 9) and outgrown(index, 10)
    assert regroup(index, anns[5:], before, lambda ids: [], [a.report_id for a in anns]) is None


def test_a_story_that_grows_compares_only_its_newcomers(monkeypatch):
    from newsloom.stories import provenance

    anns = mixed()
    first = [a for a in anns if a.report_id != "tcp"]
    before, index = grouped(first)
    calls = []
    real = provenance.compare
    monkeypatch.setattr(provenance, "compare", lambda a, b: calls.append(a.ann.report_id) or real(a, b))
    by_id = {a.report_id: a for a in anns}
    after = regroup(index, [by_id["tcp"]], before, lambda ids: [by_id[r] for r in ids],
                    [a.report_id for a in first] + ["tcp"])
    assert set(calls) == {"tcp"}
    train = next(s for s in after if "tcp" in s.report_ids)
    assert train.edges == next(s for s in group(anns) if "tcp" in s.report_ids).edges
    assert {e.copy: e.original for e in train.edges} == {"trw": "t0", "tcp": "t0"}
