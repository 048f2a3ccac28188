"""Compact storage under the story index: block columns, banded LSH, the per-report feature store."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newsloom.stories import lsh
from newsloom.stories.arrays import Column, Ragged
from newsloom.stories.featurestore import FeatureStore
from newsloom.stories.fingerprints import NUM_PERM, text_signature
from newsloom.stories.lsh import BandIndex
from newsloom.stories.similarity import ReportFeatures
from tests.stories import news


def test_column_appends_across_blocks_and_gathers_rows():
    col = Column(np.int32, block=4)
    for i in range(10):
        col.append(i * 10)
    assert len(col) == 10 and int(col[9]) == 90
    assert col.take(np.array([7, 0, 4])).tolist() == [70, 0, 40]
    with pytest.raises(IndexError):
        col[10]
    vectors = Column(np.uint32, width=3, block=2)
    for i in range(5):
        vectors.append([i, i + 1, i + 2])
    assert vectors[4].tolist() == [4, 5, 6] and vectors.take(np.array([3, 1])).tolist() == [[3, 4, 5], [1, 2, 3]]


def test_ragged_rows_never_split_and_may_outgrow_a_block():
    rows = Ragged(block=4)
    rows.append([1, 2, 3], [0.5, 0.25, 1.0])
    rows.append([4, 5], [2.0, 3.0])  # does not fit after the first row: a new block
    rows.append(list(range(9)), [1.0] * 9)  # longer than a block
    rows.append([], [])
    assert len(rows) == 4
    keys, weights = rows.row(1)
    assert keys.tolist() == [4, 5] and weights.tolist() == [2.0, 3.0]
    assert rows.row(2)[0].tolist() == list(range(9)) and rows.row(3)[0].tolist() == []


def random_signature(rng: np.random.Generator) -> np.ndarray:
    """A signature of random 32-bit values."""
    return rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)


def filled(count: int, rng: np.random.Generator) -> tuple[BandIndex, list[np.ndarray]]:
    """A band index of `count` random signatures, numbered in order, and the signatures."""
    index = BandIndex()
    signatures = [random_signature(rng) for _ in range(count)]
    for number, sig in enumerate(signatures):
        index.insert(number, sig)
    return index, signatures


def test_band_index_finds_shared_bands_before_and_after_merging(monkeypatch):
    monkeypatch.setattr(lsh, "FRESH", 8)
    rng = np.random.default_rng(3)
    index, signatures = filled(20, rng)
    assert len(index) == 20  # 16 merged into the sorted bands, 4 still fresh
    near = signatures[2].copy()
    near[lsh.ROWS :] = random_signature(rng)[lsh.ROWS :]  # only the first band agrees
    assert index.query(near).tolist() == [2]
    assert index.query(signatures[18]).tolist() == [18]
    assert index.query(random_signature(rng)).tolist() == []


def features(rid: str, text: str, day: date | None = None) -> ReportFeatures:
    """Features of an invented report."""
    return ReportFeatures(rid, day, {"train": 0.8, "derail": 0.6}, {"hollin cross": 1.0}, text_signature(text))


def test_feature_store_round_trip_and_near_duplicates():
    store = FeatureStore()
    original = features("a", news.TRAIN_ORIGINAL, date(2024, 3, 9))
    stored = store.add(original)
    assert stored.terms == pytest.approx(original.terms) and stored.entities == original.entities
    assert stored.day == date(2024, 3, 9) and np.array_equal(stored.signature, original.signature)
    store.add(features("b", news.RATES_1))
    store.add(features("empty", ""))
    assert "a" in store and len(store) == 3 and store.add(features("a", news.RATES_1)).day == date(2024, 3, 9)
    assert store.day("b") is None and store.get("empty").signature is None
    assert store.near(text_signature(news.TRAIN_ORIGINAL + " Reporting by staff."), 0.6) == ["a"]
    assert store.near(text_signature(news.QUAKE_TR_1), 0.6) == [] and store.near(None, 0.6) == []


def test_columns_and_ragged_rows_come_back_from_their_arrays_laid_out_alike():
    col = Column(np.uint32, width=2, block=3)
    for i in range(7):
        col.append([i, i * i])
    back = Column.of(col.rows(), block=3)
    assert back.rows().tolist() == col.rows().tolist() == [[i, i * i] for i in range(7)]
    back.append([7, 49])
    assert back[7].tolist() == [7, 49] and len(Column.of(np.empty(0, np.int32)).rows()) == 0
    rows = Ragged(block=4)
    for n in (3, 2, 0, 9, 1, 4, 0, 2):
        rows.append(list(range(n)), [n / 2] * n)
    again = Ragged.of(*rows.flat(), block=4)
    for ragged in (rows, again):
        ragged.append([5, 6, 7], [0.5, 0.5, 0.5])
    assert again._where.rows().tolist() == rows._where.rows().tolist()  # same blocks, same places
    assert [again.row(i)[0].tolist() for i in range(9)] == [rows.row(i)[0].tolist() for i in range(9)]
    with pytest.raises(ValueError):
        Ragged.of(np.arange(3, dtype=np.uint32), np.ones(3, np.float32), np.array([1, 1], np.int32))


def test_band_index_comes_back_from_its_arrays(monkeypatch):
    monkeypatch.setattr(lsh, "FRESH", 8)
    index, signatures = filled(12, np.random.default_rng(5))
    back = BandIndex.of(lsh.ROWS, NUM_PERM, **index.arrays())
    assert len(back) == 12 and all(back.query(s).tolist() == index.query(s).tolist() for s in signatures)
    arrays = index.arrays()
    with pytest.raises(ValueError):  # bands needing more values than a signature has
        BandIndex.of(lsh.ROWS, lsh.BANDS * lsh.ROWS - 1, **arrays)
    with pytest.raises(ValueError):  # unsorted band
        BandIndex.of(lsh.ROWS, NUM_PERM, **(arrays | {"keys": arrays["keys"][:, ::-1]}))


def test_feature_store_comes_back_from_its_state():
    store = FeatureStore()
    for rid, text, day in (("a", news.TRAIN_ORIGINAL, date(2024, 3, 9)), ("b", news.RATES_1, None), ("c", "", None)):
        store.add(features(rid, text, day))
    ids, keys, rows, arrays = store.state()
    back = FeatureStore.of(list(ids), list(keys), rows, arrays)
    a, was = back.get("a"), store.get("a")
    assert (a.terms, a.entities, a.day) == (was.terms, was.entities, date(2024, 3, 9))
    assert len(back) == 3 and "c" in back and np.array_equal(a.signature, was.signature)
    assert back.near(text_signature(news.TRAIN_ORIGINAL), 0.6) == ["a"] and back.get("c").signature is None
    with pytest.raises(ValueError):
        FeatureStore.of(["a", "a", "b"], list(keys), rows, arrays)
    with pytest.raises(ValueError):
        FeatureStore.of(list(ids), list(keys)[:1], rows, arrays)  # key numbers past the keys
    with pytest.raises(ValueError):
        FeatureStore.of(list(ids), list(keys), rows, arrays | {"days": np.array([0, -1, -1], np.int32)})
