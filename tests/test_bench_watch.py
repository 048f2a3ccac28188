"""bench/watch.py on a tiny site: every item fetched once and stored, unchanged feeds answer 304, processing timed."""
from bench.watch import Outcome, RoundRow, plan, run, table


def test_tiny_run_fetches_each_item_once(tmp_path):
    outcome = run(tmp_path, feeds=2, rounds=[2, 1, 1], process=True)
    assert outcome.ok and outcome.items == outcome.stored == outcome.fetched_once == 4
    assert [(r.new_items, r.not_modified, r.new_reports) for r in outcome.rows] == [(2, 0, 2), (1, 1, 1), (1, 1, 1)]
    assert all(r.process_s is not None for r in outcome.rows)
    assert "fetched exactly once: 4" in table(outcome)


def test_plan_spreads_items_and_leaves_half_the_feeds_unchanged():
    assert plan(4, [10, 4, 2]) == [{0: 3, 1: 3, 2: 2, 3: 2}, {0: 2, 2: 2}, {1: 1, 3: 1}]


def test_a_missed_item_fails_the_checks():
    row = RoundRow(1, 2, 1, 0, 0, 2, 2, 0, 3, 0.1, None)
    assert not Outcome([row], items=2, stored=1, fetched_once=2, unchanged_304=True).ok
    assert not Outcome([row], items=2, stored=2, fetched_once=2, unchanged_304=False).ok
