"""A story index's parts to and from data-only bytes (`packing`): strings in JSON, numbers in arrays."""
from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, pairwise

import numpy as np
from numpy.typing import DTypeLike

from newsloom.stories.featurestore import NO_DAY, STATE, FeatureStore
from newsloom.stories.fingerprints import NUM_PERM
from newsloom.stories.packing import Packed, pack
from newsloom.stories.similarity import Centroid, DocFreq, ReportFeatures

CACHED = ("terms", "names", "numbers")  # the keys of `Centroid._cache`
Cluster = tuple[list[str], Centroid, set[str]]  # members in order of addition, centroid, retrieval keys


@dataclass
class IndexParts:
    """What a StoryIndex holds; `load` also derives its two lookup tables, which `dump` does not write."""

    threshold: float
    text_weight: float
    frozen: bool
    next_cluster: int
    built_from: int
    term_df: DocFreq
    entity_df: DocFreq
    store: FeatureStore
    fitted: dict[str, ReportFeatures]
    clusters: dict[int, Cluster]
    cluster_of: dict[str, int] = field(default_factory=dict)  # report id -> cluster, in order of addition
    postings: dict[str, set[int]] = field(default_factory=dict)  # retrieval key -> clusters


class _Words:
    """Numbers for strings, the first ones given, later ones numbered as they come."""

    def __init__(self, first: list[str]) -> None:
        """Start from `first`, numbered in order."""
        self.words = list(first)
        self._number = {word: i for i, word in enumerate(self.words)}

    def rows(self, rows: Iterable[Iterable[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The numbers of each row's strings end to end, and each row's length."""
        flat: list[int] = []
        lengths: list[int] = []
        for row in rows:
            start = len(flat)
            try:
                flat.extend(map(self._number.__getitem__, row))
            except KeyError:
                del flat[start:]
                flat.extend(self._add(word) for word in row)
            lengths.append(len(flat) - start)
        return np.array(flat, dtype=np.uint32), np.array(lengths, dtype=np.int32)

    def _add(self, word: str) -> int:
        """The number of a string, numbering it when new."""
        number = self._number.get(word)
        if number is None:
            number = self._number[word] = len(self.words)
            self.words.append(word)
        return number


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (when on): it would sweep the growing index over and over."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def dump(parts: IndexParts) -> bytes:
    """The parts as bytes (read back with `load`)."""
    with _collector_paused():
        return _dump(parts)


def load(data: bytes | memoryview) -> IndexParts:
    """Parts from `dump` bytes; ValueError when anything is missing, malformed or inconsistent."""
    with _collector_paused():
        return _load(data)


def _dump(parts: IndexParts) -> bytes:
    """`dump` with the collector paused."""
    ids, keys, lsh_rows, store_arrays = parts.store.state()
    words = _Words(keys)
    arrays = {"store." + name: array for name, array in store_arrays.items()}
    arrays["clusters"] = np.array(list(parts.clusters), dtype=np.int64)
    members, centroids, cluster_keys = zip(*parts.clusters.values()) if parts.clusters else ((), (), ())
    arrays.update(_rows("members", _Words(ids), members))
    arrays.update(_rows("keys", words, cluster_keys))
    arrays.update(_vectors("centroid.terms", words, [c.terms for c in centroids], np.float64))
    arrays.update(_vectors("centroid.entities", words, [c.entities for c in centroids], np.float64))
    arrays["centroid.days"] = np.array([[_ordinal(c.first), _ordinal(c.last)] for c in centroids],
                                       dtype=np.int32).reshape(-1, 2)
    arrays["centroid.versions"] = np.array([c.version for c in centroids], dtype=np.int64)
    hits = [[c._cache.get(key) for key in CACHED] for c in centroids]
    arrays["cache.held"] = np.array([[hit is not None for hit in row] for row in hits], dtype=np.bool_).reshape(-1, 3)
    for i, name in enumerate(("versions", "counts")):
        arrays[f"cache.{name}"] = np.array([[hit[i] if hit else 0 for hit in row] for row in hits],
                                           dtype=np.int64).reshape(-1, 3)
    arrays["cache.values"] = np.array([[hit[2] if hit else 0.0 for hit in row] for row in hits],
                                      dtype=np.float64).reshape(-1, 3)
    for name, df in (("term_df", parts.term_df), ("entity_df", parts.entity_df)):
        arrays.update(_vectors(name, words, [df.df], np.int64))
    fitted = list(parts.fitted.values())
    arrays.update(_vectors("fitted.terms", words, [f.terms for f in fitted], np.float64))
    arrays.update(_vectors("fitted.entities", words, [f.entities for f in fitted], np.float64))
    arrays["fitted.days"] = np.array([_ordinal(f.day) for f in fitted], dtype=np.int32)
    arrays["fitted.signed"] = np.array([f.signature is not None for f in fitted], dtype=np.bool_)
    arrays["fitted.signatures"] = np.array([np.zeros(NUM_PERM) if f.signature is None else f.signature
                                            for f in fitted], dtype=np.uint32).reshape(-1, NUM_PERM)
    values = {"threshold": parts.threshold, "text_weight": parts.text_weight, "frozen": parts.frozen,
              "next_cluster": parts.next_cluster, "built_from": parts.built_from, "ids": ids,
              "store_keys": len(keys), "lsh_rows": lsh_rows, "term_df.n": parts.term_df.n,
              "entity_df.n": parts.entity_df.n, "fitted": [f.report_id for f in fitted], "words": words.words}
    return pack(values, arrays)


def _load(data: bytes | memoryview) -> IndexParts:
    """`load` with the collector paused."""
    packed = Packed(data)
    words, ids = packed.strings("words"), packed.strings("ids")
    if len(set(words)) != len(words):
        raise ValueError("a word numbered twice")
    store_keys = packed.value("store_keys", int)
    if not 0 <= store_keys <= len(words):
        raise ValueError("more store keys than words")
    arrays = {name: packed.array("store." + name, dtype, ndim) for name, (dtype, ndim) in STATE.items()}
    store = FeatureStore.of(ids, words[:store_keys], packed.value("lsh_rows", int), arrays)
    clusters = _clusters(packed, words, ids)
    numbers = np.array(list(clusters), dtype=np.int64)
    owner = np.empty(len(ids), dtype=np.int64)
    owner[packed.array("members.keys", np.uint32)] = np.repeat(numbers, packed.array("members.lengths", np.int32))
    return IndexParts(
        threshold=packed.value("threshold", float),
        text_weight=packed.value("text_weight", float),
        frozen=packed.value("frozen", bool),
        next_cluster=packed.value("next_cluster", int),
        built_from=packed.value("built_from", int),
        term_df=_doc_freq(packed, "term_df", words),
        entity_df=_doc_freq(packed, "entity_df", words),
        store=store,
        fitted=_fitted(packed, words),
        clusters=clusters,
        cluster_of=dict(zip(ids, owner.tolist())),
        postings=_postings(packed, numbers, words),
    )


def _clusters(packed: Packed, words: list[str], ids: list[str]) -> dict[int, Cluster]:
    """The clusters: each stored report a member of exactly one, numbered below the next cluster's number."""
    numbers, bound = packed.array("clusters", np.int64).tolist(), packed.value("next_cluster", int)
    if len(set(numbers)) != len(numbers) or any(not 0 <= c < bound for c in numbers):
        raise ValueError("cluster numbers repeated or out of range")
    size = len(numbers)
    members = _lists(packed, "members", size, ids)
    if not all(members) or np.any(np.bincount(packed.array("members.keys", np.uint32), minlength=len(ids)) != 1):
        raise ValueError("stored reports not each in exactly one story")
    terms = _dicts(packed, "centroid.terms", size, words, np.float64)
    entities = _dicts(packed, "centroid.entities", size, words, np.float64)
    days, versions = packed.array("centroid.days", np.int32, 2), packed.array("centroid.versions", np.int64)
    cache = [packed.array(f"cache.{name}", dtype, 2) for name, dtype in (
        ("held", np.bool_), ("versions", np.int64), ("counts", np.int64), ("values", np.float64))]
    if days.shape != (size, 2) or versions.shape != (size,) or any(a.shape != (size, 3) for a in cache):
        raise ValueError("centroid arrays of another length than the clusters")
    held, *hits = (a.tolist() for a in cache)
    out = {}
    rows = zip(numbers, members, terms, entities, days.tolist(), versions.tolist(), _lists(packed, "keys", size, words))
    for i, (number, member, term, entity, (first, last), version, keys) in enumerate(rows):
        cached = {key: (hits[0][i][j], hits[1][i][j], hits[2][i][j]) for j, key in enumerate(CACHED) if held[i][j]}
        out[number] = (member, Centroid(term, entity, _day(first), _day(last), version, cached), set(keys))
    return out


def _fitted(packed: Packed, words: list[str]) -> dict[str, ReportFeatures]:
    """Features extracted up front and not added yet, by report id."""
    ids = packed.strings("fitted")
    size = len(ids)
    days, signed = packed.array("fitted.days", np.int32), packed.array("fitted.signed", np.bool_)
    signatures = packed.array("fitted.signatures", np.uint32, 2)
    if len(set(ids)) != size or days.shape != (size,) or signed.shape != (size,) or signatures.shape != (
            size, NUM_PERM):
        raise ValueError("fitted features that do not fit together")
    terms = _dicts(packed, "fitted.terms", size, words, np.float64)
    entities = _dicts(packed, "fitted.entities", size, words, np.float64)
    return {rid: ReportFeatures(rid, _day(day), terms[i], entities[i], signatures[i].copy() if sign else None)
            for i, (rid, day, sign) in enumerate(zip(ids, days.tolist(), signed.tolist()))}


def _doc_freq(packed: Packed, name: str, words: list[str]) -> DocFreq:
    """Document frequencies: a count of documents and one count per key, none negative."""
    df = DocFreq()
    df.n = packed.value(name + ".n", int)
    counts = _dicts(packed, name, 1, words, np.int64)[0]
    if df.n < 0 or any(count < 0 for count in counts.values()):
        raise ValueError(f"{name}: negative counts")
    df.df = Counter(counts)
    return df


def _rows(name: str, words: _Words, rows: Iterable[Iterable[str]]) -> dict[str, np.ndarray]:
    """Rows of strings as `name.keys` (numbers in `words`) and `name.lengths`."""
    keys, lengths = words.rows(rows)
    return {name + ".keys": keys, name + ".lengths": lengths}


def _vectors(name: str, words: _Words, vectors: list[Mapping[str, float]], dtype: DTypeLike) -> dict[str, np.ndarray]:
    """Sparse vectors as `_rows` of their keys and `name.values`, in each vector's own key order."""
    values = np.fromiter(chain.from_iterable(v.values() for v in vectors), dtype=dtype,
                         count=sum(map(len, vectors)))
    return _rows(name, words, vectors) | {name + ".values": values}


def _flat(packed: Packed, name: str, size: int, words: list[str]) -> tuple[list[str], list[int]]:
    """The strings of `size` rows written by `_rows` end to end, and where each row starts (then the end)."""
    keys, lengths = packed.array(name + ".keys", np.uint32), packed.array(name + ".lengths", np.int32)
    if lengths.shape != (size,) or np.any(lengths < 0) or int(lengths.sum()) != len(keys):
        raise ValueError(f"{name}: row lengths do not add up")
    if len(keys) and int(keys.max()) >= len(words):
        raise ValueError(f"{name}: a string number out of range")
    return list(map(words.__getitem__, keys.tolist())), [0, *np.cumsum(lengths).tolist()]


def _lists(packed: Packed, name: str, size: int, words: list[str]) -> list[list[str]]:
    """`size` rows of strings written by `_rows`; ValueError when their numbers or lengths do not fit."""
    flat, bounds = _flat(packed, name, size, words)
    return [flat[start:end] for start, end in pairwise(bounds)]


def _dicts(packed: Packed, name: str, size: int, words: list[str], dtype: DTypeLike) -> list[dict]:
    """`size` sparse vectors written by `_vectors`."""
    flat, bounds = _flat(packed, name, size, words)
    values = packed.array(name + ".values", dtype).tolist()
    if len(values) != len(flat):
        raise ValueError(f"{name}: as many values as keys expected")
    return [dict(zip(flat[start:end], values[start:end])) for start, end in pairwise(bounds)]


def _postings(packed: Packed, numbers: np.ndarray, words: list[str]) -> dict[str, set[int]]:
    """The clusters under each retrieval key, from the clusters' keys (checked by `_clusters`)."""
    keys = packed.array("keys.keys", np.uint32)
    owners = np.repeat(numbers, packed.array("keys.lengths", np.int32))
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order].tolist()
    if not len(keys):
        return {}
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    bounds = [*starts.tolist(), len(owners)]
    return {words[key]: set(owners[start:end]) for key, (start, end) in zip(keys[starts].tolist(), pairwise(bounds))}


def _ordinal(day: date | None) -> int:
    """A day as its ordinal, `NO_DAY` for none."""
    return NO_DAY if day is None else day.toordinal()


def _day(ordinal: int) -> date | None:
    """A day back from `_ordinal` (ValueError outside the calendar)."""
    return None if ordinal == NO_DAY else date.fromordinal(ordinal)
