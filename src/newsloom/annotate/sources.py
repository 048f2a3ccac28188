"""Upstream sources each sentence cites: agencies, other outlets, state media, official transcripts, anonymity."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from newsloom.lang import SourceCues, base_code, source_cues
from newsloom.model import Mention, SourceCite

NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w’'&.-]*){0,4}"
MEDIA_WORDS = re.compile(r"(?i)wire|news|times|post|herald|tribune|journal|gazette|press|agency|radio|"
                         r"television|\btv\b|daily|observer|courier|dispatch|ledger|review|chronicle|telegraph|"
                         r"media|broadcast|weekly|magazine|report")
AGENCY_WORDS = re.compile(r"(?i)wire|agency|press\b|news service")
FUNCTION_WORDS = "told|to|by|with|on|in|of|from|according|reported|said|and|the|a|an"
TRAILING = ".,;:’'"
UNKNOWN_VERBS = ("first reported", "has reported", "reported", "reports")
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”’]|$|\s+(?:on|that|late|earlier|last|this|in|citing)\b)")


@dataclass(frozen=True)
class Candidate:
    """A stretch of a sentence that may name a source: where, which name, what kind, how sure."""

    start: int
    end: int
    name: str
    kind: str
    known: bool  # from the catalogue, state media or a descriptor ("the newspaper X"); else a bare capitalised name


@dataclass(frozen=True)
class Patterns:
    """One language's cue lists compiled."""

    catalogue: re.Pattern[str]
    canonical: dict[str, tuple[str, str]]  # name as written -> (canonical, kind)
    state: re.Pattern[str]
    described: re.Pattern[str]
    described_after: re.Pattern[str]
    short: re.Pattern[str]
    unknown: re.Pattern[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    official: re.Pattern[str]
    anonymous: tuple[re.Pattern[str], ...]
    origin: frozenset[str]
    official_words: re.Pattern[str]
    # What a sentence must hold for a pattern to match in it, quick to look for: an outlet noun (`described`,
    # `described_after`), a catalogue name (`catalogue`), a short form (`short`).
    any_noun: re.Pattern[str]
    any_name: re.Pattern[str]
    any_short: re.Pattern[str]


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(lang: str) -> Patterns:
    """Compile the cue lists of a language once."""
    cues: SourceCues = source_cues(lang)
    canonical = {alias: (name, "agency") for name, aliases in cues.agencies.items() for alias in aliases}
    canonical |= {alias: (name, "outlet") for name, aliases in cues.outlets.items() for alias in aliases}
    stop = _alternation(cues.not_a_name_after)
    nouns = _alternation(cues.outlet_nouns)
    return Patterns(
        catalogue=re.compile(rf"(?<![\w-])(?:{_alternation(list(canonical))})(?![\w-])(?!\s+(?:{stop})\b)"),
        canonical=canonical,
        state=re.compile(cues.state_media_re),
        described=re.compile(rf"\b(?:the\s+|a\s+)?(?:(?!(?:{FUNCTION_WORDS})\b)[\w-]+\s+){{0,3}}?(?:{nouns})\s+"
                             rf"(?P<name>{NAME})"),
        described_after=re.compile(rf"(?P<name>{NAME})\s+(?:{nouns})\b"),
        short=re.compile(rf"(?<![\w-])(?:{_alternation(cues.short_forms)})(?![\w-])(?!\s+[A-Z])"),
        unknown=re.compile(rf"(?<![\w-])(?:the\s+)?{NAME}"),
        before=re.compile(rf"(?:^|(?<=\W))(?P<cue>(?i:{_alternation(cues.origin_cues + cues.relay_cues)}))\s+$"),
        after=re.compile(rf"^(?:’s|'s)?\s*(?:[a-z]+ly\s+)?(?P<cue>{_alternation(cues.relay_verbs)})\b"),
        official=re.compile(rf"\b(?:{_alternation(cues.official_docs)})s?\s+(?:(?:{_alternation(cues.official_verbs)})"
                            rf"\s+)?(?:by|from)\s+(?P<name>{cues.official_body_re})"),
        anonymous=tuple(re.compile(p) for p in cues.anonymous_re),
        origin=frozenset(c.lower() for c in cues.origin_cues),
        official_words=re.compile(cues.official_words_re),
        any_noun=re.compile(nouns),
        any_name=re.compile(_alternation(list(canonical))),
        any_short=re.compile(_alternation(cues.short_forms)),
    )


def find_sources(
    text: str, sentences: list[tuple[int, int]], mentions: list[Mention] | None = None, lang: str | None = None
) -> list[SourceCite]:
    """Every upstream source cited in each sentence of `text`, in text order.

    A name counts only next to a cue ("according to", "told", "reported"); "Reuters Street" is a place.
    Capitalised names not in the catalogue need a strong cue and must not be a person's name.
    """
    code = base_code(lang)
    pats = _patterns(code)
    cues = source_cues(code)
    persons = sorted((m.start, m.end) for m in mentions or [] if m.label == "PERSON")
    starts = [a for a, _ in persons]
    reach = list(accumulate((b for _, b in persons), max))  # furthest end among the persons starting so far
    out: list[SourceCite] = []
    for s, e in sentences:
        found: list[SourceCite] = []
        near = persons[bisect_right(reach, s) : bisect_left(starts, e)]  # every person that may overlap the sentence
        for cand in _candidates(text, s, e, pats, cues, near):
            cite = _cited(text, s, e, cand, pats)
            if cite and not any(c.start < cite.end and cite.start < c.end for c in found):
                found.append(cite)
        found += [c for c in _officials(text, s, e, pats) + _anonymous(text, s, e, pats, cues)
                  if not any(f.start < c.end and c.start < f.end for f in found)]
        out += sorted(found, key=lambda c: c.start)
    return out


def _candidates(
    text: str, s: int, e: int, pats: Patterns, cues: SourceCues, persons: list[tuple[int, int]]
) -> list[Candidate]:
    """Stretches of one sentence that may name a source, surest first, never overlapping."""
    seg = text[s:e]
    cands = []
    for pat in (pats.described, pats.described_after) if pats.any_noun.search(seg) else ():
        for m in pat.finditer(seg):
            name = _strip_the(m.group("name"))
            cands.append(Candidate(s + m.start(), s + m.end(), *pats.canonical.get(name, (name, _kind_of(m.group()))),
                                   True))
    cands += [Candidate(s + m.start(), s + m.end(), *pats.canonical[_squash(m.group())], True)
              for m in _matches(pats.catalogue, seg, pats.any_name)]
    cands += [Candidate(s + m.start(), s + m.end(), cues.state_media_name, "state media", True)
              for m in pats.state.finditer(seg)]
    cands += [Candidate(s + m.start(), s + m.end(), _squash(m.group()), "outlet", True)
              for m in _matches(pats.short, seg, pats.any_short)]
    cands += [Candidate(s + m.start(), s + m.end(), _strip_the(m.group()),
                        "official" if pats.official_words.search(m.group()) else _kind_of(m.group()), False)
              for m in pats.unknown.finditer(seg)
              if not any(a < s + m.end() and s + m.start() < b for a, b in persons)]
    kept: list[Candidate] = []
    for c in cands:
        if not any(k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    return kept


def _matches(pat: re.Pattern[str], seg: str, needed: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of `pat` in `seg`, none looked for when `seg` lacks what every match holds (`needed`)."""
    return list(pat.finditer(seg)) if needed.search(seg) else []


def _cited(text: str, s: int, e: int, cand: Candidate, pats: Patterns) -> SourceCite | None:
    """The citation a candidate name makes with the cue just before or after it, if any."""
    left = max(s, cand.start - 60)
    before = pats.before.search(text[left:cand.start])
    if before:
        cue = " ".join(before.group("cue").split())
        if cand.known or cue.lower() not in ("according to", "told", "via", "speaking to", "spoke to") \
                or MEDIA_WORDS.search(cand.name):
            start = left + before.start("cue")
            role = "origin" if cue.lower() in pats.origin else "relay"
            return SourceCite(cand.name, cand.kind, role, cue, start, cand.end, s, e)
    after = pats.after.match(text[cand.end:e])
    if after:
        cue = " ".join(after.group("cue").split())
        end = cand.end + after.end()
        if cand.known or (cue in UNKNOWN_VERBS and CLAUSE_END.match(text[end:e])):
            return SourceCite(cand.name, cand.kind, "relay", cue, cand.start, end, s, e)
    return None


def _officials(text: str, s: int, e: int, pats: Patterns) -> list[SourceCite]:
    """Transcripts and statements released by an official body ("a transcript released by the Foreign Ministry")."""
    out = []
    for m in pats.official.finditer(text[s:e]):
        end = s + m.start() + len(m.group().rstrip(TRAILING))
        cue = " ".join(text[s + m.start():s + m.start("name")].split())
        out.append(SourceCite(_strip_the(m.group("name")), "official", "relay", cue, s + m.start(), end, s, e))
    return out


def _anonymous(text: str, s: int, e: int, pats: Patterns, cues: SourceCues) -> list[SourceCite]:
    """Unnamed sources ("a person familiar with the talks", "spoke on condition of anonymity")."""
    out: list[SourceCite] = []
    for pat in pats.anonymous:
        for m in pat.finditer(text[s:e]):
            a, b = s + m.start() + len(m.group()) - len(m.group().lstrip()), s + m.end()
            if not any(c.start < b and a < c.end for c in out):
                cue = " ".join(text[a:b].split())
                out.append(SourceCite(cues.anonymous_name, "anonymous", "origin", cue, a, b, s, e))
    return out


def _squash(name: str) -> str:
    return " ".join(name.split())


def _strip_the(name: str) -> str:
    name = _squash(name).rstrip(TRAILING)
    return name[4:] if name.lower().startswith("the ") else name


def _kind_of(phrase: str) -> str:
    return "agency" if AGENCY_WORDS.search(phrase) else "outlet"
