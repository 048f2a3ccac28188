"""Banded MinHash LSH kept in sorted numpy arrays: candidate near-duplicates of a signature."""
from __future__ import annotations

import numpy as np

BANDS, ROWS = 18, 7  # datasketch's optimum for Jaccard 0.6 with 128 permutations (equal FP/FN weights)
FRESH = 4096  # inserts kept unsorted before they are merged into the sorted bands
SEED = 1


class BandIndex:
    """Report numbers by the hashes of their signatures' bands; two reports agreeing on a band meet.

    About 216 bytes per report: each band keeps a sorted array of 64-bit band hashes with the report
    numbers beside them; new reports wait in a small unsorted buffer that is merged in by the thousand.
    """

    def __init__(self, bands: int = BANDS, rows: int = ROWS) -> None:
        """An empty index of `bands` bands of `rows` signature values each."""
        self.bands, self.rows = bands, rows
        self._mix = np.random.default_rng(SEED).integers(1, 2**62, size=rows, dtype=np.uint64) * 2 + 1
        self._keys = [np.empty(0, dtype=np.uint64) for _ in range(bands)]
        self._numbers = [np.empty(0, dtype=np.int32) for _ in range(bands)]
        self._fresh_keys = np.empty((FRESH, bands), dtype=np.uint64)
        self._fresh_numbers = np.empty(FRESH, dtype=np.int32)
        self._fresh = 0

    @classmethod
    def of(cls, rows: int, width: int, keys: np.ndarray, numbers: np.ndarray, fresh_keys: np.ndarray,
           fresh_numbers: np.ndarray) -> BandIndex:
        """An index from the arrays of `arrays` (a band per row of `keys`) over signatures of `width` values.

        ValueError when the arrays do not fit together or the bands need more than `width` values.
        """
        bands = len(keys)
        fits = (1 <= bands and 1 <= rows and bands * rows <= width and keys.shape == numbers.shape
                and fresh_keys.shape == (len(fresh_numbers), bands) and len(fresh_numbers) < FRESH)
        if not fits or np.any(keys[:, 1:] < keys[:, :-1]):
            raise ValueError("band arrays that do not fit together")
        index = cls(bands, rows)
        index._keys, index._numbers = [k.copy() for k in keys], [n.copy() for n in numbers]
        index._fresh = len(fresh_numbers)
        index._fresh_keys[: index._fresh], index._fresh_numbers[: index._fresh] = fresh_keys, fresh_numbers
        return index

    def arrays(self) -> dict[str, np.ndarray]:
        """Each band's sorted hashes and report numbers (one row per band), and the inserts not merged yet."""
        return {"keys": np.stack(self._keys), "numbers": np.stack(self._numbers),
                "fresh_keys": self._fresh_keys[: self._fresh], "fresh_numbers": self._fresh_numbers[: self._fresh]}

    def __len__(self) -> int:
        """Number of reports inserted."""
        return len(self._keys[0]) + self._fresh

    def band_keys(self, signature: np.ndarray) -> np.ndarray:
        """One 64-bit hash per band of a signature (wrapping multiply-add of its values)."""
        bands = signature[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        return (bands * self._mix).sum(axis=1, dtype=np.uint64)

    def insert(self, number: int, signature: np.ndarray) -> None:
        """Index a report's signature under its number (insert each number once)."""
        self._fresh_keys[self._fresh] = self.band_keys(signature)
        self._fresh_numbers[self._fresh] = number
        self._fresh += 1
        if self._fresh == FRESH:
            self._merge()

    def query(self, signature: np.ndarray) -> np.ndarray:
        """Sorted numbers of the reports sharing at least one band with `signature`."""
        keys = self.band_keys(signature)
        fresh = self._fresh_keys[: self._fresh] == keys
        found = [self._fresh_numbers[: self._fresh][fresh.any(axis=1)]]
        for band, key in enumerate(keys):
            stored = self._keys[band]
            lo, hi = np.searchsorted(stored, key, "left"), np.searchsorted(stored, key, "right")
            if hi > lo:
                found.append(self._numbers[band][lo:hi])
        return np.unique(np.concatenate(found))

    def _merge(self) -> None:
        """Fold the buffered reports into each band's sorted arrays."""
        fresh, numbers = self._fresh_keys, self._fresh_numbers
        for band in range(self.bands):
            order = np.argsort(fresh[:, band], kind="stable")
            keys = fresh[order, band]
            at = np.searchsorted(self._keys[band], keys, "right")
            self._keys[band] = np.insert(self._keys[band], at, keys)
            self._numbers[band] = np.insert(self._numbers[band], at, numbers[order])
        self._fresh = 0
