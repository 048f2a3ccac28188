"""bench/scale_out.py on a tiny size: the generator, measured rows on each store, the table and the concurrent pair."""
from __future__ import annotations

from collections import Counter

import pytest

from bench.scale_out import measure, render, reports
from tests.store.postgres_server import Unavailable, find_bindir


def test_generator_is_seeded_distinct_and_grouped_in_events() -> None:
    first, again = reports(12, seed=4), reports(12, seed=4)
    assert first == again and len(first) == 12
    assert len({text for _, text in first}) == 12  # no two files share content (none is skipped as a duplicate)
    titles = Counter(text.split("\n", 1)[0] for _, text in first)
    assert sorted(titles.values()) == [2, 5, 5]  # events of five reports; the last one cut short


def test_measure_on_both_stores_and_the_concurrent_pair() -> None:
    try:
        find_bindir()
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    result = measure(6, seed=2, executors=["local"], stores=["sqlite", "postgresql"], postgres=None)
    rows = result["rows"]
    assert [(r["executor"], r["store"]) for r in rows] == [("local", "sqlite"), ("local", "postgresql")]
    for row in rows:
        assert row["inputs"] == row["ok"] == row["processed"] == 6
        assert row["ingest_s"] > 0 and row["rss_mib"] > 0 and row["same_brief"] and row["stories"] == 2
    pair = result["concurrent"]
    assert pair["inputs"] == pair["stored"] == sum(pair["processed"]) == 6
    assert pair["duplicated"] == 0 and pair["pending"] == 0
    table = render(result).splitlines()
    assert table[0] == "6 synthetic reports" and table[1].startswith("| executor | store |")
    assert table[3].startswith("| local | sqlite | 6/6 |") and "| yes |" in table[3]
    assert table[-1].startswith("two concurrent ingests into one PostgreSQL database: 6 inputs, 6 stored")
