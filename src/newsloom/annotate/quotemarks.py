"""Find quoted passages by their quotation marks, including quotes that run across paragraphs."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
TYPEWRITER = "''"  # two apostrophes standing for a double quotation mark (newswire and archive text)
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:")
MAX_QUOTE_CHARS = 3_000  # a mark with no close within this many characters (or in its paragraph) opens no quotation
_OPEN = re.compile("[\u201c\u00ab\u201e\u201d\"]|''")  # where a quotation may open
_CLOSE = re.compile('["\u201c\u201d\u00bb]')  # where one not opened with two apostrophes may close
_TYPEWRITER_CLOSE = re.compile("(?='')")


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
    if ch == "\u201d" and _paragraph_start(text, i) and text[i + 1 : i + 2].strip():
        return "\u201d", 1  # a paragraph opened with the closing mark by mistake (”Fear. I am ...”)
    if ch == STRAIGHT and (i == 0 or text[i - 1] in OPEN_CONTEXT):
        return STRAIGHT, 1
    if text.startswith(TYPEWRITER, i) and (i == 0 or text[i - 1] in OPEN_CONTEXT):
        return TYPEWRITER, 2
    return None


def _paragraph_start(text: str, i: int) -> bool:
    """True when only spaces stand between the last line break (or the text's start) and `i`."""
    j = i - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    return j < 0 or text[j] == "\n"


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


class _Closers:
    """Where the marks that would close each kind of quotation stand in a text, and where its lines break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self._found: dict[str, list[int]] = {}

    def next_break(self, start: int) -> int:
        """The first line break at or after `start` (the text's length when none)."""
        k = bisect_left(self.breaks, start)
        return self.breaks[k] if k < len(self.breaks) else len(self.text)

    def next_close(self, closer: str, start: int) -> int:
        """The first mark at or after `start` closing a quotation opened with `closer` (the text's length when none)."""
        if closer not in self._found:
            pattern = _TYPEWRITER_CLOSE if closer == TYPEWRITER else _CLOSE
            self._found[closer] = [m.start() for m in pattern.finditer(self.text)
                                   if _closing_width(self.text, m.start(), closer)]
        found = self._found[closer]
        k = bisect_left(found, start)
        return found[k] if k < len(found) else len(self.text)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Scan `text` for balanced quotation marks; unbalanced marks are dropped.

    A mark that no close follows within its paragraph and within MAX_QUOTE_CHARS opens no quotation.
    """
    spans: list[QuotedSpan] = []
    closers = _Closers(text)
    chain = 0
    i = 0
    n = len(text)
    while (candidate := _OPEN.search(text, i)) is not None:
        opening = _opening_at(text, candidate.start())
        if opening is None:
            i = candidate.start() + 1
            continue
        closer, width = opening
        inside = candidate.start() + width
        while True:
            close, line_end = closers.next_close(closer, inside), closers.next_break(inside)
            if min(close, line_end) - inside > MAX_QUOTE_CHARS:  # too far: the mark opens nothing
                chain += 1
                i = inside
                break
            if close < line_end:
                _append(spans, text, inside, close, chain)
                chain += 1
                i = close + (2 if closer == TYPEWRITER else 1)
                break
            if line_end == n:  # the text ends inside the quotation: drop it
                i = n
                break
            # A quote running on into the next paragraph reopens with a mark there and has no closer here.
            nxt = _next_paragraph_opens_quote(text, line_end)
            reopening = _opening_at(text, nxt) if nxt is not None else None
            if nxt is None or reopening is None:
                chain += 1  # unbalanced: drop
                i = line_end + 1
                break
            _append(spans, text, inside, line_end, chain)
            closer, width = reopening
            inside = nxt + width
    return spans


def _append(spans: list[QuotedSpan], text: str, start: int, end: int, chain: int) -> None:
    """Add a span trimmed of surrounding whitespace, ignoring empty ones."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuotedSpan(start, end, chain))
