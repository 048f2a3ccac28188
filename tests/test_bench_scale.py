"""bench/scale.py on a tiny size: the generator, one measured row, the table, and events found as stories."""
from __future__ import annotations

from collections import Counter
from itertools import islice

from pytest import approx

from bench.scale import _growth, b_cubed, event_of, exponents, measure, render, reports
from newsloom.stories import StoryIndex


def test_generator_is_seeded_and_mentions_match_text() -> None:
    """Same seed, same reports; every mention's span holds its text; ids carry the event."""
    first = list(islice(reports(3), 50))
    again = list(islice(reports(3), 50))
    assert [a.article.text for a, _ in first] == [a.article.text for a, _ in again]
    for ann, event in first:
        assert event_of(ann.report_id) == event and ann.article.published
        assert ann.mentions and all(ann.article.text[m.start : m.end] == m.text for m in ann.mentions)


def test_measure_and_render_structure(capsys) -> None:
    """One row has every figure; the table has a header, a rule, one line per row and the exponents."""
    rows = [measure(150, probes=20, seed=5, progress=True), measure(300, probes=20, seed=5)]
    progress = capsys.readouterr().err.splitlines()
    assert len(progress) == 10 and progress[-1].startswith("N=150: ") and "MiB" in progress[-1]
    keys = {"n", "add_s", "per_s", "median_ms", "p95_ms", "rss_mib", "index_kb", "stories", "events", "b3_p",
            "b3_r"}
    for row, n in zip(rows, (150, 300)):
        assert set(row) == keys and row["n"] == n
        assert row["add_s"] > 0 and 0 < row["median_ms"] <= row["p95_ms"] and row["rss_mib"] > 0
        assert row["index_kb"] >= 0
        assert 0 < row["stories"] <= n + 20
    table = render(rows).splitlines()
    assert table[0].startswith("| reports N |") and table[1].startswith("|---:|")
    assert table[2].startswith("| 150 |") and table[3].startswith("| 300 |")
    assert "150 -> 300: total add time ~ N^" in table[-1] and "index memory ~ N^" in table[-1]


def test_growth_exponents() -> None:
    """Ten times the reports: ten times the time is N^1, a hundred times the memory N^2."""
    small = {"n": 1000, "add_s": 2.0, "p95_ms": 3.0, "index_kb": 1.0}
    big = {"n": 10000, "add_s": 20.0, "p95_ms": 3.0, "index_kb": 10.0}
    assert _growth(small, big, 2.0, 20.0) == approx(1.0)
    assert exponents([small, big]) == [
        ("1000 -> 10000: total add time ~ N^1.00 (1 = linear, 2 = quadratic); p95 per add ~ N^0.00; "
        "index memory ~ N^2.00")]


def test_events_are_recovered_as_stories() -> None:
    """200 reports: most reports of each multi-report event share one story; B-cubed stays high."""
    index = StoryIndex()
    anns = [ann for ann, _ in islice(reports(7), 200)]
    story_of = {ann.report_id: index.add(ann) for ann in anns}
    story_of = {rid: index.story_of(rid) for rid in story_of}  # ids may change after merges
    by_event: dict[int, Counter[str]] = {}
    for rid, story in story_of.items():
        by_event.setdefault(event_of(rid), Counter())[story] += 1
    big = [c for c in by_event.values() if sum(c.values()) >= 3]
    kept = sum(max(c.values()) for c in big) / sum(sum(c.values()) for c in big)
    assert kept >= 0.9
    precision, recall = b_cubed(story_of)
    assert recall >= 0.9 and precision >= 0.6


def test_kept_index_round_trip_is_timed_and_tabled() -> None:
    """With `keep`, a row also has the index's size as bytes and both directions' seconds; a second table."""
    rows = [measure(120, probes=10, seed=5, keep=True), measure(240, probes=10, seed=5, keep=True)]
    for row in rows:
        assert row["kept_mib"] > 0 and row["dump_s"] > 0 and row["load_s"] > 0
    table = render(rows).splitlines()
    assert "| reports N | index as bytes (MiB) | to bytes (s) | from bytes (s) |" in table
    assert table[-1].startswith("| 240 |")
    assert "index as bytes" not in render([measure(120, probes=10, seed=5)])
