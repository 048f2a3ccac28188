"""Presentation helpers the page templates use: date ranges, quotes by speaker, claims by support."""
from __future__ import annotations

from datetime import date

from newsloom.model import ClaimGroup, QuoteGroup


def by_speaker(quotes: list[QuoteGroup]) -> list[tuple[str | None, list[QuoteGroup]]]:
    """Group quotes under their speaker, speakers in order of their first quote, unattributed last."""
    groups: dict[str | None, list[QuoteGroup]] = {}
    for quote in quotes:
        groups.setdefault(quote.speaker, []).append(quote)
    return sorted(groups.items(), key=lambda item: item[0] is None)


def split_claims(claims: list[ClaimGroup]) -> tuple[list[ClaimGroup], list[ClaimGroup]]:
    """Claims backed by two or more independent sources, then those resting on one."""
    shared = [c for c in claims if c.independent_reports > 1]
    return shared, [c for c in claims if c.independent_reports <= 1]


def day_range(first: str | None, last: str | None) -> str:
    """A compact human date range: "16 May 2025", "16–17 May 2025", "30 Apr – 2 May 2025"."""
    a, b = _day(first), _day(last)
    if a is None or b is None:
        return first or last or ""
    if a == b:
        return f"{a.day} {a:%b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"


def _day(value: str | None) -> date | None:
    """Parse the date part of an ISO date or datetime."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
