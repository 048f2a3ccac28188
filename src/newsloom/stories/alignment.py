"""Sentence features and in-order sentence alignment between two reports."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsloom.model import Annotated
from newsloom.stories.text import content_terms, sentence_spans

CHAR_GRAM = 4
MIN_TERMS = 3  # sentences with fewer content words (numbers aside) outside quotes carry no sign of copying
OWN_SHARE = 0.5  # nor do sentences that are mostly quotation (shared quotes are not shared writing)
_QUOTED = re.compile(
    r"\u201c[^\u201d]*\u201d"  # “curly double”
    r"|\"[^\"\n]*\""  # "straight double"
    r"|\u00ab[^\u00bb]*\u00bb"  # «guillemets»
    r"|\u2018(?:[^\u2019]|\u2019(?=\w))*\u2019"  # ‘curly single’, apostrophes inside kept
)


def mask_quotes(text: str) -> str:
    """The text with quoted material blanked out (same length, so offsets still hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _wordy(terms: list[str]) -> set[str]:
    """The distinct terms without digits (a dateline's numbers are no sign of shared writing)."""
    return {t for t in terms if not any(c.isdigit() for c in t)}


def char_grams(terms: list[str], size: int = CHAR_GRAM) -> Counter[str]:
    """Character n-grams of space-padded content words (they match "quake" with "earthquake")."""
    grams: Counter[str] = Counter()
    for term in terms:
        padded = f" {term} "
        grams.update(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return grams


@dataclass
class Sentences:
    """One report's sentences: spans, content-word sets outside quotes, and which ones count."""

    report_id: str
    spans: list[tuple[int, int]]
    terms: list[frozenset[str]]
    grams: list[Counter[str]]
    comparable: list[bool]

    @classmethod
    def of(cls, ann: Annotated) -> Sentences:
        """Split (or take) the report's sentences and describe each by its own words, quotes left out."""
        text, masked = ann.article.text, mask_quotes(ann.article.text)
        spans = sentence_spans(ann)
        own = [content_terms(masked[s:e]) for s, e in spans]
        sizes = [len(set(content_terms(text[s:e]))) for s, e in spans]
        counted = [len(_wordy(w)) >= MIN_TERMS and len(set(w)) >= OWN_SHARE * n for w, n in zip(own, sizes)]
        return cls(ann.report_id, spans, [frozenset(w) for w in own], [char_grams(w) for w in own], counted)

    @property
    def counted(self) -> np.ndarray:
        """Mask of the sentences with enough words of their own to compare."""
        return np.array(self.comparable, dtype=bool)


class Vocabulary:
    """Column numbers for one kind of feature shared by the reports of one story."""

    def __init__(self) -> None:
        """Start empty."""
        self.index: dict[str, int] = {}

    def matrix(self, rows: list[Counter[str]] | list[frozenset[str]], unit: bool) -> sparse.csr_matrix:
        """Sparse rows of feature weights (binary for sets), L2-normalised when `unit`."""
        data, cols, ptr = [], [], [0]
        for row in rows:
            items = row.items() if isinstance(row, Counter) else ((f, 1) for f in row)
            for feature, weight in items:
                cols.append(self.index.setdefault(feature, len(self.index)))
                data.append(float(weight))
            ptr.append(len(cols))
        mat = sparse.csr_matrix((data, cols, ptr), shape=(len(rows), max(1, len(self.index))))
        if unit:
            norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
            mat = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ mat
        return mat.tocsr()


@dataclass
class SentenceMatrices:
    """A report's sentence features as sparse matrices over a story vocabulary."""

    sentences: Sentences
    terms: sparse.csr_matrix
    grams: sparse.csr_matrix
    sizes: np.ndarray

    @classmethod
    def of(cls, sentences: Sentences, words: Vocabulary, grams: Vocabulary) -> SentenceMatrices:
        """Encode one report's sentences over the story's word and n-gram vocabularies."""
        return cls(
            sentences,
            words.matrix(sentences.terms, unit=False),
            grams.matrix(sentences.grams, unit=True),
            np.array([len(t) for t in sentences.terms], dtype=float),
        )


def similarity_matrix(a: SentenceMatrices, b: SentenceMatrices) -> np.ndarray:
    """Sentence-by-sentence similarity: mean of content-word Jaccard and char n-gram cosine.

    Rows are `a`'s sentences, columns `b`'s; sentences too short to count score 0.
    """
    width = max(a.terms.shape[1], b.terms.shape[1])
    shared = _pad(a.terms, width) @ _pad(b.terms, width).T
    inter = shared.toarray()
    union = a.sizes[:, None] + b.sizes[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    width = max(a.grams.shape[1], b.grams.shape[1])
    cosine = (_pad(a.grams, width) @ _pad(b.grams, width).T).toarray()
    sim = (jaccard + cosine) / 2.0
    sim[~a.sentences.counted, :] = 0.0
    sim[:, ~b.sentences.counted] = 0.0
    return sim


def _pad(mat: sparse.csr_matrix, width: int) -> sparse.csr_matrix:
    """Widen a sparse matrix with empty columns (the vocabulary grew after it was built)."""
    if mat.shape[1] == width:
        return mat
    return sparse.csr_matrix((mat.data, mat.indices, mat.indptr), shape=(mat.shape[0], width))


def align(sim: np.ndarray, floor: float) -> list[tuple[int, int, float]]:
    """In-order alignment of rows to columns maximising the summed similarity of pairs >= `floor`.

    A longest-common-subsequence dynamic programme: each row and column used at most once, and pairs
    keep the order of both reports. Returns (row, column, similarity) triples.
    """
    rows, cols = sim.shape
    gain = np.where(sim >= floor, sim, -np.inf)
    table = np.zeros((rows + 1, cols + 1))
    for i in range(1, rows + 1):
        step = np.maximum(table[i - 1, 1:], table[i - 1, :-1] + gain[i - 1])
        table[i, 1:] = np.maximum.accumulate(step)
    pairs = []
    i, j = rows, cols
    while i > 0 and j > 0:
        if table[i, j] == table[i - 1, j]:
            i -= 1
        elif table[i, j] == table[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1, float(sim[i - 1, j - 1])))
            i, j = i - 1, j - 1
    return pairs[::-1]
