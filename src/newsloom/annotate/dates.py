"""Date expressions resolved against a report's publication date ("last Friday" -> 2025-02-28)."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

import dateparser

from newsloom.annotate.doc_text import doc_text
from newsloom.model import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(
    r"\b(?:((?i:last|this|next|coming|on|earlier on|late on|early on))\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0}
_RELATIVE_RE = re.compile(r"\b(?:(?:later|earlier)\s+)?(today|yesterday|tomorrow|tonight|this morning)\b", re.I)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # a month name, whole or cut short
_CALENDAR = re.compile(rf"\b{MONTH}\b|\b\d{{1,4}}[/.-]\d{{1,2}}([/.-]\d{{1,4}})?\b", re.I)
_VAGUE = re.compile(r"\b(earlier|later|this|last|next)\s+(in\s+the\s+)?(week|month|year)\b", re.I)


def parse_iso(value: str | None) -> date | None:
    """Parse the date part of an ISO 8601 string."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_weekday(name: str, modifier: str | None, base: date) -> date:
    """Resolve a weekday against the publication date, news style: past unless "next"."""
    target = WEEKDAYS.index(name.lower())
    delta = (base.weekday() - target) % 7
    mod = (modifier or "").lower()
    if mod == "next":
        ahead = (target - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead)
    if mod == "coming":
        return base + timedelta(days=(target - base.weekday()) % 7)
    if mod == "last" and delta == 0:
        delta = 7
    return base - timedelta(days=delta)


@lru_cache(maxsize=4096)
def _absolute(text: str, base: date) -> date | None:
    """Parse an explicit date ("March 2", "Feb. 19", "April 27, 2023") with the base year as default."""
    if not re.search(r"\d", text):
        return None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": _midday(base), "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]},
    )
    return parsed.date() if parsed else None


def _midday(d: date) -> datetime:
    """A datetime at noon of `d` (dateparser wants a datetime base)."""
    return datetime(d.year, d.month, d.day, 12)


def resolve(text: str, base: date | None) -> str | None:
    """Resolve one date expression to an ISO date, or None when it names no single day."""
    m = _WEEKDAY_RE.search(text)
    if m:
        return resolve_weekday(m.group(2), m.group(1), base).isoformat() if base else None
    m = _RELATIVE_RE.search(text)
    if m:
        return (base + timedelta(days=_RELATIVE_DAYS[m.group(1).lower()])).isoformat() if base else None
    if _VAGUE.search(text) or not _CALENDAR.search(text):
        return None
    if base is None and not re.search(r"\b\d{4}\b", text):
        return None  # "Feb. 19" in an undated report: the year is unknown
    found = _absolute(text, base or date.today())
    return found.isoformat() if found else None


FUTURE_AUX = {"will", "would", "shall", "'ll"}


def _in_future_clause(doc: Doc, start: int, end: int) -> bool:
    """True when the date modifies a verb in the future ("will meet on Friday", "is to vote Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lower_ == "to") for c in tok.children)
    return False


def find_dates(doc: Doc, published: str | None) -> list[DateMention]:
    """Date mentions of an article (spaCy DATE entities plus weekday phrases), resolved."""
    base = parse_iso(published)
    text = doc_text(doc)
    found: dict[tuple[int, int], DateMention] = {}
    for pattern in (_WEEKDAY_RE, _RELATIVE_RE):
        for m in pattern.finditer(text):
            phrase = m.group(0)
            explicit = pattern is _WEEKDAY_RE and (m.group(1) or "").lower() in {"last", "next", "this"}
            if pattern is _WEEKDAY_RE and not explicit and _in_future_clause(doc, m.start(), m.end()):
                phrase = f"coming {m.group(2)}"  # "will publish advice on Wednesday": this or the next Wednesday
            found[(m.start(), m.end())] = DateMention(m.group(0), m.start(), m.end(), resolve(phrase, base))
    phrases = sorted(found)
    starts = [s for s, _ in phrases]
    reach = list(accumulate((e for _, e in phrases), max))  # furthest end among the phrases starting so far
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        before = bisect_left(starts, ent.end_char)  # phrases starting before the entity ends
        if before and reach[before - 1] > ent.start_char:
            continue
        found[(ent.start_char, ent.end_char)] = DateMention(ent.text, ent.start_char, ent.end_char, resolve(ent.text, base))
    return [found[k] for k in sorted(found)]
