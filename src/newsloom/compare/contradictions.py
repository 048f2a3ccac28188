"""Disagreements between reports over figures and over the wording of a quote."""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from newsloom.compare.textsim import content_terms
from newsloom.model import Claim, Disagreement, Evidence, Position, QuoteGroup

SAME_FIGURE_CONTEXT = 0.5  # claim similarity above which two figures describe the same thing
_QUANTITY = re.compile(r"(?<![\d\-])\b(\d[\d,.]*(?:\s+(?:million|billion|thousand|percent|per cent))?)\s+([A-Za-z][a-z-]+)")


def _quantities(claim: Claim) -> list[tuple[str, str, str]]:
    """(unit, value, unit as written) of a claim: "1,200 workers" -> ("worker", "1,200", "workers")."""
    out = []
    for m in _QUANTITY.finditer(claim.text):
        unit = content_terms(m.group(2))
        if unit:
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


def wording_disagreements(ledger: list[QuoteGroup]) -> list[Disagreement]:
    """Quotes that different reports word differently (translation or transcription variants)."""
    out: list[Disagreement] = []
    for group in ledger:
        if len(group.variants) < 2 or len(group.reports) < 2:
            continue
        who = group.speaker or "an unnamed speaker"
        out.append(Disagreement(
            about=f"wording of {who}'s quote",
            positions=[Position(v.text, v.reports, v.evidence) for v in group.variants],
        ))
    return out
