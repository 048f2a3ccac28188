"""Sparse-vector similarity of a report and a story: TF-IDF cosine, entity and number overlap, time penalty."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsloom.model import Annotated
from newsloom.stories.fingerprints import text_signature
from newsloom.stories.text import (
    entity_counts,
    lead_weighted_terms,
    published_day,
    report_numbers,
)

Vector = dict[str, float]
TIME_GRACE_DAYS = 5.0
TIME_DECAY_DAYS = 5.0
BACKGROUND_DOCS = 20
NUMBER = "#"  # key prefix of the numbers among a report's entity weights
NUMBER_WEIGHT = 0.25


class DocFreq:
    """Incremental document frequencies; IDF `log((1 + n + B) / (1 + df)) + 1`.

    B = 20 background documents that hold none of the keys: with a handful of reports of one event,
    plain IDF would punish exactly the words they share; from a few hundred reports on, B is noise.
    """

    def __init__(self) -> None:
        """Start with no documents."""
        self.n = 0
        self.df: Counter[str] = Counter()
        self._idf: dict[str, float] = {}

    def add(self, keys: Iterable[str]) -> None:
        """Count one document holding `keys` (each counted once)."""
        self.n += 1
        self.df.update(set(keys))
        self._idf.clear()

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency of a key (memoised until the next `add`)."""
        value = self._idf.get(key)
        if value is None:
            value = math.log((1 + self.n + BACKGROUND_DOCS) / (1 + self.df.get(key, 0))) + 1.0
            self._idf[key] = value
        return value


def sublinear(counts: Mapping[str, float]) -> Vector:
    """Sublinear term weights `1 + log(count)`."""
    return {key: 1.0 + math.log(c) for key, c in counts.items() if c > 0}


def shares(counts: Mapping[str, float]) -> Vector:
    """Sublinear weights scaled to sum to 1."""
    vec = sublinear(counts)
    return scaled(vec, sum(vec.values()))


def scaled(vec: Mapping[str, float], total: float) -> Vector:
    """A vector divided by `total` (unchanged when the total is 0)."""
    return {k: v / total for k, v in vec.items()} if total else dict(vec)


def l2(vec: Mapping[str, float]) -> float:
    """Euclidean norm of a sparse vector."""
    return math.sqrt(sum(v * v for v in vec.values()))


def add_into(target: dict[str, float], vec: Mapping[str, float]) -> None:
    """Add a sparse vector into another, in place."""
    for key, value in vec.items():
        target[key] = target.get(key, 0.0) + value


def weighted(vec: Mapping[str, float], df: DocFreq) -> Vector:
    """A vector with each weight multiplied by its key's IDF."""
    return {k: v * df.idf(k) for k, v in vec.items()}


def time_factor(gap_days: float | None) -> float:
    """1 within five days (or when a date is missing), then decaying by e every five more days.

    Recurring events (a monthly jobs report, a rate decision) read alike: a month apart they must
    not meet, so the penalty is steep; a follow-up weeks later (a check-out, a verdict) becomes a
    story of its own.
    """
    if gap_days is None or gap_days <= TIME_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap_days - TIME_GRACE_DAYS) / TIME_DECAY_DAYS)


def combine(
    text: float, names: float | None, numbers: float | None, gap_days: float | None, text_weight: float
) -> float:
    """Weighted mean of text, name and number similarity, over those both sides have; time-penalised.

    Numbers weigh `NUMBER_WEIGHT`, text and names share the rest by `text_weight`; a side without
    names (or numbers) leaves that part out rather than counting it as a mismatch.
    """
    parts = [(text_weight * (1.0 - NUMBER_WEIGHT), text), ((1.0 - text_weight) * (1.0 - NUMBER_WEIGHT), names),
             (NUMBER_WEIGHT, numbers)]
    total = sum(w for w, s in parts if s is not None)
    score = sum(w * s for w, s in parts if s is not None) / total if total else 0.0
    return score * time_factor(gap_days)


@dataclass(frozen=True)
class Weighted:
    """A report's vectors under one state of the IDF statistics: (key, weight x IDF, IDF) triples."""

    terms: list[tuple[str, float, float]]
    terms_sq: float  # squared norm of the IDF-weighted terms
    parts: dict[bool, tuple[list[tuple[str, float, float]], float]]  # numbers? -> (triples, their total)

    @classmethod
    def of(cls, terms: Vector, entities: Vector, term_df: DocFreq, entity_df: DocFreq) -> Weighted:
        """Weigh a report's term and entity vectors by IDF once, for scoring it against many stories."""
        term_rows = [(t, w * idf, idf) for t, w in terms.items() for idf in (term_df.idf(t),)]
        parts = {}
        for numbers in (False, True):
            rows = [(k, w * idf, idf) for k, w in entities.items() if k.startswith(NUMBER) == numbers
                    for idf in (entity_df.idf(k),)]
            parts[numbers] = (rows, sum(w for _, w, _ in rows))
        return cls(term_rows, sum(w * w for _, w, _ in term_rows), parts)


@dataclass
class ReportFeatures:
    """What clustering needs of one report: unit term vector, entity weights, day, MinHash signature.

    `entities` holds two weight vectors that each sum to 1: the names, and under `NUMBER`-prefixed keys
    the numbers the text writes (tolls, magnitudes, ages, scores, years tell similar events apart).
    """

    report_id: str
    day: date | None
    terms: Vector
    entities: Vector
    signature: np.ndarray | None  # of the 5-word shingles; None when the text has no words
    _weighted: tuple[DocFreq, int, DocFreq, int, Weighted] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, ann: Annotated) -> ReportFeatures:
        """Extract the features of an annotated report."""
        terms = sublinear(lead_weighted_terms(ann))
        numbers = shares(report_numbers(ann))
        return cls(
            report_id=ann.report_id,
            day=published_day(ann.article.published),
            terms=scaled(terms, l2(terms)),
            entities=shares(entity_counts(ann)) | {NUMBER + n: w for n, w in numbers.items()},
            signature=text_signature(ann.article.text),
        )

    def weighted(self, term_df: DocFreq, entity_df: DocFreq) -> Weighted:
        """The IDF-weighted view of this report, kept until either statistics object counts a document."""
        hit = self._weighted
        if hit and hit[0] is term_df and hit[1] == term_df.n and hit[2] is entity_df and hit[3] == entity_df.n:
            return hit[4]
        view = Weighted.of(self.terms, self.entities, term_df, entity_df)
        self._weighted = (term_df, term_df.n, entity_df, entity_df.n, view)
        return view


@dataclass
class Centroid:
    """Running sums of member term and entity vectors, and the story's date range."""

    terms: Vector = field(default_factory=dict)
    entities: Vector = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    version: int = 0
    _cache: dict[str, tuple[int, int, float]] = field(default_factory=dict)  # key -> (version, df.n, value)

    def add(self, feats: ReportFeatures) -> None:
        """Fold one report in."""
        add_into(self.terms, feats.terms)
        add_into(self.entities, feats.entities)
        if feats.day is not None:
            self.first = min(self.first or feats.day, feats.day)
            self.last = max(self.last or feats.day, feats.day)
        self.version += 1

    def absorb(self, other: Centroid) -> None:
        """Fold another story's sums in (a merge)."""
        add_into(self.terms, other.terms)
        add_into(self.entities, other.entities)
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(days), max(days)) if days else (None, None)
        self.version += 1

    def gap_days(self, day: date | None) -> float | None:
        """Days between `day` and the story's date range (0 inside it, None when unknown)."""
        if day is None or self.first is None or self.last is None:
            return None
        if day < self.first:
            return float((self.first - day).days)
        return float(max(0, (day - self.last).days))

    def term_norm(self, df: DocFreq) -> float:
        """IDF-weighted norm of the term sums (cached until the story or the corpus grows by 5%)."""
        return self._cached("terms", df, lambda: l2(weighted(self.terms, df)))

    def entity_mass(self, df: DocFreq, numbers: bool = False) -> float:
        """IDF-weighted total of the name (or number) sums (cached like `term_norm`)."""
        return self._cached("numbers" if numbers else "names", df, lambda: sum(
            w * df.idf(k) for k, w in self.entities.items() if k.startswith(NUMBER) == numbers))

    def _cached(self, key: str, df: DocFreq, compute: Callable[[], float]) -> float:
        """A value derived from the sums and IDF, recomputed when either has moved on."""
        hit = self._cache.get(key)
        if hit and hit[0] == self.version and df.n <= hit[1] * 1.05:
            return hit[2]
        value = compute()
        self._cache[key] = (self.version, df.n, value)
        return value


def text_similarity(feats: ReportFeatures, centroid: Centroid, df: DocFreq, member: bool = False,
                    view: Weighted | None = None) -> float:
    """TF-IDF cosine of a report and a story centroid (with the report taken out when a `member`).

    `view` is the report's IDF-weighted view under `df` when the caller already has it.
    """
    view = view or Weighted.of(feats.terms, {}, df, df)
    dot = sum(w * centroid.terms.get(t, 0.0) * idf for t, w, idf in view.terms)
    own = view.terms_sq
    norm_sq = centroid.term_norm(df) ** 2
    if member:
        dot, norm_sq = dot - own, norm_sq - 2 * dot + own
    norm = math.sqrt(own * max(norm_sq, 0.0))
    return max(dot, 0.0) / norm if norm > 1e-12 else 0.0


def entity_similarity(
    feats: ReportFeatures, centroid: Centroid, df: DocFreq, member: bool = False, numbers: bool = False,
    view: Weighted | None = None,
) -> float | None:
    """Weighted Jaccard of report and story IDF-weighted name (or number) shares; None when a side has none.

    Both sides sum to 1, so `sum(max) = 2 - sum(min)` and only the report's own keys are visited.
    `view` is the report's IDF-weighted view under `df` when the caller already has it.
    """
    mine, own = (view or Weighted.of({}, feats.entities, df, df)).parts[numbers]
    theirs = centroid.entity_mass(df, numbers) - (own if member else 0.0)
    if own <= 1e-12 or theirs <= 1e-9:
        return None
    shared = 0.0
    for key, weight, idf in mine:
        rest = centroid.entities.get(key, 0.0) - (feats.entities[key] if member else 0.0)
        shared += min(weight / own, max(rest, 0.0) * idf / theirs)
    return shared / (2.0 - shared)
