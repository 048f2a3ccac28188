"""Presentation helpers: date ranges, quote grouping, claim splitting, report spans, upload names."""
from __future__ import annotations

from newsloom.model import ClaimGroup, QuoteGroup
from newsloom.web.desk import UPLOAD_PREFIX, display_source, is_upload
from newsloom.web.present import by_speaker, day_range, split_claims
from newsloom.web.reports import marked


def test_day_range():
    assert day_range("2025-05-16", "2025-05-16T10:00:00+00:00") == "16 May 2025"
    assert day_range("2025-05-16", "2025-05-17") == "16–17 May 2025"
    assert day_range("2025-04-30", "2025-05-02") == "30 Apr – 2 May 2025"
    assert day_range("2024-12-31", "2025-01-01") == "31 Dec 2024 – 1 Jan 2025"
    assert day_range("spring", None) == "spring"


def quote(speaker):
    return QuoteGroup(speaker=speaker, text="x", reports=[], variants=[], evidence=[])


def test_by_speaker_keeps_first_appearance_order_and_puts_unattributed_last():
    groups = by_speaker([quote(None), quote("B"), quote("A"), quote("B")])
    assert [(name, len(qs)) for name, qs in groups] == [("B", 2), ("A", 1), (None, 1)]


def test_split_claims_by_independent_support():
    one, two = ClaimGroup("a", ["r1"], 1, []), ClaimGroup("b", ["r1", "r2"], 2, [])
    assert split_claims([one, two]) == ([two], [one])


def test_marked_clamps_the_span():
    assert marked("abcdef", 2, 4) == [("ab", False), ("cd", True), ("ef", False)]
    assert marked("abc", 5, -1) == [("", False), ("abc", True), ("", False)]
    assert marked("abc", None, None) == [("abc", False)]


def test_display_source_names_uploads_by_file_name():
    source = f"/tmp/{UPLOAD_PREFIX}x1y2/feed.xml#2"
    assert display_source(source) == "feed.xml#2" and is_upload(source)
    assert display_source("samples/corpus/a1.html") == "samples/corpus/a1.html"
    assert not is_upload("samples/corpus/a1.html")
