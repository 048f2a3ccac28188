"""Acronyms and the names they stand for ("U.N." / "UN" for "United Nations")."""
from __future__ import annotations

import re

_LINKING = {"of", "the", "and", "for", "on", "de", "&"}
_LETTERS = re.compile(r"[^A-Za-z]")
_SURFACE = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,6}\b")


def letters(name: str) -> str:
    """The capital letters of an acronym as written ("U.S." -> "US"), or "" when it is not one."""
    bare = _LETTERS.sub("", name)
    if " " in name.strip() or not 2 <= len(bare) <= 6 or not bare.isupper():
        return ""
    return bare


def initials(name: str) -> str:
    """Initials of a multi-word name's significant words ("United Nations" -> "UN")."""
    words = [w for w in name.split() if w.lower() not in _LINKING]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def is_acronym_of(short: str, full: str) -> bool:
    """True when `short` is written as the initials of `full` ("U.N." and "United Nations")."""
    code = letters(short)
    return bool(code) and code == initials(full)


def spell_out(text: str, expansions: dict[str, str]) -> str:
    """The text with every acronym that has a known expansion replaced by it (keyed by letters)."""
    if not expansions:
        return text
    return _SURFACE.sub(lambda m: expansions.get(_LETTERS.sub("", m.group()), m.group()), text)
