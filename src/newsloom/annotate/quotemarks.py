"""Find quoted passages by their quotation marks, including quotes that run across paragraphs."""
from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:")


@dataclass
class QuotedSpan:
    """The inside of a pair of quotation marks; `chain` links paragraph-continued pieces."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    chain: int  # pieces of one quote running across paragraphs share a chain number


def _is_opening_straight(text: str, i: int) -> bool:
    """Decide whether a straight double quote at `i` opens a quotation."""
    return i == 0 or text[i - 1] in OPEN_CONTEXT


def _next_paragraph_opens_quote(text: str, i: int) -> int | None:
    """Return the index of an opening mark that starts the paragraph after position `i`, if any."""
    j = i
    while j < len(text) and text[j] in " \t\r\n":
        j += 1
    if j < len(text) and (text[j] in OPENERS or text[j] == STRAIGHT):
        return j
    return None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Scan `text` for balanced quotation marks; unbalanced marks are dropped."""
    spans: list[QuotedSpan] = []
    chain = 0
    open_at: int | None = None
    closer: str | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == STRAIGHT and _is_opening_straight(text, i):
                open_at, closer = i, STRAIGHT
            i += 1
            continue
        if ch == "\n":
            # A quote running on into the next paragraph reopens with a mark there and has no closer here.
            nxt = _next_paragraph_opens_quote(text, i)
            if nxt is not None:
                _append(spans, text, open_at + 1, i, chain)
                open_at, closer = nxt, OPENERS.get(text[nxt], STRAIGHT)
                i = nxt + 1
                continue
            open_at = None  # unbalanced: drop
            chain += 1
            i += 1
            continue
        if ch == closer or ch in CLOSERS:
            _append(spans, text, open_at + 1, i, chain)
            chain += 1
            open_at = None
        i += 1
    return spans


def _append(spans: list[QuotedSpan], text: str, start: int, end: int, chain: int) -> None:
    """Add a span trimmed of surrounding whitespace, ignoring empty ones."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuotedSpan(start, end, chain))
