"""Recover title, byline, outlet and date from the lines around the article body in plain text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.extract.lines import (
    Kind,
    Line,
    byline_parts,
    capitalised_share,
    close_number_gaps,
    ends_sentence,
    is_date_piece,
)
from newsloom.extract.masthead import find_masthead, is_nav_line, masthead_outlet, outlet_name
from newsloom.extract.metadata import copyright_holder, find_date, person_name
from newsloom.extract.text import Body

_DESK = re.compile(r"\bnews (?:team|desk|staff|room) (?:of|at) (the )?([A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,5})")
_DESK_LINE = re.compile(r"^(?:by\s+)?(.{2,60}?)\s+(?:news desk|news team|newsroom|staff|desk|editorial team)$", re.IGNORECASE)
_SELF_DOMAIN = re.compile(r"^([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,})\s+is\s+(?:an?|the)\b")
_ROLE_WORDS = re.compile(r"\b(?:reporter|correspondent|editor|writer|staff|contributor|columnist)\b", re.IGNORECASE)


@dataclass
class TextMeta:
    """Metadata written in the text itself."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def _outlet_line(line: Line | None) -> str | None:
    """Return a line's text when it reads like an outlet name under a byline ("The Washington Post")."""
    if line is None or line.kind not in (Kind.HEADING, Kind.TITLE) or not 1 <= line.words <= 6:
        return None
    if is_date_piece(line.text) or is_nav_line(line.text):
        return None
    if ends_sentence(line.text) or _ROLE_WORDS.search(line.text) or capitalised_share(line.text) < 0.99:
        return None
    return line.text


def _byline(header: list[Line], lines: list[Line]) -> tuple[str | None, str | None]:
    """Return `(author, outlet)` from the first byline before the body (and the line under it)."""
    for line in header:
        if line.kind != Kind.BYLINE:
            continue
        author, outlet = byline_parts(line.text)
        below = lines[line.index + 1] if line.index + 1 < len(lines) else None
        return person_name(author), outlet or _outlet_line(below)
    return None, None


def _outlet_elsewhere(lines: list[Line]) -> str | None:
    """Find the outlet outside the body: copyright line, "news team of X", "X news desk", "x.com is a ..."."""
    for finder in (_from_copyright, _from_desk, _from_self_description):
        for line in lines:
            found = finder(line)
            if found:
                return found
    return None


def _from_copyright(line: Line) -> str | None:
    """Holder of a copyright footer."""
    return copyright_holder(line.text) if line.kind == Kind.BARRIER else None


def _from_desk(line: Line) -> str | None:
    """Outlet named as the employer of a news team or desk."""
    match = _DESK.search(line.text)
    if match:
        return ("The " if match.group(1) else "") + match.group(2).rstrip(".")
    match = _DESK_LINE.match(line.text) if line.words <= 8 else None
    name = match.group(1).strip() if match else ""
    return name if name[:1].isupper() and capitalised_share(name) >= 0.99 else None


def _from_self_description(line: Line) -> str | None:
    """Domain an outlet describes itself by ("example.com is an independent news platform ...")."""
    match = _SELF_DOMAIN.match(line.text) if line.kind == Kind.BARRIER else None
    return match.group(1) if match else None


def _date(header: list[Line]) -> str | None:
    """Date of the first dateline before the body, else of a short header line (not a caption) holding one."""
    for line in header:
        if line.kind == Kind.DATE:
            found = find_date(close_number_gaps(line.text))
            if found:
                return found
    for line in header:
        if line.kind in (Kind.HEADING, Kind.BYLINE) and line.words <= 12:
            found = find_date(close_number_gaps(line.text))
            if found:
                return found
    return None


def text_metadata(body: Body) -> TextMeta:
    """Read title, byline, outlet and date from the lines before and after the body."""
    lines = body.lines
    header = lines[:body.first]
    outside = header + lines[body.last + 1:]
    author, outlet = _byline(header, lines)
    masthead = find_masthead(lines)
    return TextMeta(
        title=body.title.text if body.title is not None else None,
        author=author,
        outlet=outlet_name(outlet or (masthead_outlet(masthead) if masthead is not None else None)
                           or _outlet_elsewhere(outside)),
        published=_date(header),
    )
