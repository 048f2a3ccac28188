"""Who said a quote, story-wide: an explicit attribution in one report corrects a pronoun or a carried one in another."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from newsloom.model import SPEAKER_THRESHOLD, Attribution, Evidence

EXPLICIT = {"cue", "verb"}  # the speaker is named beside the marks or as the subject of the verb of speech
THRESHOLD = SPEAKER_THRESHOLD  # below this confidence a quote is shown unattributed
AGREEMENT_BONUS = 0.1  # per further report whose weaker attribution names the same speaker
RANK = {"cue": 0, "verb": 1, "role": 2, "description": 3, "carried": 4, "pronoun": 5, "none": 6}
BASIS_WORDS = {  # each basis in words, for the rule a brief line shows
    "role": "named by role only", "pronoun": "resolved through a pronoun",
    "description": "described, not named (as written)",
    "carried": "carried from a neighbouring quote", "cue": "named beside the quote", "verb": "named as the speaker",
}


class Attributed(Protocol):
    """What the rule reads of one quote in one report."""

    report: str
    speaker: str | None
    basis: str
    confidence: float
    speaker_start: int | None
    speaker_end: int | None
    doubt: str


@dataclass
class Decision:
    """The speaker of a quote group and why."""

    speaker: str | None
    basis: str  # explicit, agreed, role, description, pronoun, carried or unattributed
    reason: str
    confidence: float
    attributions: list[Attribution]


def is_explicit(unit: Attributed) -> bool:
    """True when a report names the speaker next to the quote, confidently."""
    return unit.speaker is not None and unit.basis in EXPLICIT and unit.confidence >= THRESHOLD


def _reports(n: int) -> str:
    """"1 report", "3 reports"."""
    return f"{n} report" + ("" if n == 1 else "s")


def _per_report(units: Sequence[Attributed]) -> dict[str, Attributed]:
    """Each report's strongest attribution of the quote."""
    best: dict[str, Attributed] = {}
    for u in units:
        if u.speaker is None:
            continue
        held = best.get(u.report)
        if held is None or (is_explicit(u), u.confidence, -RANK.get(u.basis, 9)) > (
            is_explicit(held), held.confidence, -RANK.get(held.basis, 9)
        ):
            best[u.report] = u
    return best


def _rows(best: dict[str, Attributed], speaker: str | None) -> list[Attribution]:
    """One row per (speaker, basis) of the reports' attributions, with the speaker mentions; the accepted first."""
    rows: dict[tuple[str | None, str], Attribution] = {}
    for u in best.values():
        row = rows.setdefault((u.speaker, u.basis), Attribution(u.speaker, u.basis, [], [], u.speaker == speaker))
        if u.report not in row.reports:
            row.reports.append(u.report)
        if u.speaker_start is not None and u.speaker_end is not None:
            ev = Evidence(u.report, u.speaker_start, u.speaker_end)
            if ev not in row.evidence:
                row.evidence.append(ev)
    out = sorted(rows.values(), key=lambda r: (not r.accepted, RANK.get(r.basis, 9), -len(r.reports), r.speaker or ""))
    for row in out:
        row.reports.sort()
    return out


def decide(units: Sequence[Attributed]) -> Decision:
    """The group's speaker: explicit attributions win; else weaker ones that agree; else nobody, with the reason."""
    best = _per_report(units)
    if not best:
        doubts = sorted({u.doubt for u in units if u.doubt})
        reason = "no report says who said it" + (f" ({'; '.join(doubts)})" if doubts else "")
        return Decision(None, "unattributed", reason, 0.0, [])
    explicit = {r: u for r, u in best.items() if is_explicit(u)}
    votes: dict[str, list[Attributed]] = defaultdict(list)
    for u in (explicit or best).values():
        votes[u.speaker or ""].append(u)
    speaker = max(votes, key=lambda s: (sum(u.confidence for u in votes[s]), len(votes[s]), s))
    mine = votes[speaker]
    rivals = {r: u for r, u in best.items() if u.speaker != speaker}
    if explicit:
        basis, reason = "explicit", f"explicit in {_reports(len(mine))}"
        confidence = max(u.confidence for u in mine)
    elif len(mine) >= 2:
        kinds = sorted({u.basis for u in mine}, key=lambda b: RANK.get(b, 9))
        basis, reason = "agreed", f"agreed by {_reports(len(mine))} ({', '.join(kinds)})"
        sure = sum(u.confidence >= THRESHOLD for u in mine)  # a rule too weak to show alone is no witness
        confidence = min(0.9, max(u.confidence for u in mine) + AGREEMENT_BONUS * max(0, sure - 1))
    else:
        basis = mine[0].basis
        reason = f"{BASIS_WORDS.get(basis, basis)} in {_reports(1)}"
        confidence = mine[0].confidence
    doubts = sorted({u.doubt for u in mine if u.doubt})
    if doubts:
        reason += f" ({'; '.join(doubts)})"
    if rivals:
        others = sorted({f"{u.speaker} ({u.basis})" for u in rivals.values()})
        if not explicit:  # weak attributions that disagree: trust the winner less
            confidence *= len(mine) / (len(mine) + len(rivals))
        reason += f"; overrules {', '.join(others)} in {_reports(len(rivals))}"
    confidence = round(confidence, 2)
    if confidence < THRESHOLD:
        why = f"unattributed: {reason.split(';')[0]}, confidence {confidence:.2f} is below {THRESHOLD}"
        if rivals:
            why += f"; reports disagree ({', '.join(sorted({u.speaker or '' for u in best.values()}))})"
        return Decision(None, "unattributed", why, confidence, _rows(best, None))
    return Decision(speaker, basis, reason, confidence, _rows(best, speaker))
