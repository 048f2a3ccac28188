"""Annotate stage: sentences, entities, quotes with speakers, dates and claims of one article.

Names are re-exported lazily, so importing a light module of this package does not load spaCy.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsloom.annotate.annotator import annotate
    from newsloom.annotate.nlp import load_nlp

__all__ = ["annotate", "load_nlp"]
_HOMES = {"annotate": "annotator", "load_nlp": "nlp"}


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
