"""Append-only numpy storage in fixed blocks: compact per-report data that grows without copying."""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

BLOCK = 1 << 16  # rows per block; a block's memory is only used as its rows are written


class Column:
    """Rows of one dtype (scalars, or fixed-width vectors when `width` is set), appended at the end.

    Rows live in blocks of `block` rows, so growing never copies what is stored (no doubled peak memory).
    """

    def __init__(self, dtype: DTypeLike, width: int | None = None, block: int = BLOCK) -> None:
        """An empty column."""
        self._dtype = np.dtype(dtype)
        self._shape: tuple[int, ...] = () if width is None else (width,)
        self._block = block
        self._blocks: list[np.ndarray] = []
        self._size = 0

    def __len__(self) -> int:
        """Number of rows stored."""
        return self._size

    def append(self, row: ArrayLike) -> None:
        """Append one row."""
        block, offset = divmod(self._size, self._block)
        if block == len(self._blocks):
            self._blocks.append(np.empty((self._block, *self._shape), dtype=self._dtype))
        self._blocks[block][offset] = row
        self._size += 1

    @classmethod
    def of(cls, rows: np.ndarray, block: int = BLOCK) -> Column:
        """A column holding `rows` (one array, first axis the rows), of their dtype and row width."""
        column = cls(rows.dtype, rows.shape[1] if rows.ndim == 2 else None, block)
        for start in range(0, len(rows), block):
            chunk = np.empty((block, *rows.shape[1:]), dtype=rows.dtype)
            chunk[: len(rows) - start] = rows[start : start + block]
            column._blocks.append(chunk)
        column._size = len(rows)
        return column

    def rows(self) -> np.ndarray:
        """Every row, gathered into one array."""
        out = np.empty((self._size, *self._shape), dtype=self._dtype)
        for i, block in enumerate(self._blocks):
            start = i * self._block
            out[start : start + self._block] = block[: self._size - start]
        return out

    def __getitem__(self, i: int) -> np.ndarray:
        """Row `i` (a copy for vector rows, a numpy scalar otherwise)."""
        if not 0 <= i < self._size:
            raise IndexError(i)
        block, offset = divmod(i, self._block)
        return self._blocks[block][offset].copy()

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The given rows gathered into one array, in the given order."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.empty((len(rows), *self._shape), dtype=self._dtype)
        blocks, offsets = np.divmod(rows, self._block)
        for block in np.unique(blocks).tolist():
            here = blocks == block
            out[here] = self._blocks[block][offsets[here]]
        return out


class Ragged:
    """Variable-length (key number, weight) rows: sparse vectors, a row never split across blocks."""

    def __init__(self, block: int = BLOCK) -> None:
        """No rows yet."""
        self._block = block
        self._keys: list[np.ndarray] = []
        self._weights: list[np.ndarray] = []
        self._used = 0  # slots used in the last block
        self._where = Column(np.int32, width=3)  # block, start, end of each row

    def __len__(self) -> int:
        """Number of rows stored."""
        return len(self._where)

    def append(self, keys: ArrayLike, weights: ArrayLike) -> None:
        """Append one row of parallel key numbers and weights."""
        keys = np.asarray(keys, dtype=np.uint32)
        if not self._keys or self._used + len(keys) > len(self._keys[-1]):
            size = max(self._block, len(keys))
            self._keys.append(np.empty(size, dtype=np.uint32))
            self._weights.append(np.empty(size, dtype=np.float32))
            self._used = 0
        start, end = self._used, self._used + len(keys)
        self._keys[-1][start:end] = keys
        self._weights[-1][start:end] = weights
        self._used = end
        self._where.append((len(self._keys) - 1, start, end))

    @classmethod
    def of(cls, keys: np.ndarray, weights: np.ndarray, lengths: np.ndarray, block: int = BLOCK) -> Ragged:
        """Rows of `lengths` entries each, from parallel flat `keys` and `weights`, laid out as `append` would."""
        ends = np.cumsum(lengths, dtype=np.int64)
        starts = ends - lengths
        if len(keys) != len(weights) or (int(ends[-1]) if len(ends) else 0) != len(keys):
            raise ValueError("row lengths do not add up to the entries")
        ragged = cls(block)
        where = np.empty((len(lengths), 3), dtype=np.int32)
        first = 0
        while first < len(lengths):
            base = int(starts[first])
            size = max(block, int(lengths[first]))
            last = int(np.searchsorted(ends, base + size, "right"))
            ragged._keys.append(np.empty(size, dtype=np.uint32))
            ragged._weights.append(np.empty(size, dtype=np.float32))
            ragged._used = int(ends[last - 1]) - base
            ragged._keys[-1][: ragged._used] = keys[base : base + ragged._used]
            ragged._weights[-1][: ragged._used] = weights[base : base + ragged._used]
            where[first:last] = np.stack([np.full(last - first, len(ragged._keys) - 1),
                                          starts[first:last] - base, ends[first:last] - base], axis=1)
            first = last
        ragged._where = Column.of(where)
        return ragged

    def flat(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every row's keys and weights end to end, and each row's length (read back with `of`)."""
        where = self._where.rows()
        last = np.searchsorted(where[:, 0], np.arange(len(self._keys)), "right") - 1  # rows fill blocks in turn
        ends = where[last, 2].tolist()
        keys = np.concatenate([k[:end] for k, end in zip(self._keys, ends)] or [np.empty(0, np.uint32)])
        weights = np.concatenate([w[:end] for w, end in zip(self._weights, ends)] or [np.empty(0, np.float32)])
        return keys, weights, where[:, 2] - where[:, 1]

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Key numbers and weights of row `i` (copies)."""
        block, start, end = self._where[i].tolist()
        return self._keys[block][start:end].copy(), self._weights[block][start:end].copy()
