"""A live blog's timestamped entries: each is its own, and no speaker is carried from one to the next."""
from __future__ import annotations

import re
from bisect import bisect_right

# A paragraph opened by a clock time, as a live blog's entries are ("08:31 Post from ...", "2.15pm: ...").
_TIMESTAMP = re.compile(r"^[^\S\n]*(?:\d{1,2}[:.]\d{2}(?:[^\S\n]*(?:[ap]\.?m\.?|[A-Z]{2,4}))?|\d{1,2}[^\S\n]*[ap]\.?m\.?)"
                        r"(?=[^\S\n]|[:\u2013\u2014-])", re.MULTILINE | re.IGNORECASE)
MIN_ENTRIES = 3


def live_entries(text: str) -> list[int]:
    """Where a live blog's timestamped entries start (at least three, else none: the text is no live blog)."""
    starts = [m.start() for m in _TIMESTAMP.finditer(text)]
    return starts if len(starts) >= MIN_ENTRIES else []


def same_entry(entries: list[int], a: int, b: int) -> bool:
    """True when offsets `a` and `b` lie in the same live-blog entry (always, for a text that is no live blog)."""
    return bisect_right(entries, a) == bisect_right(entries, b)
