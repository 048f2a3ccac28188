"""Correction, update, clarification and editor's notes a report prints, with the dates they give."""
from __future__ import annotations

import re
from datetime import date, timedelta

from newsloom.annotate.dates import MONTH, parse_iso, resolve
from newsloom.model import Correction

_DATE = (
    rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
_KIND = r"(?P<kind>corrections?|updated?|clarifications?|editor['\u2019]?s[ \t]+note)"
# "CORRECTION (3/2): ...", "Update, March 3, 2025: ...", "Editor's note — ..."
_HEADED = re.compile(
    rf"^[ \t*_]*{_KIND}[ \t*_]*(?:\((?P<pdate>{_DATE})[^)\n]*\)|,?[ \t]*(?:on[ \t]+)?(?P<date>{_DATE}))?"
    r"[ \t*_]*(?::|[\u2014\u2013-][ \t])[ \t]*\S[^\n]*",
    re.I | re.M,
)
# "Updated March 2, 2025 at 5:35 pm": a page's update stamp
_STAMP = re.compile(rf"^[ \t]*(?P<kind>updated)[ \t]+(?:on[ \t]+)?(?P<date>{_DATE})[^\n]*", re.I | re.M)
# "This article has been updated to ...", "An earlier version of this story misstated ..."
_SENTENCE = re.compile(
    r"^[ \t]*(?:(?:this|the)[ \t]+(?:article|story|report|post|piece)[ \t]+(?:has[ \t]+been|was)[ \t]+"
    r"(?P<verb>updated|corrected|clarified|amended)|an[ \t]+earlier[ \t]+version[ \t]+of[ \t]+this[ \t]+"
    r"(?:article|story|report|post|piece))\b[^\n]*",
    re.I | re.M,
)
_KINDS = {"correction": "correction", "update": "update", "clarification": "clarification"}
_VERB_KINDS = {"updated": "update", "corrected": "correction", "clarified": "clarification", "amended": "correction"}
LATEST_NOTICE_DAYS = 60  # a notice dated without a year falls within this many days after the story's date


def _kind(word: str) -> str:
    """The notice kind for a header word ("CORRECTIONS" -> correction, "Editor's Note" -> editor's note)."""
    low = word.lower()
    if low.startswith("editor"):
        return "editor's note"
    return next((k for stem, k in _KINDS.items() if low.startswith(stem[:6])), "update")


def find_corrections(text: str, published: str | None = None) -> list[Correction]:
    """Every notice in the text, one per line, with its date resolved when the year is known."""
    found: dict[int, Correction] = {}
    for pattern in (_HEADED, _STAMP, _SENTENCE):
        for m in pattern.finditer(text):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t*_"))
            if start in found or any(c.start <= start < c.end for c in found.values()):
                continue
            groups = m.groupdict()
            kind = _VERB_KINDS[groups["verb"].lower()] if groups.get("verb") else (
                _kind(groups["kind"]) if groups.get("kind") else "correction")
            date_text = groups.get("pdate") or groups.get("date") or ""
            end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
            found[start] = Correction(kind, text[start:end], start, end, date_text,
                                      notice_date(date_text, parse_iso(published)))
    return [found[k] for k in sorted(found)]


def notice_date(date_text: str, around: date | None) -> str | None:
    """The ISO date of a notice's date as written; a date without a year takes the one that fits `around`."""
    if not date_text:
        return None
    if re.search(r"\b\d{4}\b", date_text):
        return resolve(date_text, around)
    if around is None:
        return None
    return resolve(date_text, around + timedelta(days=LATEST_NOTICE_DAYS))


def with_dates(notices: list[Correction], around: date | None) -> list[Correction]:
    """The notices with their dates resolved against a date near them (the story's), where still open."""
    out = []
    for n in notices:
        value = n.date or notice_date(n.date_text, around)
        out.append(n if value == n.date else Correction(n.kind, n.text, n.start, n.end, n.date_text, value))
    return out
