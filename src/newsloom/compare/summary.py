"""An extractive summary from the best-supported claims, each line with its evidence."""
from __future__ import annotations

from newsloom.model import ClaimGroup, Line


QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'\u00ab"


def build_summary(claims: list[ClaimGroup], limit: int = 5) -> list[Line]:
    """The best-supported claims (independent sources first), one line each, no near-repeats."""
    lines: list[Line] = []
    seen: list[set[str]] = []
    for claim in claims:
        if len(lines) >= limit:
            break
        if claim.text[:1] in QUOTE_MARKS:
            continue  # quotes have their own section; the summary states what happened
        words = set(claim.text.lower().split())
        if any(len(words & s) / (len(words | s) or 1) > 0.5 for s in seen):
            continue
        seen.append(words)
        lines.append(Line(text=claim.text, evidence=list(claim.evidence)))
    return lines
