"""Word-shingle MinHash fingerprints of articles and Jaccard helpers."""
from __future__ import annotations

from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash

from newsloom.model import Annotated
from newsloom.stories.text import words

NUM_PERM = 128
SHINGLE_SIZE = 5
SEED = 1


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> frozenset[str]:
    """Overlapping `size`-word shingles; a text shorter than `size` words is one shingle."""
    if len(tokens) < size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def minhash(items: frozenset[str], num_perm: int = NUM_PERM) -> LeanMinHash:
    """A MinHash signature of a set of strings."""
    sketch = MinHash(num_perm=num_perm, seed=SEED)
    sketch.update_batch(item.encode("utf-8") for item in sorted(items))
    return LeanMinHash(sketch)


def estimate_jaccard(a: LeanMinHash, b: LeanMinHash) -> float:
    """MinHash estimate of the Jaccard similarity of the two underlying sets."""
    return float(a.jaccard(b))


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(part: frozenset[str] | set[str], whole: frozenset[str] | set[str]) -> float:
    """Share of `part` found in `whole` (0 when `part` is empty)."""
    return len(part & whole) / len(part) if part else 0.0


@dataclass(frozen=True)
class Fingerprint:
    """The shingle set and MinHash signature of one report's text."""

    report_id: str
    shingles: frozenset[str]
    minhash: LeanMinHash

    def jaccard(self, other: "Fingerprint") -> float:
        """MinHash-estimated Jaccard similarity of the two reports' shingle sets."""
        if not self.shingles or not other.shingles:
            return 0.0
        return estimate_jaccard(self.minhash, other.minhash)

    def containment_in(self, other: "Fingerprint") -> float:
        """Exact share of this report's shingles that also occur in `other`."""
        return containment(self.shingles, other.shingles)


def fingerprint(ann: Annotated) -> Fingerprint:
    """Fingerprint a report: 5-word shingles of its normalised lowercase tokens, MinHashed."""
    grams = shingles(words(ann.article.text))
    return Fingerprint(ann.report_id, grams, minhash(grams))
