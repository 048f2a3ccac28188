"""The page furniture above a headline in copied text: the outlet's masthead, section menus, breadcrumbs, notes."""
from __future__ import annotations

import re

from newsloom.extract.lines import Kind, Line, ends_sentence, has_clock_time, is_date_piece
from newsloom.extract.metadata import person_name

_SEPARATOR = re.compile(r"\s+[|›>»·•]\s+|\s{3,}")  # "News | Sport", "UK > Crime", "NewsPulse   Home"
_NAV_PART_WORDS = 6  # every piece of a menu or breadcrumb is this short; a headline's is longer
_MASTHEAD_WORDS = 5
_QUOTE_MARKS = "\"“”‘’«»'"


def is_nav_line(text: str) -> bool:
    """True for a menu, breadcrumb or masthead strip: two or more short pieces between separators."""
    parts = [p for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    return all(len(p.split()) <= _NAV_PART_WORDS for p in parts) and not any(c in text for c in _QUOTE_MARKS[:5])


def is_editor_note(text: str) -> bool:
    """True for a bracketed note above a story ("[Translated from the German ...]")."""
    return text.startswith("[") and text.endswith("]")


def _short_name(line: Line) -> bool:
    """A line that could be an outlet's name: a few words, no sentence, quotation or colon."""
    text = line.text
    return (1 <= line.words <= _MASTHEAD_WORDS and not ends_sentence(text) and ":" not in text
            and not any(c in text for c in _QUOTE_MARKS) and any(c.isalpha() for c in text))


def find_masthead(lines: list[Line]) -> Line | None:
    """The page's first line when it is the outlet's masthead: a menu strip, or a short name over a menu.

    A first line shaped "NAME · Section" reads like a comment's header elsewhere, so barriers are looked at too.
    """
    filled = [ln for ln in lines if ln.text][:2]
    if not filled or filled[0].kind not in (Kind.HEADING, Kind.CHROME, Kind.BARRIER):
        return None
    first = filled[0]
    if is_nav_line(first.text):
        return first
    below = filled[1] if len(filled) > 1 else None
    if _short_name(first) and below is not None and _menu(below.text):
        return first
    return None


def _menu(text: str) -> bool:
    """A menu strip with a section in it ("Culture | Wednesday, 15 October"), not a dateline ("AUGUST 2, 2013 |
    08: 06AM PT"), which follows a headline as often as a masthead."""
    if not is_nav_line(text):
        return False
    return any(not (is_date_piece(p.strip()) or has_clock_time(p)) for p in _SEPARATOR.split(text) if p.strip())


def masthead_outlet(line: Line) -> str | None:
    """The outlet named by a masthead line: its first piece ("THE DAILY CLARION | NEWS" -> "The Daily Clarion")."""
    name = _SEPARATOR.split(line.text)[0].strip()
    if ":" in name or not any(c.isalpha() for c in name) or len(name.split()) > _MASTHEAD_WORDS:
        return None
    return outlet_name(name)


def outlet_name(name: str | None) -> str | None:
    """An outlet's name as a reader writes it: "THE DAILY CLARION" -> "The Daily Clarion" (one-word "BBC" stays)."""
    if name and name.isupper() and len(name.split()) > 1 and sum(len(w) > 3 for w in name.split()) >= 2:
        return person_name(name)
    return name
