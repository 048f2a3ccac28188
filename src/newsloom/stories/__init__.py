"""Stories stage: group annotated reports into stories and find who copied whom.

Names are re-exported lazily, so importing a light module of this package (its text toolkit) does not
load the clustering and its MinHash library.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsloom.stories.clustering import StoryIndex, cluster
    from newsloom.stories.grouping import group, grouped, grouped_streamed, regroup
    from newsloom.stories.provenance import find_copies

__all__ = ["StoryIndex", "cluster", "find_copies", "group", "grouped", "grouped_streamed", "regroup"]
_HOMES = {"StoryIndex": "clustering", "cluster": "clustering", "find_copies": "provenance", "group": "grouping",
          "grouped": "grouping", "grouped_streamed": "grouping", "regroup": "grouping"}


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
