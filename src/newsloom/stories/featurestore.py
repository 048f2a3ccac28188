"""Every stored report's clustering features in flat numpy arrays, with near-duplicate lookup."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import numpy as np
from numpy.typing import DTypeLike

from newsloom.stories.arrays import Column, Ragged
from newsloom.stories.fingerprints import NUM_PERM, estimate_jaccard
from newsloom.stories.lsh import BandIndex
from newsloom.stories.similarity import ReportFeatures, Vector

NO_DAY = -1
LAST_DAY = date.max.toordinal()
STATE: dict[str, tuple[DTypeLike, int]] = {  # name -> dtype, dimensions of the arrays of `FeatureStore.state`
    **{f"{part}.{field}": (dtype, 1) for part in ("terms", "entities")
       for field, dtype in (("keys", np.uint32), ("weights", np.float32), ("lengths", np.int32))},
    "days": (np.int32, 1), "signatures": (np.uint32, 2), "signed": (np.bool_, 1),
    "lsh.keys": (np.uint64, 2), "lsh.numbers": (np.int32, 2), "lsh.fresh_keys": (np.uint64, 2),
    "lsh.fresh_numbers": (np.int32, 1),
}


class FeatureStore:
    """What a StoryIndex keeps of each report, about a kilobyte plus 8 bytes per distinct term.

    Terms and entity names are numbered once for all reports; their weights are float32. A report's
    MinHash signature is one uint32 row of a shared matrix and is indexed for near-duplicate lookup.
    Reports are only ever added; `get` rebuilds a report's `ReportFeatures` on demand.
    """

    def __init__(self) -> None:
        """An empty store."""
        self._number: dict[str, int] = {}
        self._ids: list[str] = []
        self._key_number: dict[str, int] = {}
        self._keys: list[str] = []
        self._terms, self._entities = Ragged(), Ragged()
        self._days = Column(np.int32)
        self._signatures = Column(np.uint32, width=NUM_PERM)
        self._signed = Column(np.bool_)
        self._lsh = BandIndex()

    @classmethod
    def of(cls, ids: list[str], keys: list[str], rows: int, arrays: Mapping[str, np.ndarray]) -> FeatureStore:
        """A store from the parts of `state`; ValueError when they do not fit together."""
        n = len(ids)
        days, signatures, signed = arrays["days"], arrays["signatures"], arrays["signed"]
        if len(set(ids)) != n or len(set(keys)) != len(keys):
            raise ValueError("a report id or key named twice")
        if days.shape != (n,) or signatures.shape != (n, NUM_PERM) or signed.shape != (n,):
            raise ValueError("per-report arrays of another length than the report ids")
        if np.any((days != NO_DAY) & ((days < 1) | (days > LAST_DAY))):
            raise ValueError("a day outside the calendar")
        lsh = [arrays["lsh." + name] for name in ("keys", "numbers", "fresh_keys", "fresh_numbers")]
        if any(len(a) and (a.min() < 0 or a.max() >= n) for a in (lsh[1].ravel(), lsh[3])):
            raise ValueError("near-duplicate lookup names reports that are not stored")
        store = cls()
        store._ids, store._keys = ids, keys
        store._number, store._key_number = dict(zip(ids, range(n))), dict(zip(keys, range(len(keys))))
        store._terms, store._entities = (_ragged(arrays, part, n, len(keys)) for part in ("terms", "entities"))
        store._days, store._signatures, store._signed = Column.of(days), Column.of(signatures), Column.of(signed)
        store._lsh = BandIndex.of(rows, NUM_PERM, *lsh)
        return store

    def state(self) -> tuple[list[str], list[str], int, dict[str, np.ndarray]]:
        """Report ids, key names, LSH rows per band and the arrays named in `STATE` (read back with `of`)."""
        arrays = {"days": self._days.rows(), "signatures": self._signatures.rows(), "signed": self._signed.rows()}
        for part, ragged in (("terms", self._terms), ("entities", self._entities)):
            arrays.update(zip((f"{part}.keys", f"{part}.weights", f"{part}.lengths"), ragged.flat()))
        arrays.update({"lsh." + name: array for name, array in self._lsh.arrays().items()})
        return self._ids, self._keys, self._lsh.rows, arrays

    def __contains__(self, report_id: str) -> bool:
        """True once the report was added."""
        return report_id in self._number

    def __len__(self) -> int:
        """Number of reports stored."""
        return len(self._ids)

    def add(self, feats: ReportFeatures) -> ReportFeatures:
        """Store a report's features (a second add is ignored) and return them as stored."""
        rid = feats.report_id
        if rid not in self._number:
            number = len(self._ids)
            self._number[rid] = number
            self._ids.append(rid)
            self._terms.append(*self._encode(feats.terms))
            self._entities.append(*self._encode(feats.entities))
            self._days.append(feats.day.toordinal() if feats.day else NO_DAY)
            signed = feats.signature is not None
            self._signatures.append(feats.signature if signed else np.zeros(NUM_PERM, dtype=np.uint32))
            self._signed.append(signed)
            if signed:
                self._lsh.insert(number, feats.signature)
        return self.get(rid)

    def get(self, report_id: str) -> ReportFeatures:
        """The stored features of a report (weights as stored, float32 precision)."""
        number = self._number[report_id]
        signature = self._signatures[number] if self._signed[number] else None
        return ReportFeatures(report_id, self.day(report_id), self._decode(self._terms.row(number)),
                              self._decode(self._entities.row(number)), signature)

    def day(self, report_id: str) -> date | None:
        """Publication day of a stored report."""
        ordinal = int(self._days[self._number[report_id]])
        return None if ordinal == NO_DAY else date.fromordinal(ordinal)

    def near(self, signature: np.ndarray | None, threshold: float) -> list[str]:
        """Stored reports whose MinHash-estimated Jaccard with `signature` is at least `threshold`."""
        if signature is None:
            return []
        numbers = self._lsh.query(signature)
        if not len(numbers):
            return []
        agree = estimate_jaccard(signature, self._signatures.take(numbers))
        return [self._ids[n] for n in numbers[agree >= threshold].tolist()]

    def _encode(self, vec: Vector) -> tuple[list[int], list[float]]:
        """Key numbers and weights of a sparse vector, numbering keys seen for the first time."""
        numbers = []
        for key in vec:
            number = self._key_number.get(key)
            if number is None:
                number = self._key_number[key] = len(self._keys)
                self._keys.append(key)
            numbers.append(number)
        return numbers, list(vec.values())

    def _decode(self, row: tuple[np.ndarray, np.ndarray]) -> Vector:
        """A sparse vector back from key numbers and weights."""
        keys, weights = row
        return dict(zip([self._keys[k] for k in keys.tolist()], weights.tolist()))


def _ragged(arrays: Mapping[str, np.ndarray], part: str, rows: int, keys: int) -> Ragged:
    """The `part` rows of `FeatureStore.state` arrays, checked against the numbers of reports and keys."""
    numbers, weights, lengths = (arrays[f"{part}.{field}"] for field in ("keys", "weights", "lengths"))
    if lengths.shape != (rows,) or np.any(lengths < 0) or (len(numbers) and int(numbers.max()) >= keys):
        raise ValueError(f"{part}: rows that do not fit the reports and keys")
    return Ragged.of(numbers, weights, lengths)
