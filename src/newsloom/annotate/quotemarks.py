"""Find quoted passages by their quotation marks, including quotes that run across paragraphs."""
from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
TYPEWRITER = "''"  # two apostrophes standing for a double quotation mark (newswire and archive text)
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:")


@dataclass
class QuotedSpan:
    """The inside of a pair of quotation marks; `chain` links paragraph-continued pieces."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    chain: int  # pieces of one quote running across paragraphs share a chain number


def _opening_at(text: str, i: int) -> tuple[str, int] | None:
    """The closer and width of a quotation mark opening at `i`, if one does."""
    ch = text[i]
    if ch in OPENERS:
        return OPENERS[ch], 1
    if ch == STRAIGHT and (i == 0 or text[i - 1] in OPEN_CONTEXT):
        return STRAIGHT, 1
    if text.startswith(TYPEWRITER, i) and (i == 0 or text[i - 1] in OPEN_CONTEXT):
        return TYPEWRITER, 2
    return None


def _closing_width(text: str, i: int, closer: str) -> int:
    """Width of the mark at `i` when it closes a quotation opened with `closer` in mind, else 0."""
    if closer == TYPEWRITER:
        return 2 if text.startswith(TYPEWRITER, i) else 0
    after_word = i > 0 and not text[i - 1].isspace()
    if text[i] == STRAIGHT:  # a curly quotation closed with a straight mark ("“I heard it," she said)
        return 1 if closer == STRAIGHT or after_word else 0
    if text[i] == "\u201c" and after_word and text[i + 1 : i + 2] in {"", " ", "\n"}:  # a typo: “Really?“ he asked
        return 1
    return 1 if text[i] == closer or text[i] in CLOSERS else 0


def _next_paragraph_opens_quote(text: str, i: int) -> int | None:
    """Return the index of an opening mark that starts the paragraph after position `i`, if any."""
    j = i
    while j < len(text) and text[j] in " \t\r\n":
        j += 1
    if j < len(text) and (text[j] in OPENERS or text[j] == STRAIGHT or text.startswith(TYPEWRITER, j)):
        return j
    return None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Scan `text` for balanced quotation marks; unbalanced marks are dropped."""
    spans: list[QuotedSpan] = []
    chain = 0
    inside: int | None = None  # first character inside the open quotation
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        if inside is None:
            opening = _opening_at(text, i)
            if opening is not None:
                closer, width = opening
                inside = i + width
                i = inside
            else:
                i += 1
            continue
        if text[i] == "\n":
            # A quote running on into the next paragraph reopens with a mark there and has no closer here.
            nxt = _next_paragraph_opens_quote(text, i)
            reopening = _opening_at(text, nxt) if nxt is not None else None
            if nxt is not None and reopening is not None:
                _append(spans, text, inside, i, chain)
                closer, width = reopening
                inside = i = nxt + width
                continue
            inside = None  # unbalanced: drop
            chain += 1
            i += 1
            continue
        width = _closing_width(text, i, closer)
        if width:
            _append(spans, text, inside, i, chain)
            chain += 1
            inside = None
            i += width
            continue
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
