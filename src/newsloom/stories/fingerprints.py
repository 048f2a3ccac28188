"""Word-shingle fingerprints of articles: exact shingle sets, compact MinHash signatures, Jaccard helpers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from newsloom.model import Annotated
from newsloom.stories.text import words

NUM_PERM = 128
SHINGLE_SIZE = 5
SEED = 1
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations  # drawn once, not per report


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> frozenset[str]:
    """Overlapping `size`-word shingles; a text shorter than `size` words is one shingle."""
    if len(tokens) < size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def signature(items: frozenset[str]) -> np.ndarray | None:
    """MinHash signature of a set of strings as NUM_PERM uint32 values; None for the empty set."""
    if not items:
        return None
    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS)
    sketch.update_batch([item.encode("utf-8") for item in items])
    return sketch.hashvalues.astype(np.uint32)  # MinHash keeps 32-bit values in uint64 slots


def text_signature(text: str) -> np.ndarray | None:
    """MinHash signature of a text's 5-word shingles (normalised lowercase tokens); None when empty."""
    return signature(shingles(words(text)))


def estimate_jaccard(signature: np.ndarray, others: np.ndarray) -> np.ndarray:
    """MinHash estimates of Jaccard similarity (share of equal values) of a signature and one or more others."""
    return np.count_nonzero(others == signature, axis=-1) / signature.shape[-1]


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(part: frozenset[str] | set[str], whole: frozenset[str] | set[str]) -> float:
    """Share of `part` found in `whole` (0 when `part` is empty)."""
    return len(part & whole) / len(part) if part else 0.0


@dataclass(frozen=True)
class Fingerprint:
    """The exact word-shingle set of one report's text (what copy detection compares)."""

    report_id: str
    shingles: frozenset[str]

    def jaccard(self, other: Fingerprint) -> float:
        """Exact Jaccard similarity of the two reports' shingle sets."""
        return jaccard(self.shingles, other.shingles)

    def containment_in(self, other: Fingerprint) -> float:
        """Exact share of this report's shingles that also occur in `other`."""
        return containment(self.shingles, other.shingles)


def fingerprint(ann: Annotated) -> Fingerprint:
    """Fingerprint a report: the 5-word shingles of its normalised lowercase tokens."""
    return Fingerprint(ann.report_id, shingles(words(ann.article.text)))
