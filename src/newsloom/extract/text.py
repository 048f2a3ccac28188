"""Find the article in plain text copied from a web page, and map its clean text back to the input."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from newsloom.extract.lines import (
    Kind,
    Line,
    byline_parts,
    classify,
    ends_sentence,
    is_date_piece,
    split_lines,
)
from newsloom.extract.masthead import find_masthead, is_editor_note, is_nav_line
from newsloom.model import Segment

# Score of each kind of line in the search for the densest run of prose (prose scores its word count).
_PENALTY = {Kind.HEADING: 3, Kind.TITLE: 5, Kind.DATE: 8, Kind.BYLINE: 8, Kind.TEASER: 10, Kind.CHROME: 5,
            Kind.SECTION: 40}
_KEEP = {Kind.PROSE, Kind.HEADING}
_TEASER_WORDS = 60  # a paragraph this long is article text even when headings surround it
_LIST_ITEMS = 3
_CLOSING_RUN = 150  # words of article before a barrier that make it the end of the page's article region
_HEADLINE_WORDS = 4  # a list item's heading is a headline, not a name or a label
_LIST_ITEM_EDGES = {Kind.HEADING, Kind.BYLINE, Kind.DATE, Kind.SECTION}
_TITLE_WINDOW = 10  # a repeat of the headline within this many lines closes the page header
_TITLE_MIN_LETTERS = 4  # letters a headline needs, and more of them than digits ("11 / 09 / 2010" is not one)


@dataclass
class Body:
    """The article found in a text: its clean text, segments and the lines around it."""

    text: str
    segments: list[Segment]
    lines: list[Line]
    first: int  # index of the first body line
    last: int  # index of the last body line
    title: Line | None


def _norm(text: str) -> str:
    """Lower-case, punctuation-free form of a line, for spotting repeats."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def _lettered(text: str) -> bool:
    """True for a line written mostly in letters, as a headline is (not a row of numbers)."""
    letters = sum(c.isalpha() for c in text)
    return letters >= _TITLE_MIN_LETTERS and letters > sum(c.isdigit() for c in text)


def _find_title(lines: list[Line]) -> Line | None:
    """Return the first headline-like line (3-30 words, mostly letters, no final full stop) before any paragraph.

    The outlet's masthead, section menus, breadcrumbs and bracketed notes above it are not the headline.
    """
    masthead = find_masthead(lines)
    for line in lines:
        if line.kind not in (Kind.HEADING, Kind.PROSE) or line is masthead:
            continue
        if is_nav_line(line.text) or is_editor_note(line.text) or is_date_piece(line.text):
            continue
        closed = line.text.rstrip("\"'”’").endswith((".", ":"))
        if line.kind == Kind.PROSE and (line.words > 30 or closed):
            return None  # the text opens with a paragraph: it has no headline
        if 3 <= line.words <= 30 and not closed and _lettered(line.text):
            return line
    return None


def _join_wrapped(lines: list[Line]) -> None:
    """Mark the pieces of hard-wrapped paragraphs as prose: a line that runs on into, or from, prose."""
    for line, below in pairwise(lines):
        if line.kind == Kind.PROSE and not ends_sentence(line.text) and below.kind == Kind.HEADING:
            below.kind = Kind.PROSE  # continues an unfinished sentence
    for line, below in reversed(list(pairwise(lines))):
        if line.kind == Kind.HEADING and below.kind == Kind.PROSE and below.text[:1].islower():
            line.kind = Kind.PROSE  # its sentence runs on into the next line


def _mark_author_bio(lines: list[Line]) -> None:
    """A paragraph in the latter half of the text that opens with the byline's name is the author's bio."""
    byline = next((ln for ln in lines if ln.kind == Kind.BYLINE), None)
    author = byline_parts(byline.text)[0] if byline is not None else None
    if not author or " " not in author:
        return
    name = author.lower()
    prose = [ln for ln in lines if ln.kind == Kind.PROSE]
    for line in prose[max(1, len(prose) // 2):]:
        if line.text.lower().startswith(name) and line.words <= 80:
            line.kind = Kind.BARRIER


def _mark_teasers(lines: list[Line]) -> None:
    """Mark teasers in lists of stories: short paragraphs cut off with "...", or alone between headings 3+ times in a row."""
    text_lines = [ln for ln in lines if ln.kind != Kind.BLANK]
    group: list[Line] = []
    for before, line, after in zip([None, *text_lines], text_lines, [*text_lines[1:], None]):
        if line.kind == Kind.PROSE and line.words < _TEASER_WORDS:
            if line.text.endswith(("...", "…")) and not line.text.endswith(("....", "……")):
                line.kind = Kind.TEASER
                continue
            headed = before is not None and before.kind in _LIST_ITEM_EDGES and before.words >= _HEADLINE_WORDS
            if headed and (after is None or after.kind in _LIST_ITEM_EDGES):
                group.append(line)
                continue
        if line.kind not in _LIST_ITEM_EDGES:  # the list is over
            _teasers(group)
            group = []
    _teasers(group)


def _teasers(group: list[Line]) -> None:
    """Mark a run of lone short paragraphs as teasers when it is long enough to be a list."""
    if len(group) >= _LIST_ITEMS:
        for line in group:
            line.kind = Kind.TEASER


def _blank_separated(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (so adjacency means belonging together)."""
    prose = [ln for ln in lines if ln.kind == Kind.PROSE and ln.index + 1 < len(lines)]
    if not prose:
        return False
    return sum(lines[ln.index + 1].kind == Kind.BLANK for ln in prose) >= 0.5 * len(prose)


def _mark_context(lines: list[Line]) -> Line | None:
    """Apply rules that need context: the headline, its repeats, and the promo lines around them."""
    title = _find_title(lines)
    if title is None:
        return None
    title.kind = Kind.TITLE
    key = _norm(title.text)
    repeats = [ln for ln in lines[title.index + 1:] if ln.text and _norm(ln.text) == key]
    for line in repeats:
        line.kind = Kind.TITLE
    nearby = [ln for ln in repeats if ln.index - title.index <= _TITLE_WINDOW]
    if nearby:  # everything between the headline and its repeat is page header (dek, labels, captions)
        for line in lines[title.index + 1:nearby[-1].index]:
            if line.kind in (Kind.PROSE, Kind.HEADING):
                line.kind = Kind.TEASER
    if _blank_separated(lines):  # a blurb glued under a headline is a dek/teaser, not the first paragraph
        for head in [title, *nearby]:
            after = lines[head.index + 1] if head.index + 1 < len(lines) else None
            if after is not None and after.kind == Kind.PROSE and after.words <= 60:
                after.kind = Kind.TEASER
    return title


def _best_run(lines: list[Line]) -> tuple[int, int] | None:
    """Return `(first, last)` line indexes of the highest-scoring run of lines between barriers.

    A barrier after a run of real length closes the search: what follows it is comments and footers.
    """
    best: tuple[float, int, int] | None = None
    score, start = 0.0, None
    for line in lines:
        if line.kind == Kind.BARRIER:
            if best is not None and best[0] >= _CLOSING_RUN:
                break
            score, start = 0.0, None
            continue
        gain = line.words if line.kind == Kind.PROSE else -_PENALTY.get(line.kind, 0)
        if start is None or score + gain <= 0:
            score, start = 0.0, None
            if gain <= 0:
                continue
            start = line.index
        score += gain
        if line.kind == Kind.PROSE and (best is None or score > best[0]):
            best = (score, start, line.index)
    return (best[1], best[2]) if best else None


def _assemble(text: str, kept: list[Line]) -> tuple[str, list[Segment]]:
    """Join kept lines (verbatim slices of `text`) into clean text, recording a segment for each."""
    parts: list[str] = []
    segments: list[Segment] = []
    length = 0
    previous: Line | None = None
    for line in kept:
        if previous is not None:
            glued = not ends_sentence(previous.text) and line.text[:1].islower()
            separator = "\n" if glued else "\n\n"
            parts.append(separator)
            length += len(separator)
        segments.append(Segment(clean_start=length, source_start=line.start, length=len(line.text)))
        parts.append(line.text)
        length += len(line.text)
        previous = line
    return "".join(parts), segments


def _kept_lines(lines: list[Line], first: int, last: int) -> list[Line]:
    """Body lines between `first` and `last`: prose and inner headings, each repeat dropped."""
    seen: set[str] = set()
    kept: list[Line] = []
    for line in lines[first:last + 1]:
        if line.kind not in _KEEP:
            continue
        key = _norm(line.text)
        if line.words >= 4 and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def find_body(text: str) -> Body:
    """Classify the lines of `text`, pick the article's run of prose and build the clean body."""
    lines = split_lines(text)
    for line in lines:
        line.kind = classify(line.text)
    _join_wrapped(lines)
    _mark_author_bio(lines)
    title = _mark_context(lines)
    _mark_teasers(lines)
    run = _best_run(lines)
    if run is not None:
        first, last = run
        kept = _kept_lines(lines, first, last)
    else:  # no prose at all: keep whatever is not furniture
        kept = [ln for ln in lines if ln.kind in (Kind.PROSE, Kind.HEADING, Kind.TEASER)]
        first = kept[0].index if kept else len(lines)
        last = kept[-1].index if kept else len(lines)
    body, segments = _assemble(text, kept)
    return Body(body, segments, lines, first, last, title)
