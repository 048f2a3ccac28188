"""Find quoted passages by their quotation marks, including quotes that run across paragraphs."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
    return _with_single_quotes(text, spans, chain + 1)


SINGLE_OPEN = "\u2018"
SINGLE_MARKS = {"\u2018", "\u2019", "'"}  # the closing curly mark and the straight one are also apostrophes
_SINGLE_OPEN = re.compile("[\u2018']")
_DECADE = re.compile(r"\d0s\b")  # "the '80s": an apostrophe


def _single_opening_at(text: str, i: int) -> bool:
    """True when a single mark at `i` opens a quotation: after a space, a bracket, a dash or a double mark, before
    a letter, a digit or an ellipsis (never the second of two apostrophes standing for a double mark)."""
    if text[i] == "'" and (text[i + 1 : i + 2] == "'" or text[i - 1 : i] == "'"):
        return False
    before_ok = i == 0 or text[i - 1] in OPEN_CONTEXT or text[i - 1] in "\u201c\u201e\"\u00ab"
    after = text[i + 1 : i + 2]
    return before_ok and (after.isalnum() or after in {"\u2026", "."}) and not _DECADE.match(text, i + 1)


def _single_closing_at(text: str, i: int) -> bool:
    """True when a single mark at `i` closes a quotation rather than standing for an apostrophe: after a word or
    a stop, and before no letter ("I\u2019m", "board\u2019s")."""
    if text[i] not in {"\u2019", "'"} or i == 0 or text[i - 1].isspace():
        return False
    after = text[i + 1 : i + 2]
    return not (after.isalnum() or (text[i] == "'" and "'" in {after, text[i - 1]}))  # not two for a double mark


def _possessive_like(text: str, i: int) -> bool:
    """True for a closing mark that may be a plural possessive\u2019s apostrophe ("the workers\u2019 rights"): after
    an "s", before a space and a lowercase word."""
    return text[i - 1] in "sS" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()


def find_single_quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """Passages between single quotation marks (British style), as (start, end, continues into the next
    paragraph); apostrophes are told apart by the letters around them, and a mark with no close in its
    paragraph opens nothing unless the next paragraph opens with a single mark (a quotation running on)."""
    found: list[tuple[int, int, bool]] = []
    closers = [i for i, ch in enumerate(text) if ch in "\u2019'" and _single_closing_at(text, i)]
    sure = [i for i in closers if not _possessive_like(text, i)]
    breaks = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    i = 0
    while (candidate := _SINGLE_OPEN.search(text, i)) is not None:
        at = candidate.start()
        if not _single_opening_at(text, at):
            i = at + 1
            continue
        inside = at + 1
        while True:
            line_end = breaks[bisect_left(breaks, inside)]
            k = bisect_left(closers, inside)
            close = closers[k] if k < len(closers) else len(text)
            k = bisect_left(sure, inside)
            if k < len(sure) and sure[k] < line_end and not any(
                    text[j] == SINGLE_OPEN and _single_opening_at(text, j) for j in range(close, sure[k])):
                close = sure[k]  # "the workers\u2019 rights,\u2019 she said": a plural possessive gives way to a sure
                # close, unless a quotation opens before it ("\u2018Schools, not stadiums\u2019 and a banner reading \u2018...")
            if min(close, line_end) - inside > MAX_QUOTE_CHARS:
                i = inside
                break
            if close < line_end:
                found.append((inside, close, False))
                i = close + 1
                break
            j = line_end
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            if line_end == len(text) or j >= len(text) or not (text[j] in "\u2018'" and _single_opening_at(text, j)):
                i = line_end + 1
                break
            found.append((inside, line_end, True))
            inside = j + 1
    return found


def _with_single_quotes(text: str, spans: list[QuotedSpan], chain: int) -> list[QuotedSpan]:
    """Double-quoted spans joined by single-quoted ones outside them; double-quoted ones nested inside a single
    quotation (British style, \u2018He said \u201cno\u201d.\u2019) give way to it."""
    if "\u2018" not in text and "'" not in text:
        return spans
    singles = find_single_quoted_spans(text)
    if not singles:
        return spans
    starts, ends = [qs.start for qs in spans], [qs.end for qs in spans]
    kept: list[QuotedSpan] = []
    for start, end, runs_on in singles:
        near = spans[bisect_left(ends, start) : bisect_right(starts, end)]  # the double spans it touches
        if any(not (start <= qs.start and qs.end <= end) for qs in near):
            if not runs_on:
                chain += 1
            continue  # inside (or across) a double quotation: a quotation within a quotation, or apostrophes
        before = len(kept)
        _append(kept, text, start, end, chain)
        if not runs_on or len(kept) == before:
            chain += 1
    if not kept:
        return spans
    kept_starts = [k.start for k in kept]
    outer = [qs for qs in spans if not _inside(qs, kept, kept_starts)]
    return sorted(outer + kept, key=lambda qs: qs.start)


def _inside(qs: QuotedSpan, kept: list[QuotedSpan], kept_starts: list[int]) -> bool:
    """True when a span lies within the kept span that starts last at or before it."""
    k = bisect_right(kept_starts, qs.start) - 1
    return k >= 0 and qs.end <= kept[k].end


def _append(spans: list[QuotedSpan], text: str, start: int, end: int, chain: int) -> None:
    """Add a span trimmed of surrounding whitespace, ignoring empty ones."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuotedSpan(start, end, chain))
