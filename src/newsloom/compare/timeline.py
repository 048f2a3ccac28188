"""The story's timeline: aligned claims placed on the days they name."""
from __future__ import annotations

from newsloom.compare.corroboration import AlignedClaim, representative
from newsloom.model import Claim, Evidence, TimelineEntry


def build_timeline(groups: list[AlignedClaim]) -> list[TimelineEntry]:
    """One entry per (day, claim group), ordered by day then support.

    An entry reads as the group's most typical claim among those that name that day, so the text
    shown always states the date it is filed under.
    """
    carriers: dict[tuple[str, int], list[Claim]] = {}
    for gi, group in enumerate(groups):
        for claim in group.members:
            for value in dict.fromkeys(d.value for d in claim.dates if d.value):
                carriers.setdefault((value, gi), []).append(claim)
    entries = []
    for (value, _), claims in carriers.items():
        entries.append(TimelineEntry(
            date=value,
            text=representative(AlignedClaim(claims)).text,
            reports=sorted({c.report_id for c in claims}),
            evidence=[Evidence(c.report_id, d.start, d.end) for c in claims for d in c.dates if d.value == value],
        ))
    return sorted(entries, key=lambda e: (e.date, -len(e.reports), e.text))
