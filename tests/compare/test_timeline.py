"""The timeline: each entry filed under a day reads as a claim that names that day."""
from newsloom.compare.corroboration import AlignedClaim
from newsloom.compare.timeline import build_timeline
from newsloom.model import Claim, DateMention


def claim(rid: str, text: str, day: str | None = None) -> Claim:
    dates = [DateMention("on Tuesday", 0, 10, day)] if day else []
    return Claim(rid, text, 0, len(text), dates=dates)


def test_entry_text_names_the_day_it_is_filed_under():
    group = AlignedClaim([
        claim("a", "The council approved the terminal lease."),
        claim("b", "The council approved the terminal lease."),
        claim("c", "On Tuesday the council voted for the lease of the terminal.", "2025-05-13"),
    ])
    [entry] = build_timeline([group])
    assert entry.date == "2025-05-13"
    assert entry.text.startswith("On Tuesday") and entry.reports == ["c"]


def test_entries_ordered_by_day_then_support():
    early = AlignedClaim([claim("a", "Work began.", "2025-05-01")])
    late = AlignedClaim([claim("a", "Ships sailed.", "2025-06-01"), claim("b", "Ships sailed.", "2025-06-01")])
    entries = build_timeline([late, early])
    assert [e.date for e in entries] == ["2025-05-01", "2025-06-01"]
    assert entries[1].reports == ["a", "b"] and len(entries[1].evidence) == 2
