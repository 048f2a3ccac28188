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


def test_band_index_finds_shared_bands_before_and_after_merging(monkeypatch):
    monkeypatch.setattr(lsh, "FRESH", 8)
    rng = np.random.default_rng(3)
    index = BandIndex()
    signatures = [random_signature(rng) for _ in range(20)]
    for number, sig in enumerate(signatures):
        index.insert(number, sig)
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
