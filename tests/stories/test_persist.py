"""The kept story index as data-only bytes: exact round trips, and a ValueError for anything else."""
from __future__ import annotations

import random
from itertools import islice

import pytest

from bench.scale import reports
from newsloom.model import Annotated
from newsloom.stories import lsh
from newsloom.stories.clustering import FORMAT, StoryIndex, add_batch, build_index
from newsloom.stories.similarity import ReportFeatures
from tests.stories.test_packing import relabel


def invented(n: int, seed: int = 7) -> list[Annotated]:
    """`n` reports of invented events (the scale bench's generator)."""
    return [ann for ann, _ in islice(reports(seed), n)]


def placed(index: StoryIndex) -> list[tuple[str, list[str]]]:
    """Each story's id and members."""
    return [(s.id, s.report_ids) for s in index.stories()]


def scores(index: StoryIndex, probes: list[Annotated]) -> list[list[tuple[int, float]]]:
    """Each probe's candidate stories and scores, as `add` would see them."""
    return [index._scores(ReportFeatures.of(ann)) for ann in probes]


def test_a_kept_index_places_new_reports_exactly_as_the_original_would(monkeypatch):
    monkeypatch.setattr(lsh, "FRESH", 64)  # near-duplicate bands both merged and still buffered
    anns = invented(900)
    index = build_index(anns[:600])
    copy = StoryIndex.loads(index.dumps())
    assert placed(copy) == placed(index) and copy.report_ids() == index.report_ids()
    for batch in (anns[600:750], anns[750:850]):
        assert scores(copy, anns[850:]) == scores(index, anns[850:])  # to the last bit
        add_batch(index, batch)
        add_batch(copy, batch)
        assert placed(copy) == placed(index)
        copy = StoryIndex.loads(copy.dumps())


def test_a_fitted_index_keeps_its_fixed_statistics_and_waiting_features():
    anns = invented(160, seed=3)
    index = StoryIndex.fitted(anns, threshold=0.2)
    for ann in anns[:80]:
        index.add(ann)
    copy = StoryIndex.loads(index.dumps())
    assert copy.threshold == 0.2 and copy.term_df.n == index.term_df.n == 160 and copy.term_df.df == index.term_df.df
    assert [ann.report_id in copy._fitted for ann in anns] == [ann.report_id in index._fitted for ann in anns]
    assert [copy.add(ann) for ann in anns[80:]] == [index.add(ann) for ann in anns[80:]]
    assert placed(copy) == placed(index) and copy.term_df.n == 160  # still fixed
    empty = StoryIndex.loads(StoryIndex().dumps())
    assert empty.stories() == [] and empty.add(anns[0]) == StoryIndex().add(anns[0])


@pytest.fixture(scope="module")
def kept() -> tuple[bytes, Annotated]:
    """A small kept index, and a report it does not hold."""
    anns = invented(60, seed=11)
    return build_index(anns[:-1]).dumps(), anns[-1]


def test_truncated_bytes_are_refused(kept):
    data, _ = kept
    for end in [len(FORMAT) + 4, *range(len(FORMAT) + 8, len(data), max(1, len(data) // 40)), len(data) - 1]:
        with pytest.raises(ValueError):
            StoryIndex.loads(data[:end])


def test_random_bytes_are_refused():
    rng = random.Random(5)
    for size in (0, 7, 8, 64, 5000):
        with pytest.raises(ValueError):
            StoryIndex.loads(FORMAT + rng.randbytes(size))
        with pytest.raises(ValueError):
            StoryIndex.loads(FORMAT + (size + 2).to_bytes(8, "little") + b"{}" + rng.randbytes(size))


@pytest.mark.parametrize("lie", [
    lambda h: h["arrays"]["store.signatures"].__setitem__(1, [10**12, 128]),
    lambda h: h["arrays"]["store.lsh.keys"].__setitem__(1, [10**9, 0]),  # a billion empty bands
    lambda h: h["arrays"]["members.lengths"].__setitem__(1, [2**40]),
    lambda h: h["values"].__setitem__("lsh_rows", 10**12),
    lambda h: h["values"].__setitem__("store_keys", 10**12),
    lambda h: h["values"].__setitem__("ids", h["values"]["ids"][:-1]),
    lambda h: h["values"].__setitem__("words", h["values"]["words"][:3]),
    lambda h: h["values"].__setitem__("next_cluster", 0),
    lambda h: h["values"].__setitem__("fitted", ["x"]),
    lambda h: h["values"].pop("threshold"),
])
def test_a_head_that_lies_about_sizes_or_contents_is_refused(kept, lie):
    data, _ = kept
    with pytest.raises(ValueError):
        StoryIndex.loads(FORMAT + relabel(data[len(FORMAT):], lie))


def test_corrupted_bytes_are_refused_or_read_as_a_working_index(kept):
    data, extra = kept
    rng = random.Random(9)
    read = 0
    for _ in range(300):
        spoilt = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            spoilt[rng.randrange(len(FORMAT), len(data))] = rng.randrange(256)
        try:
            index = StoryIndex.loads(bytes(spoilt))
        except ValueError:
            continue
        read += 1
        index.stories()
        index.add(extra)
    assert 0 < read < 300


def test_indexes_kept_by_earlier_versions_are_refused():
    for data in (b"newsloom.story-index/1\n\x80\x05\x95", FORMAT + b"\x80\x05\x95\x10\x00\x00\x00\x00\x00"):
        with pytest.raises(ValueError):
            StoryIndex.loads(data)
