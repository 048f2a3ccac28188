"""Whom a report quotes, by side: each speaker with the organisation or country named beside them."""
from __future__ import annotations

import re
from collections import Counter

from newsloom.annotate.roles import TITLE_NOUNS
from newsloom.model import Annotated, Mention

AFFILIATION_LABELS = {"ORG", "GPE", "NORP"}
WINDOW = 40  # characters between a speaker's name and the body named beside it ("Kremlin spokesman X")
_TITLE_WORDS = re.compile(r"(?:['\u2019]s)?((?:\s+[\w.-]+){0,4})\s+")  # "'s foreign minister ", " spokesman "
_TITLE_SET_OFF = re.compile(r"['\u2019]s((?:\s+[\w.-]+){1,4}),\s+")  # "'s mayor, " before a name
_APPOSITION = re.compile(r",\s+(?:the\s+|an?\s+)?")  # "Dmitry Peskov, the Kremlin's spokesman"
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "chief", "top", "senior", "deputy", "foreign", "minister",
    "president", "prime", "official", "envoy", "ambassador", "secretary", "leader", "head", "press",
    "adviser", "advisor", "defence", "defense", "security", "national", "state", "economy", "finance",
}
STEM = 4  # a nationality and a country sharing this many first letters are one side (Russian, Russia)


def affiliations(anns: list[Annotated], alias: dict[str, str]) -> dict[str, str]:
    """Story-wide side of each named speaker: the body most often named right beside their name."""
    countries = {alias.get(m.canonical, m.canonical) for a in anns for m in a.mentions if m.label == "GPE"}
    votes: dict[str, Counter[str]] = {}
    for ann in anns:
        text = ann.article.text
        for q in ann.quotes:
            if not q.speaker or q.speaker_start is None or q.speaker_end is None:
                continue
            if not text[q.speaker_start : q.speaker_end][:1].isupper():
                continue  # "he", "she": the body is named where the person was introduced
            side = _beside(ann.mentions, q.speaker_start, q.speaker_end, text, q.speaker)
            if side is not None:
                name = alias.get(q.speaker, q.speaker)
                votes.setdefault(name, Counter())[_side(side, alias, countries)] += 1
    return {name: c.most_common(1)[0][0] for name, c in votes.items()}


def voices_by_side(ann: Annotated, alias: dict[str, str], sides: dict[str, str]) -> list[str]:
    """The report's quoted speakers, most quoted first, each with their side when one is known."""
    counts: Counter[str] = Counter(alias.get(q.speaker, q.speaker) for q in ann.quotes if q.speaker)
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return [f"{n} ({sides[n]})" if n in sides and sides[n] != n else n for n in ranked]


def _beside(mentions: list[Mention], start: int, end: int, text: str, name: str = "") -> Mention | None:
    """The organisation, place or nationality in a name's title: just before it, or in an apposition after it;
    never a word of the name itself (the first name of "German Gref" is no nationality of his)."""
    best: Mention | None = None
    gap = WINDOW + 1
    first = name.split()[0].casefold() if name.split() else ""  # a first name, not a described source's body
    for m in mentions:
        if m.label not in AFFILIATION_LABELS or not m.canonical or m.text.strip().casefold() == first:
            continue
        if start <= m.start and m.end <= end:
            between = ""  # a speaker span that holds its own title: "Kremlin spokesman Dmitry Peskov"
        elif m.end <= start and start - m.end <= WINDOW and _is_title(text[m.end : start]):
            between = text[m.end : start]  # a title before the name: "Russian Foreign Minister Sergey Lavrov"
        elif m.start >= end and _APPOSITION.fullmatch(text[end : m.start]):
            between = text[end : m.start]  # an apposition: "Dmitry Peskov, the Kremlin's spokesman"
        else:
            continue
        if any(c in between for c in ".;\u201c\u201d\"") or len(between) >= gap:
            continue
        best, gap = m, len(between)
    return best


def _is_title(between: str) -> bool:
    """True when the words between a body and a name read as a title ("'s foreign minister", " Press Secretary ")."""
    found = _TITLE_WORDS.fullmatch(between)
    if found is not None:
        return all(w[:1].isupper() or w.lower() in ROLE_WORDS for w in found.group(1).split())
    set_off = _TITLE_SET_OFF.fullmatch(between)  # "Calderra's mayor, Ilse Varga": the body's title, then the name
    return set_off is not None and set_off.group(1).split()[-1].lower() in ROLE_WORDS | TITLE_NOUNS


def _side(m: Mention, alias: dict[str, str], countries: set[str]) -> str:
    """The side's name: a nationality becomes the story's country of the same stem (Russian -> Russia)."""
    name = alias.get(m.canonical, m.canonical)
    if m.label == "NORP":
        match = [c for c in countries if c[:STEM].lower() == name[:STEM].lower()]
        if len(match) == 1:
            return match[0]
    return name
