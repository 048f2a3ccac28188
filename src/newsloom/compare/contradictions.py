"""Disagreements between reports over figures, the wording of a quote and who said it."""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from newsloom.compare.textsim import containment, content_terms, quote_words, words
from newsloom.model import Claim, Disagreement, Evidence, Position, QuoteGroup

SAME_SENTENCE = 0.75  # share of the shorter sentence's words found in order in the other
MIN_SENTENCE_WORDS = 3
MIN_ATTRIBUTED_WORDS = 6  # a quote this long, put in two people's mouths, is a disagreement on who said it
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018]?[A-Z])")
_QUOTE_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019,;:"
SAME_FIGURE_CONTEXT = 0.5
CLOCK_WORDS = {"am", "pm", "a", "p", "gmt", "utc", "hours", "hrs", "local"}  # "10.40 pm" is a time, not a count  # claim similarity above which two figures describe the same thing
_QUANTITY = re.compile(r"(?<![\d\-])\b(\d[\d,.]*(?:\s+(?:million|billion|thousand|percent|per cent))?)\s+([A-Za-z][a-z-]+)")


def _quantities(claim: Claim) -> list[tuple[str, str, str]]:
    """(unit, value, unit as written) of a claim: "1,200 workers" -> ("worker", "1,200", "workers")."""
    out = []
    for m in _QUANTITY.finditer(claim.text):
        unit = content_terms(m.group(2))
        if unit and m.group(2).lower() not in CLOCK_WORDS:
            out.append((unit[0], m.group(1), m.group(2)))
    return out


def number_disagreements(claims: list[Claim], sim: np.ndarray) -> list[Disagreement]:
    """Reports giving different figures for the same counted thing in statements that align.

    `claims` and `sim` are the story's claims and their similarity matrix from claim alignment.
    """
    facts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    written: dict[str, str] = {}
    for i, claim in enumerate(claims):
        for unit, value, surface in _quantities(claim):
            facts[unit].append((value, i))
            written.setdefault(unit, surface)
    out: list[Disagreement] = []
    for unit, items in sorted(facts.items()):
        sides = _conflicting(items, claims, sim)
        if len(sides) < 2:
            continue
        positions = [
            Position(
                text=f"{value} {written[unit]}: {claims[idx[0]].text}",
                reports=sorted({claims[i].report_id for i in idx}),
                evidence=[Evidence(claims[i].report_id, claims[i].start, claims[i].end) for i in idx],
            )
            for value, idx in sorted(sides.items())
        ]
        out.append(Disagreement(about=f"number of {written[unit]}", positions=positions))
    return out


def _conflicting(items: list[tuple[str, int]], claims: list[Claim], sim: np.ndarray) -> dict[str, list[int]]:
    """Values of one counted thing that aligned claims of different reports disagree on, with their claims."""
    involved: set[int] = set()
    for va, i in items:
        for vb, j in items:
            if va != vb and claims[i].report_id != claims[j].report_id and sim[i, j] >= SAME_FIGURE_CONTEXT:
                involved.update((i, j))
    if not involved:
        return {}
    sides: dict[str, list[int]] = defaultdict(list)
    for value, i in items:
        if i in involved or any(v == value and sim[i, j] >= SAME_FIGURE_CONTEXT for v, j in items if j in involved):
            if i not in sides[value]:
                sides[value].append(i)
    return dict(sides)


def wording_disagreements(ledger: list[QuoteGroup], texts: dict[str, str]) -> list[Disagreement]:
    """Sentences of one quote that reports word differently (translation or transcription variants).

    Each quote is cut into sentences and the same sentence is matched across reports, so a report
    that quotes only the sentences everyone agrees on is not put on a side. A wording that another
    holds whole (a partial quote) or that differs only by an editor's insertion in parentheses is
    not a disagreement. `texts` are the reports' clean texts by report id.
    """
    out: list[Disagreement] = []
    for group in ledger:
        if len(group.reports) < 2:
            continue
        pieces = [p for ev in group.evidence for p in _sentences(texts[ev.report], ev)]
        who = group.speaker or "an unnamed speaker"
        for cluster in _same_sentences(pieces):
            positions = _wordings(cluster, texts)
            if len(positions) >= 2:
                out.append(Disagreement(about=f"wording of {who}'s quote", positions=positions))
    return out


def _sentences(text: str, ev: Evidence) -> list[tuple[Evidence, tuple[str, ...]]]:
    """The sentences of one quoted span, each with its own evidence and comparison tokens."""
    span = text[ev.start : ev.end]
    out = []
    pos = 0
    for end, nxt in [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(span)] + [(len(span), len(span))]:
        piece = span[pos:end]
        lead = len(piece) - len(piece.lstrip(_QUOTE_EDGE))
        trail = len(piece.rstrip(_QUOTE_EDGE))
        tokens = tuple(quote_words(piece))
        if len(tokens) >= MIN_SENTENCE_WORDS and trail > lead:
            out.append((Evidence(ev.report, ev.start + pos + lead, ev.start + pos + trail), tokens))
        pos = nxt
    return out


def _same_sentences(pieces: list[tuple[Evidence, tuple[str, ...]]]) -> list[list[tuple[Evidence, tuple[str, ...]]]]:
    """Single-link groups of sentences that are one sentence worded alike or nearly so."""
    groups: list[list[tuple[Evidence, tuple[str, ...]]]] = []
    for piece in pieces:
        home = [g for g in groups if any(containment(piece[1], other[1]) >= SAME_SENTENCE for other in g)]
        merged = [piece] + [p for g in home for p in g]
        groups = [g for g in groups if g not in home] + [merged]
    return [g for g in groups if len({ev.report for ev, _ in g}) >= 2]


def _wordings(cluster: list[tuple[Evidence, tuple[str, ...]]], texts: dict[str, str]) -> list[Position]:
    """Distinct wordings of one sentence, a partial wording joining the fuller one that holds it."""
    by_tokens: dict[tuple[str, ...], list[Evidence]] = defaultdict(list)
    for ev, tokens in cluster:
        by_tokens[tokens].append(ev)
    homes: dict[tuple[str, ...], list[Evidence]] = {}
    for tokens in sorted(by_tokens, key=lambda t: (-len(t), t)):
        home = next((h for h in homes if containment(tokens, h) == 1.0), None)
        homes.setdefault(home or tokens, []).extend(by_tokens[tokens])
    positions = []
    for tokens, evidence in homes.items():
        first = next(ev for ev in evidence if len(words(texts[ev.report][ev.start : ev.end])) >= len(tokens))
        positions.append(Position(
            text=" ".join(texts[first.report][first.start : first.end].split()),
            reports=sorted({ev.report for ev in evidence}),
            evidence=evidence,
        ))
    positions.sort(key=lambda p: (-len(p.reports), p.text))
    return positions


def speaker_disagreements(ledger: list[QuoteGroup]) -> list[Disagreement]:
    """The same words quoted by different reports under different named speakers, side by side.

    Only wordings of at least `MIN_ATTRIBUTED_WORDS` words count, so that a stock phrase two people
    both used is not taken for one quote; a report's own two speakers are never set against each other.
    """
    out: list[Disagreement] = []
    named = [g for g in ledger if g.speaker]
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            if a.speaker == b.speaker or not set(a.reports).isdisjoint(b.reports) or not _same_words(a, b):
                continue
            shown = a.text if len(a.text) <= len(b.text) else b.text
            out.append(Disagreement(
                about=f"who said \u201c{' '.join(shown.strip(_QUOTE_EDGE).split())}\u201d",
                positions=[Position(f"{g.speaker} ({g.attribution})" if g.attribution else f"{g.speaker}",
                                    g.reports, g.evidence) for g in (a, b)],
            ))
    return out


def _same_words(a: QuoteGroup, b: QuoteGroup) -> bool:
    """True when some wording of one group is mostly found, in order, in a wording of the other."""
    for va in a.variants:
        for vb in b.variants:
            ta, tb = quote_words(va.text), quote_words(vb.text)
            if min(len(ta), len(tb)) >= MIN_ATTRIBUTED_WORDS and containment(ta, tb) >= SAME_SENTENCE:
                return True
    return False
