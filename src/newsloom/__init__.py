"""newsloom: many news reports in, stories and sourced briefs out."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "__version__"]

if TYPE_CHECKING:
    from newsloom.model import Brief


def analyze(paths: Any, workers: int = 1, **options: Any) -> "Brief":
    """Analyse files, directories, WARCs, feeds or JSONL and return the sourced brief.

    `options` go to `newsloom.pipeline.analyze`: `limits` (per-document time and memory, None for
    none), `progress` and `follow_links`.
    """
    from newsloom.pipeline import analyze as run

    return run(paths, workers=workers, **options)
