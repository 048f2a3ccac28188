"""Who copied whom inside a story: verbatim copies and sentence-by-sentence rewrites."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from typing import Literal

import numpy as np
from scipy import sparse

from newsloom.model import Annotated, CopyEdge, Evidence, Story
from newsloom.stories.alignment import (
    SentenceMatrices,
    Sentences,
    Vocabulary,
    align,
    similarity_matrix,
)
from newsloom.stories.fingerprints import (
    Fingerprint,
    containment,
    fingerprint,
    jaccard,
    shingles,
)
from newsloom.stories.text import content_terms, has_time, published_at, words

COPY_JACCARD = 0.5  # exact Jaccard of 5-word shingles: ~5% of words changed still scores ~0.6
COPY_CONTAINMENT = 0.7  # share of one report's shingles inside the other (excerpts, expansions)
IDENTICAL = 0.8  # sentence similarity of a near-identical sentence
REWRITE = 0.35  # sentence similarity of a paraphrased sentence
SHARE = 0.6  # share of the later report's sentences that must align
REWRITE_SCORE = 0.4  # and their summed similarity over all its comparable sentences (unaligned ones count 0)
MIN_SENTENCES = 3  # a rewrite needs at least this many comparable sentences
PREFILTER = 0.08  # content-word Jaccard below which two reports are not compared sentence by sentence
CHAIN_SLACK = 0.05  # an earlier source this close to the best parent is preferred (clear chain)
VERBATIM = 0.5  # a copy's sentence with this share of its shingles in the original is shared text
MAX_SOURCES = 40  # earlier reports a report is compared with in a big story (the most alike in words)
SOURCE_BLOCK = 256  # reports whose candidate sources are ranked in one sparse product


@dataclass
class ReportText:
    """What provenance needs of one report: fingerprint, content words, sentence matrices."""

    ann: Annotated
    fingerprint: Fingerprint
    terms: frozenset[str]
    sentences: SentenceMatrices

    @classmethod
    def of(cls, ann: Annotated, word_vocab: Vocabulary, gram_vocab: Vocabulary) -> ReportText:
        """Describe one report over the story's shared vocabularies."""
        matrices = SentenceMatrices.of(Sentences.of(ann), word_vocab, gram_vocab)
        return cls(ann, fingerprint(ann), frozenset(content_terms(ann.article.text)), matrices)

    def evidence(self, indexes: set[int]) -> tuple[Evidence, ...]:
        """Evidence spans of the given sentences of this report, in reading order."""
        spans = self.sentences.sentences.spans
        return tuple(Evidence(self.ann.report_id, *spans[i]) for i in sorted(indexes))

    def verbatim_in(self, other: ReportText) -> list[int]:
        """Indexes of this report's sentences whose word shingles mostly occur in `other`."""
        text = self.ann.article.text
        return [
            i for i, (start, end) in enumerate(self.sentences.sentences.spans)
            if containment(shingles(words(text[start:end])), other.fingerprint.shingles) >= VERBATIM
        ]


@dataclass(frozen=True)
class Match:
    """Evidence that `copy` derives from `original`."""

    copy: str
    original: str
    kind: Literal["copy", "rewrite"]
    similarity: float
    evidence: tuple[Evidence, ...]

    def edge(self) -> CopyEdge:
        """This match as a story edge."""
        return CopyEdge(self.copy, self.original, self.kind, round(self.similarity, 4), list(self.evidence))


def compare(later: ReportText, earlier: ReportText) -> Match | None:
    """Decide whether `later` copies or rewrites `earlier`; None when it looks independent.

    Copy: shingle Jaccard >= 0.5, either report's shingles >= 70% inside the other, or >= 60% of the
    later report's comparable sentences near-identical (>= 0.8) to earlier ones in order. Rewrite:
    >= 60% of them (and at least 3) align in order with similarity >= 0.35, and the aligned similarities
    sum to >= 0.4 per comparable sentence (same-event reports share facts, not phrasing). Quoted
    material is left out of sentence comparisons, so independent reports quoting the same words do
    not look copied.
    Evidence: the later report's aligned sentences (for copies also its verbatim ones), then the
    earlier report's sentences they match, so each shared passage can be read on both sides.
    """
    a, b = later.fingerprint, earlier.fingerprint
    shingle_jaccard = a.jaccard(b)
    contained = max(a.containment_in(b), b.containment_in(a))
    if max(shingle_jaccard, contained) < COPY_JACCARD and jaccard(later.terms, earlier.terms) < PREFILTER:
        return None
    pairs = align(similarity_matrix(later.sentences, earlier.sentences), REWRITE)
    counted = int(later.sentences.sentences.counted.sum())
    identical = sum(1 for _, _, s in pairs if s >= IDENTICAL)
    score = sum(s for _, _, s in pairs) / counted if counted else 0.0
    aligned, matched = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    kind: Literal["copy", "rewrite"]
    if shingle_jaccard >= COPY_JACCARD or contained >= COPY_CONTAINMENT or (
        counted >= 2 and identical / counted >= SHARE
    ):
        kind, similarity = "copy", max(score, shingle_jaccard)
        aligned |= set(later.verbatim_in(earlier))
        matched |= set(earlier.verbatim_in(later))
    elif counted >= MIN_SENTENCES and len(pairs) / counted >= SHARE and score >= REWRITE_SCORE:
        kind, similarity = "rewrite", score
    else:
        return None
    evidence = later.evidence(aligned) + earlier.evidence(matched)
    return Match(later.ann.report_id, earlier.ann.report_id, kind, min(1.0, similarity), evidence)


def chronology(anns: list[Annotated], report_ids: list[str]) -> list[str]:
    """Report ids from first to last published; ties and missing dates fall back to arrival order.

    Times of day count only on days where every report of the story has one; an undated report is
    taken as published on the story's last known day, so it is never made the original of a dated one
    published earlier.
    """
    arrival: dict[str, int] = {}
    for i, ann in enumerate(anns):
        arrival.setdefault(ann.report_id, i)
    raw = {ann.report_id: ann.article.published for ann in anns}
    moments = {rid: published_at(raw.get(rid)) for rid in report_ids}
    days = {rid: m.date() for rid, m in moments.items() if m is not None}
    last = max(days.values(), default=date.max)
    day_of = {rid: days.get(rid, last) for rid in report_ids}
    untimed = {day_of[rid] for rid in report_ids if not has_time(raw.get(rid))}

    def key(rid: str) -> tuple[date, time, int]:
        moment = moments[rid]
        clock = moment.time() if moment and day_of[rid] not in untimed else time.min
        return (day_of[rid], clock, arrival.get(rid, len(arrival)))

    return sorted(report_ids, key=key)


def prepare(anns: list[Annotated], story: Story) -> dict[str, ReportText]:
    """Fingerprints, word sets and sentence matrices of the story's reports."""
    by_id = {ann.report_id: ann for ann in anns}
    vocabularies = Vocabulary(), Vocabulary()
    return {rid: ReportText.of(by_id[rid], *vocabularies) for rid in story.report_ids}


def _rank(match: Match) -> tuple[bool, float]:
    """Copies outrank rewrites, then higher similarity wins."""
    return (match.kind == "copy", match.similarity)


def sources(reports: dict[str, ReportText], order: list[str], limit: int | None = None,
            first: int = 0) -> list[list[str]]:
    """For each report (in `order`), the earlier reports worth comparing with it: all of them up to
    `limit` (`MAX_SOURCES`), else the `limit` sharing the largest part of the smaller one's content words.

    Overlap over the smaller report ranks an excerpt or an expanded copy as high as a whole copy.
    Computed by blocks of one sparse product, so a story of thousands costs n x limit comparisons,
    not n squared. The reports before `first` (already settled) get no sources.
    """
    limit = MAX_SOURCES if limit is None else limit
    out: list[list[str]] = [[] for _ in range(first)] + [order[:k] for k in range(first, min(len(order), limit + 1))]
    if len(order) <= limit + 1:
        return out
    vocab: dict[str, int] = {}
    cols = [[vocab.setdefault(t, len(vocab)) for t in reports[rid].terms] for rid in order]
    ptr = np.cumsum([0] + [len(c) for c in cols])
    flat = np.array([c for row in cols for c in row], dtype=np.int64)
    x = sparse.csr_matrix((np.ones(len(flat)), flat, ptr), shape=(len(order), max(1, len(vocab))))
    sizes = np.diff(ptr).astype(float)
    for start in range(max(first, limit + 1), len(order), SOURCE_BLOCK):
        rows = np.arange(start, min(len(order), start + SOURCE_BLOCK))
        shared = (x[rows] @ x[: rows[-1]].T).toarray()
        smaller = np.minimum(sizes[rows, None], sizes[None, : rows[-1]])
        overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        for i, k in enumerate(rows.tolist()):
            row = overlap[i, :k]
            best = np.argpartition(-row, limit - 1)[:limit]
            out.append([order[j] for j in sorted(best.tolist())])
    return out


def settled_edges(anns: list[Annotated], order: list[str], settled: Story | None) -> dict[str, CopyEdge | None]:
    """The reports of an earlier state of the story with their edges, when they still come first in
    `order` and in the same order (their sources are then unchanged); else nothing is settled."""
    if settled is None or not set(settled.report_ids) <= set(order):
        return {}
    members = set(settled.report_ids)
    before = chronology([a for a in anns if a.report_id in members], settled.report_ids)
    if order[: len(before)] != before:
        return {}
    edges = {e.copy: e for e in settled.edges}
    return {rid: edges.get(rid) for rid in before}


def find_copies(anns: list[Annotated], story: Story, settled: Story | None = None) -> Story:
    """Return the story with copy edges: each report points at most at one earlier report it derives from.

    A report's parent is its best match among earlier reports (the `MAX_SOURCES` most alike in words
    when there are more); when that parent itself derives from an earlier report that the report
    matches nearly as well (within 0.05, same or stronger kind), the edge goes to that earlier source
    instead, so a copy of a copy points at the first source. `settled` is an earlier state of the
    story: when its reports still come first, their edges are kept and only the reports after them
    are compared, which gives the same edges as comparing all.
    """
    reports = prepare(anns, story)
    order = chronology(anns, story.report_ids)
    kept = settled_edges(anns, order, settled)
    chosen: dict[str, CopyEdge] = {rid: edge for rid, edge in kept.items() if edge is not None}
    position = {rid: k for k, rid in enumerate(order)}
    for rid, earlier in zip(order, sources(reports, order, first=len(kept))):
        if rid in kept:
            continue
        matches = {m.original: m for m in (compare(reports[rid], reports[e]) for e in earlier) if m}
        if not matches:
            continue
        best = max(matches.values(), key=lambda m: (*_rank(m), -position[m.original]))
        while best.original in chosen:
            source = matches.get(chosen[best.original].original)
            if not source or _rank(source) < (_rank(best)[0], best.similarity - CHAIN_SLACK):
                break
            best = source
        chosen[rid] = best.edge()
    return replace(story, edges=[chosen[rid] for rid in order if rid in chosen])
