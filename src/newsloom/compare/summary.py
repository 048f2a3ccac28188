"""An extractive summary from the best-supported claims, each line with its evidence."""
from __future__ import annotations

from collections.abc import Callable

from newsloom.model import ClaimGroup, Line


QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'\u00ab"


def build_summary(
    claims: list[ClaimGroup], limit: int = 5, plain: Callable[[ClaimGroup], str | None] | None = None
) -> list[Line]:
    """The best-supported claims (independent sources first), one line each, no near-repeats.

    `plain` gives the words a line may state for a claim, or None when every wording of it states a
    detail that reports dispute; a disputed claim keeps the ids of the disagreements against it.
    """
    lines: list[Line] = []
    seen: list[set[str]] = []
    for claim in claims:
        if len(lines) >= limit:
            break
        text = plain(claim) if plain else claim.text
        if text is None or text[:1] in QUOTE_MARKS:
            continue  # quotes have their own section; the summary states what happened
        words = set(text.lower().split())
        if any(len(words & s) / (len(words | s) or 1) > 0.5 for s in seen):
            continue
        seen.append(words)
        lines.append(Line(text=text, evidence=list(claim.evidence), disputed_by=list(claim.disputed_by)))
    return lines
