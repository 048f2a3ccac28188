"""Text normalisation and lexical similarity used to align quotes and claims across reports."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
from scipy import sparse
from newsloom.lang.en.stopwords import STOP_WORDS

from newsloom.stories.text import words as story_words

_BRACKETS = re.compile(r"[\[\]()]")
_INSERTION = re.compile(r"\([^()]*\)")  # an editor's insertion in a quote: "The new (U.S.) administration"


def words(text: str) -> list[str]:
    """Lowercase word tokens; bracketed insertions are kept as plain text ("align[ed]" -> "aligned")."""
    return story_words(_BRACKETS.sub("", text))


def quote_words(text: str) -> list[str]:
    """Words of a quotation as spoken: an editor's parenthesised insertion is left out."""
    return words(_INSERTION.sub(" ", text))


def stem(word: str) -> str:
    """A light suffix stripper so inflected forms meet ("aligns", "aligned" -> "align")."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of a text, stop words removed."""
    return list(_content_terms(text))


def clear_cache() -> None:
    """Forget memoised content words and containments (benchmarks time every run from cold)."""
    _content_terms.cache_clear()
    _containment.cache_clear()


@lru_cache(maxsize=65536)
def _content_terms(text: str) -> tuple[str, ...]:
    """Cached content words: a story's claims and quotes are compared many times over."""
    return tuple(stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit() and len(w) > 1)


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter token sequence matched, in order, inside the longer one."""
    if not a or not b:
        return 0.0
    return _containment(tuple(a), tuple(b))


@lru_cache(maxsize=65536)
def _containment(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Cached containment: a large story compares the same wordings (wire copies) many times."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / min(len(a), len(b))


def tfidf_matrix(docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Row-normalised sparse TF-IDF matrix (sublinear tf, smoothed idf) of term lists."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    tf: list[float] = []
    for i, terms in enumerate(docs):
        for t, c in Counter(terms).items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            tf.append(1.0 + math.log(c))
    m = sparse.csr_matrix((np.array(tf, dtype=np.float32), (rows, cols)), shape=(len(docs), max(1, len(vocab))))
    df = np.bincount(np.array(cols, dtype=np.int64), minlength=m.shape[1])
    m = m @ sparse.diags((np.log((1 + len(docs)) / (1 + df)) + 1.0).astype(np.float32))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(norms == 0, 1.0, norms)) @ m)
