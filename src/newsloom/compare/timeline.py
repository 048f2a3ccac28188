"""The story's timeline: aligned claims placed on the days they name, one row per dated fact."""
from __future__ import annotations

from newsloom.compare.corroboration import AlignedClaim, representative
from newsloom.model import Claim, Evidence, TimelineEntry


def build_timeline(
    groups: list[AlignedClaim], fixed: list[tuple[Evidence, str | None]] = (), notices: list[TimelineEntry] = ()
) -> list[TimelineEntry]:
    """One entry per day and fact, ordered by day then support.

    An entry reads as the most typical claim among those that name that day, so the text shown always
    states the date it is filed under. `fixed` pins sentences to the day a date disagreement gives them
    (None: a vague time, no day): such a sentence is filed under that day only, as in the disagreement.
    Claim groups that share a sentence on the same day are one fact and make one row. `notices` are
    the reports' dated corrections and updates, placed among the events.
    """
    disputed = {day for _, day in fixed}
    pins: dict[str, list[tuple[Evidence, str | None]]] = {}
    for pin in fixed:
        pins.setdefault(pin[0].report, []).append(pin)
    carriers: dict[tuple[str, int], list[Claim]] = {}
    for gi, group in enumerate(groups):
        for claim in group.members:
            for value in _days(claim, pins.get(claim.report_id, []), disputed):
                carriers.setdefault((value, gi), []).append(claim)
    rows: list[tuple[str, list[Claim]]] = []
    for (value, _), claims in carriers.items():
        same = [r for r in rows if r[0] == value and _share(r[1], claims)]
        merged = claims + [c for r in same for c in r[1]]
        rows = [r for r in rows if not any(r is s for s in same)] + [(value, _unique(merged))]
    entries = [
        TimelineEntry(
            date=value,
            text=representative(AlignedClaim(claims)).text,
            reports=sorted({c.report_id for c in claims}),
            evidence=list(dict.fromkeys(
                Evidence(c.report_id, d.start, d.end) for c in claims for d in c.dates if d.value == value)),
        )
        for value, claims in rows
    ] + list(notices)
    return sorted(entries, key=lambda e: (e.date, -len(e.reports), e.text))


def _days(claim: Claim, fixed: list[tuple[Evidence, str | None]], disputed: set[str | None]) -> list[str]:
    """The days a claim is filed under: those it names, but in a sentence a date disagreement places, the day
    it gives that sentence, and none of the other days in `disputed` (a vague time gives none).

    `fixed` holds the pinned sentences of the claim's report."""
    named = list(dict.fromkeys(d.value for d in claim.dates if d.value))
    pinned = {day for ev, day in fixed
              if ev.report == claim.report_id and ev.start < claim.end and claim.start < ev.end}
    if not pinned:
        return named
    if pinned & set(named):
        return [day for day in named if day in pinned]
    return [day for day in named if day not in disputed]


def _share(a: list[Claim], b: list[Claim]) -> bool:
    """True when the two lists hold an overlapping span of the same report."""
    return any(x.report_id == y.report_id and x.start < y.end and y.start < x.end for x in a for y in b)


def _unique(claims: list[Claim]) -> list[Claim]:
    """Claims without repeats of the same span."""
    seen: dict[tuple[str, int, int], Claim] = {}
    for c in claims:
        seen.setdefault((c.report_id, c.start, c.end), c)
    return list(seen.values())
