"""Which tokens of a document may pass a test, found from spaCy's arrays without making a Token object for each.

A loop over a document's tokens makes a Token object for every one of them; a rule that looks only at
verbs, subjects or one word then loops over these few instead, and still tests each of them itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np
from spacy.attrs import POS
from spacy.strings import hash_string

if TYPE_CHECKING:
    from spacy.tokens import Doc


def tagged(doc: Doc, pos: int) -> np.ndarray:
    """A mask over the document's tokens: True where the coarse part of speech is `pos` (a `spacy.symbols` id)."""
    return doc.to_array([POS]) == pos if len(doc) else np.zeros(0, dtype=bool)


def valued(doc: Doc, attr: int, values: set[str] | frozenset[str]) -> np.ndarray:
    """A mask over the document's tokens: True where the string attribute `attr` (LOWER, DEP, ...) is one of `values`."""
    if not len(doc):
        return np.zeros(0, dtype=bool)
    strings = doc.vocab.strings
    ids = {strings[v] for v in values} | {hash_string(v) for v in values}  # a label's symbol id, or a word's hash
    return _one_of(doc.to_array([attr]), ids)


def indices(mask: np.ndarray) -> list[int]:
    """The token indices a mask marks, in document order."""
    return np.flatnonzero(mask).tolist()


def passing(doc: Doc, attr: int, test: Callable[[str], object]) -> np.ndarray:
    """A mask over the document's tokens: True where the string attribute `attr` (SHAPE, ...) passes `test`, which
    each distinct value meets once (an attribute of few values, such as a word's shape, is quick to test so)."""
    if not len(doc):
        return np.zeros(0, dtype=bool)
    column = doc.to_array([attr])
    strings = doc.vocab.strings
    return _one_of(column, [v for v in np.unique(column).tolist() if test(strings[v])])


def lowered_in(doc: Doc, attr: int, values: set[str] | frozenset[str], among: np.ndarray) -> np.ndarray:
    """A mask: True where a token that `among` marks has a string attribute `attr` (LEMMA, ...) whose lowercase is
    one of `values`; each distinct value of those tokens is looked up once."""
    if not len(doc):
        return np.zeros(0, dtype=bool)
    column = doc.to_array([attr])
    strings = doc.vocab.strings
    ids = [v for v in np.unique(column[among]).tolist() if strings[v].lower() in values]
    return among & _one_of(column, ids)


def _one_of(column: np.ndarray, ids: set[int] | list[int]) -> np.ndarray:
    """A mask over a column of values: True where the value is one of `ids` (a few: compared one by one)."""
    mask = np.zeros(len(column), dtype=bool)
    for value in ids:
        mask |= column == value
    return mask
