"""newsloom: many news reports in, stories and sourced briefs out."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "__version__"]

if TYPE_CHECKING:
    from newsloom.model import Brief


def analyze(paths: Any, workers: int = 1) -> "Brief":
    """Analyse files, directories, WARCs, feeds or JSONL and return the sourced brief."""
    from newsloom.pipeline import analyze as run

    return run(paths, workers=workers)
