"""Compare stage: quotes, claims, disagreements, timeline, framing and summary of one story.

Names are re-exported lazily, so importing a light module of this package does not load the others.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsloom.compare.speaker_fixes import QuoteNotFound, match_fixes, resolve_quote
    from newsloom.compare.story import analyze_story, brief_reports

__all__ = ["QuoteNotFound", "analyze_story", "brief_reports", "match_fixes", "resolve_quote"]
_HOMES = {"QuoteNotFound": "speaker_fixes", "match_fixes": "speaker_fixes", "resolve_quote": "speaker_fixes",
          "analyze_story": "story", "brief_reports": "story"}


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
