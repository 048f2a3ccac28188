"""The story's timeline: aligned claims placed on the days they name."""
from __future__ import annotations

from newsloom.compare.corroboration import AlignedClaim, representative
from newsloom.model import Evidence, TimelineEntry


def build_timeline(groups: list[AlignedClaim]) -> list[TimelineEntry]:
    """One entry per (day, claim group), ordered by day then support."""
    entries: dict[tuple[str, int], TimelineEntry] = {}
    for gi, group in enumerate(groups):
        rep = representative(group)
        for claim in group.members:
            for d in claim.dates:
                if not d.value:
                    continue
                key = (d.value, gi)
                entry = entries.get(key)
                if entry is None:
                    entry = entries[key] = TimelineEntry(date=d.value, text=rep.text, reports=[], evidence=[])
                if claim.report_id not in entry.reports:
                    entry.reports.append(claim.report_id)
                entry.evidence.append(Evidence(claim.report_id, d.start, d.end))
    ordered = sorted(entries.values(), key=lambda e: (e.date, -len(e.reports), e.text))
    for e in ordered:
        e.reports.sort()
    return ordered
