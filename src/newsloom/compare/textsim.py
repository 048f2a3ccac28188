"""Text normalisation and lexical similarity used to align quotes and claims across reports."""
from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[\w'\u2019]+", re.UNICODE)
_BRACKETS = re.compile(r"[\[\]()]")


def words(text: str) -> list[str]:
    """Lowercase word tokens; bracketed insertions are kept as plain text ("align[ed]" -> "aligned")."""
    return [w.replace("\u2019", "'") for w in _WORD.findall(_BRACKETS.sub("", text).lower())]


def stem(word: str) -> str:
    """A light suffix stripper so inflected forms meet ("aligns", "aligned" -> "align")."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of a text, stop words removed."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter token sequence matched, in order, inside the longer one."""
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / min(len(a), len(b))


class TfIdf:
    """TF-IDF vectors over a fixed collection of texts, with cosine similarity."""

    def __init__(self, docs: Sequence[Sequence[str]]):
        df: Counter[str] = Counter()
        for terms in docs:
            df.update(set(terms))
        n = len(docs)
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self.vectors = [self._vector(terms) for terms in docs]

    def _vector(self, terms: Sequence[str]) -> dict[str, float]:
        """L2-normalised TF-IDF vector of a term list."""
        tf = Counter(terms)
        vec = {t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of documents i and j."""
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())
