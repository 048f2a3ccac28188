"""Which claims, summary lines and timeline rows a disagreement contradicts, so the brief agrees with itself."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from newsloom.compare.corroboration import AlignedClaim
from newsloom.compare.statement_dates import STATEMENT_VERBS
from newsloom.compare.summary import QUOTE_MARKS
from newsloom.model import Annotated, Claim, ClaimGroup, Disagreement, Evidence

DISPUTING = {"date", "number", "speaker"}  # kinds that contradict a fact; wording variants do not
DATE_ABOUT = ("when ", " made the remarks")
SPEECH = re.compile(STATEMENT_VERBS.pattern + r"|\b(?:claim(?:s|ed|ing)?|says|stating|praising|hailing)\b", re.I)
AFFILIATION_GAP = 30  # characters between a speaker's name and the body named beside it


class Disputable(Protocol):
    """A line of the brief with evidence that a disagreement may contradict."""

    evidence: list[Evidence]
    disputed_by: list[str]


@dataclass
class Contested:
    """The spans one disagreement contradicts, and the days its sides name."""

    id: str
    spans: list[Evidence]
    days: set[str] = field(default_factory=set)
    dated: list[Evidence] = field(default_factory=list)  # claims stating one of those days, whoever they name


def numbered(kinds: list[tuple[str, list[Disagreement]]]) -> list[Disagreement]:
    """Every disagreement in order, each with its kind and an id ("d1", "d2", ...)."""
    out = [d for _, found in kinds for d in found]
    kind_of = {id(d): kind for kind, found in kinds for d in found}
    for i, d in enumerate(out, 1):
        d.id, d.kind = f"d{i}", d.kind or kind_of[id(d)]
    return out


def _speaker(d: Disagreement) -> str | None:
    """The speaker whose remarks a date disagreement is about."""
    head, tail = DATE_ABOUT
    return d.about[len(head) : -len(tail)] if d.about.startswith(head) and d.about.endswith(tail) else None


def contested(disagreements: list[Disagreement], anns: list[Annotated], alias: dict[str, str]) -> list[Contested]:
    """What each disagreement that contradicts a fact puts in doubt.

    A date disagreement puts in doubt the words that date the remarks: the disputed days in its own
    sentences, the whole sentence of a vague time, and the disputed days in any claim that has the
    speaker, or the body they speak for, say something ("the Kremlin stated on Sunday ...").
    """
    out = []
    for d in disagreements:
        if d.kind not in DISPUTING:
            continue
        if d.kind != "date":
            out.append(Contested(d.id, [ev for p in d.positions for ev in p.evidence]))
            continue
        days = {p.date for p in d.positions if p.date and ".." not in p.date}
        spans = [ev for p in d.positions if p.date not in days for ev in p.evidence]
        sentences = [ev for p in d.positions if p.date in days for ev in p.evidence]
        speaker = _speaker(d)
        voices = {speaker} | _affiliations(speaker, anns, alias)
        dated: list[Evidence] = []
        for ann in anns:
            for x in ann.dates:
                if x.value in days:
                    ev = Evidence(ann.report_id, x.start, x.end)
                    dated.append(ev)
                    if overlaps([ev], sentences):
                        spans.append(ev)
            for c in ann.claims:
                names = {alias.get(n, n) for n in [*c.entities, c.speaker] if n}
                if speaker in names or (names & voices and SPEECH.search(c.text)):
                    spans += [Evidence(c.report_id, x.start, x.end) for x in c.dates if x.value in days]
        out.append(Contested(d.id, spans, days, dated))
    return out


def _affiliations(speaker: str | None, anns: list[Annotated], alias: dict[str, str]) -> set[str]:
    """Bodies named right beside the speaker ("Kremlin spokesman Dmitry Peskov"): they speak through them."""
    found: set[str] = set()
    for ann in anns:
        text = ann.article.text
        for m in ann.mentions:
            if alias.get(m.canonical, m.canonical) != speaker:
                continue
            for o in ann.mentions:
                gap = text[min(o.end, m.end) : max(o.start, m.start)]
                if o.label == "ORG" and len(gap) <= AFFILIATION_GAP and "\n" not in gap and "." not in gap:
                    found.add(alias.get(o.canonical, o.canonical))
    return found - {speaker}


def pinned_days(disagreements: list[Disagreement]) -> list[tuple[Evidence, str | None]]:
    """Each sentence a date disagreement places, with the day it gives (None for a vague time)."""
    return [(ev, p.date if p.date and ".." not in p.date else None)
            for d in disagreements if d.kind == "date" for p in d.positions for ev in p.evidence]


def position_claims(disagreements: list[Disagreement], anns: list[Annotated]) -> list[AlignedClaim]:
    """Each dated side of a date disagreement as a group of its sentences, so the timeline shows it on its day."""
    by_id = {a.report_id: a for a in anns}
    out = []
    for d in disagreements:
        for p in d.positions if d.kind == "date" else []:
            if not p.date or ".." in p.date:
                continue
            members = [
                Claim(ev.report, " ".join(by_id[ev.report].article.text[ev.start : ev.end].split()), ev.start, ev.end,
                      dates=[x for x in by_id[ev.report].dates if ev.start <= x.start < ev.end and x.value == p.date])
                for ev in p.evidence if ev.report in by_id
            ]
            out.append(AlignedClaim([c for c in members if c.dates]))
    return [g for g in out if g.members]


def overlaps(evidence: list[Evidence], spans: list[Evidence] | dict[str, list[Evidence]]) -> bool:
    """True when some span of `evidence` overlaps one of `spans` (or of `by_report(spans)`) in the same report."""
    index = spans if isinstance(spans, dict) else by_report(spans)
    return any(a.start < b.end and b.start < a.end for a in evidence for b in index.get(a.report, ()))


def by_report(spans: list[Evidence]) -> dict[str, list[Evidence]]:
    """Spans filed by report, for many overlap tests against them."""
    out: dict[str, list[Evidence]] = {}
    for span in spans:
        out.setdefault(span.report, []).append(span)
    return out


def mark(items: list[Disputable], found: list[Contested]) -> None:
    """Set `disputed_by` on each line whose evidence a disagreement contradicts."""
    indexed = [(c.id, by_report(c.spans)) for c in found]
    for item in items:
        item.disputed_by = [cid for cid, spans in indexed if overlaps(item.evidence, spans)]


def plain_text(group: ClaimGroup, found: list[Contested], texts: dict[str, str]) -> str | None:
    """The group's words as a summary may state them: a member stating no detail in dispute (one in the
    writer's words rather than a quotation, if any), else None."""
    against = [c for c in found if c.id in group.disputed_by]
    if not against:
        return group.text
    spans = [by_report(c.spans + c.dated) for c in against]
    plain = [" ".join(texts[ev.report][ev.start : ev.end].split()) for ev in group.evidence
             if not any(overlaps([ev], s) for s in spans)]
    return next((t for t in plain if t[:1] not in QUOTE_MARKS), plain[0] if plain else None)
