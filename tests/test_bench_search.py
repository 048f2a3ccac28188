"""bench/search.py on a tiny store: the generator's spans, a measured row per query and the table."""
from __future__ import annotations

import random

from bench.search import QUERIES, annotated, fill, measure, percentile, render
from newsloom.store import SQLiteStore


def test_generated_reports_hold_their_spans():
    report, ann = annotated(3, random.Random(1))
    text = ann.article.text
    assert ann.report_id == report.id and ann.article.outlet and ann.article.published
    assert all(text[x.start:x.end] == x.text for x in (*ann.quotes, *ann.claims))
    assert ann.quotes[0].speaker and ann.quotes[0].speaker in text


def test_measure_and_render_on_a_tiny_store():
    with SQLiteStore(":memory:") as store:
        fill(store, 30)
        assert len(store.stories()) == 6
        rows = measure(store, repeat=2)
    assert len(rows) == len(QUERIES) + 2 and all(len(r["times"]) == 2 for r in rows)
    by_query = {r["query"]: r["hits"] for r in rows}
    assert by_query["zeppelin"] == 0 and by_query["strike"] > 0
    assert any(r["query"].startswith("strike [from") for r in rows)
    table = render(30, 0.5, rows).splitlines()
    assert "30 synthetic reports" in table[0] and "through the store API" in table[0]
    assert table[1].startswith("| query |") and table[-1].startswith(f"all {2 * len(rows)} searches: p50 ")
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0 and percentile([5.0], 95) == 5.0
