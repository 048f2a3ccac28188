"""The extractive summary: best-supported claims first, no quotes, no near-repeats."""
from newsloom.compare.summary import build_summary
from newsloom.model import ClaimGroup, Evidence


def _claim(text, n):
    reports = [f"r{i}" for i in range(n)]
    return ClaimGroup(text=text, reports=reports, independent_reports=n, evidence=[Evidence(r, 0, 5) for r in reports])


def test_summary_skips_quotes_and_repeats_and_keeps_evidence():
    claims = [
        _claim("\u201cWe are ready,\u201d the spokeswoman said.", 5),
        _claim("The council approved the lease on Tuesday.", 4),
        _claim("The council approved the lease on Tuesday night.", 3),
        _claim("The terminal will employ 1,200 workers.", 2),
    ]
    lines = build_summary(claims, limit=5)
    assert [line.text for line in lines] == [
        "The council approved the lease on Tuesday.",
        "The terminal will employ 1,200 workers.",
    ]
    assert len(lines[0].evidence) == 4
