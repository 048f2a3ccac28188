"""Claim alignment in large stories: distinct claims compared once, and only claims that can align compared at all.

Copies of one claim (wire copies, the same sentence in many reports) share a key, so similarities are
computed between distinct claims only. Claims can join one group only through a chain of pairs at
least as alike as the joining threshold, so the story splits into blocks (connected components of
that graph) that are clustered one at a time.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components


class ClaimSimilarity:
    """Claim-to-claim similarity read from the similarities of distinct claims; claims of one report get 0.

    Indexed like the dense matrix it stands for: `sim[i, j]`, `sim[:, idx]`, `sim[np.ix_(a, b)]`.
    """

    def __init__(self, distinct: np.ndarray, keys: np.ndarray, reports: np.ndarray):
        self.distinct = distinct  # similarity between distinct claims
        self.keys = keys  # distinct-claim number of each claim
        self.reports = reports  # report id of each claim

    @property
    def shape(self) -> tuple[int, int]:
        """(claims, claims), as the dense matrix."""
        return len(self.keys), len(self.keys)

    def __getitem__(self, index: tuple) -> np.ndarray | float:
        rows, cols = index
        if isinstance(rows, slice):
            rows = np.arange(len(self.keys))[rows][:, None]
        r, c = np.asarray(rows), np.asarray(cols)
        out = np.where(self.reports[r] == self.reports[c], 0.0, self.distinct[self.keys[r], self.keys[c]])
        return float(out) if out.ndim == 0 else out

    def dense(self, idx: Sequence[int]) -> np.ndarray:
        """The dense similarity matrix of some claims."""
        pos = np.asarray(idx)
        return np.asarray(self[np.ix_(pos, pos)], dtype=np.float64)


def distinct_keys(keys: Sequence[Hashable]) -> tuple[np.ndarray, list[int]]:
    """Each item's distinct-key number, and the first item of each distinct key."""
    number: dict[Hashable, int] = {}
    first: list[int] = []
    out = np.empty(len(keys), dtype=np.int64)
    for i, key in enumerate(keys):
        if key not in number:
            number[key] = len(first)
            first.append(i)
        out[i] = number[key]
    return out, first


def blocks(distinct: np.ndarray, keys: np.ndarray, threshold: float) -> list[list[int]]:
    """Claims split into groups that no chain of pairs alike at `threshold` or more links to each other, in order."""
    linked = csr_matrix(distinct >= threshold)
    _, label = connected_components(linked, directed=False)
    out: dict[int, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        out[int(label[key])].append(i)
    return list(out.values())


def candidate_group_pairs(groups: list[list[int]], reports: np.ndarray, speakers: list[str | None]) -> set[tuple[int, int]]:
    """Pairs of groups that may state one fact: they share a claim, or hold one speaker's words in the same reports."""
    pairs: set[tuple[int, int]] = set()
    holders: dict[int, list[int]] = defaultdict(list)
    voices: dict[tuple, list[int]] = defaultdict(list)
    for g, idx in enumerate(groups):
        for i in idx:
            holders[i].append(g)
        said = {speakers[i] for i in idx}
        if len(said) == 1 and None not in said:
            voices[(frozenset(reports[idx]), next(iter(said)))].append(g)
    for bucket in [*holders.values(), *voices.values()]:
        pairs.update((a, b) for k, a in enumerate(bucket) for b in bucket[k + 1 :] if a != b)
    return pairs
