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

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Key numbers and weights of row `i` (copies)."""
        block, start, end = self._where[i].tolist()
        return self._keys[block][start:end].copy(), self._weights[block][start:end].copy()
