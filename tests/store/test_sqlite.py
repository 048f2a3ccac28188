"""Round-trips and write rules of the SQLite store."""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

import pytest

from newsloom.model import InputStatus, Report, Story
from newsloom.store import SQLiteStore, StoreError

from .conftest import make_annotated, make_article, make_report, make_story


def test_report_round_trip(store):
    hints = {"title": "Bridge", "tags": ["a", "b"], "n": 2, "ünï": "cödé"}
    report = make_report(1, url="https://example.org/1", hints=hints)
    assert store.add_report(report) is True
    assert store.get_report(report.id) == report
    assert store.has_report(report.content_hash)
    assert store.get_report("nope") is None
    assert not store.has_report("0" * 64)


def test_hints_that_are_not_json_are_refused(store):
    with pytest.raises(StoreError, match="hints of report"):
        store.add_report(make_report(1, hints={"when": object()}))
    assert store.reports() == []


def test_binary_raw_bytes_survive(store):
    report = Report.make("x.bin", bytes(range(256)) + b"\x00\xff", "html")
    store.add_report(report)
    assert store.get_report(report.id).raw == report.raw


def test_re_adding_same_content_is_a_no_op(store):
    report = make_report(1)
    assert store.add_report(report)
    again = replace(report, source="elsewhere/copy.txt", arrival=9)  # same bytes, other place
    assert store.add_report(again) is False
    assert store.add_report(report) is False
    assert store.reports() == [report]


def test_reports_come_back_in_the_order_added(store):
    reports = [make_report(n) for n in (5, 1, 3)]
    for r in reports:
        store.add_report(r)
    assert store.reports() == reports


def test_report_without_hash_is_refused(store):
    with pytest.raises(StoreError, match="content_hash"):
        store.add_report(Report("r1", "a", b"x", "text"))


def test_same_id_other_content_is_refused(store):
    report = make_report(1)
    store.add_report(report)
    impostor = Report.make("b", b"other bytes", "text")
    impostor.id = report.id
    with pytest.raises(StoreError, match="report"):
        store.add_report(impostor)
    assert store.reports() == [report]


def test_inputs_latest_status_wins(store):
    store.record_input(InputStatus("a.html", "failed", "timeout"))
    store.record_input(InputStatus("b.txt", "skipped", "empty"))
    store.record_input(InputStatus("a.html", "ok"))
    assert store.inputs() == [InputStatus("a.html", "ok", ""), InputStatus("b.txt", "skipped", "empty")]


def test_bad_input_status_is_refused(store):
    with pytest.raises(StoreError):
        store.record_input(InputStatus("a", "maybe"))  # type: ignore[arg-type]
    assert store.inputs() == []


def test_article_round_trip(store):
    reports = [make_report(n) for n in (2, 1)]
    for r in reports:
        store.add_report(r)
    articles = [make_article(r) for r in reversed(reports)]
    bare = replace(articles[0], title=None, author=None, published=None, outlet=None, url=None,
                   lang=None, segments=[])
    store.put_article(bare)
    store.put_article(articles[1])
    assert store.get_article(reports[1].id) == bare
    assert store.get_article("nope") is None
    assert store.articles() == [articles[1], bare]  # report order, not put order


def test_article_replaced(store):
    report = make_report(1)
    store.add_report(report)
    store.put_article(make_article(report))
    newer = replace(make_article(report), title="Corrected", segments=[])
    store.put_article(newer)
    assert store.articles() == [newer]


def test_article_needs_its_report(store):
    with pytest.raises(StoreError, match="article of report"):
        store.put_article(make_article(make_report(1)))


def test_annotated_round_trip(store):
    reports = [make_report(n) for n in (1, 2, 3)]
    for r in reports:
        store.add_report(r)
    anns = [make_annotated(r) for r in reports[:2]]
    for ann in reversed(anns):
        store.put_annotated(ann)
    store.put_article(make_article(reports[2]))  # extracted, not annotated
    assert store.get_annotated(reports[0].id) == anns[0]
    assert store.get_annotated(reports[2].id) is None
    assert store.annotated() == anns
    assert store.annotated_ids() == [a.report_id for a in anns]
    assert store.get_article(reports[1].id) == anns[1].article


def test_all_annotated_are_read_in_batches_in_report_order(store, monkeypatch):
    import newsloom.store.sql as sql

    reports = [make_report(n) for n in range(1, 8)]
    for r in reports:
        store.add_report(r)
    anns = [make_annotated(r) for r in reports]
    for ann in reversed(anns):
        store.put_annotated(ann)
    monkeypatch.setattr(sql, "READ_BATCH", 3)
    batches = []
    real = store._annotated
    monkeypatch.setattr(store, "_annotated", lambda which=None: batches.append(which) or real(which))
    assert store.annotated() == anns
    assert [len(b) for b in batches] == [3, 3, 1]  # never every report's rows at once


def test_state_is_kept_replaced_and_persists(db_path):
    with SQLiteStore(db_path) as store:
        assert store.get_state("story_index") is None
        store.put_state("story_index", b"\x00first")
        store.put_state("story_index", b"\x00second\xff")
        store.put_state("other", b"")
    with SQLiteStore(db_path) as store:
        assert store.get_state("story_index") == b"\x00second\xff"
        assert store.get_state("other") == b""


def test_big_state_is_kept_in_parts(store, monkeypatch):
    monkeypatch.setattr(store, "state_part", 4)
    value = bytes(range(10)) * 3
    store.put_state("story_index", value)
    assert store._conn.execute("SELECT COUNT(*) FROM state").fetchone()[0] == 8
    assert store.get_state("story_index") == value
    store.put_state("story_index", b"short")
    assert store.get_state("story_index") == b"short"
    assert store._conn.execute("SELECT COUNT(*) FROM state").fetchone()[0] == 2


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_annotations_are_span_rows(store):
    report = make_report(1)
    store.add_report(report)
    store.put_annotated(make_annotated(report))
    conn = store._conn
    for table in ("sentences", "mentions", "date_mentions", "quotes", "claims", "claim_dates"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert {"report_id", "start", "end"} <= set(cols), table
    query = 'SELECT "start", "end" FROM quotes WHERE report_id = ? ORDER BY idx'
    assert conn.execute(query, (report.id,)).fetchall() == [(30, 51), (0, 6)]


def test_empty_annotation_is_not_missing(store):
    report = make_report(1)
    store.add_report(report)
    bare = replace(make_annotated(report), sentences=[], mentions=[], dates=[], quotes=[], claims=[])
    store.put_annotated(bare)
    assert store.get_annotated(report.id) == bare


def test_put_annotated_replaces_spans(store):
    report = make_report(1)
    store.add_report(report)
    ann = make_annotated(report)
    store.put_annotated(ann)
    fewer = replace(ann, quotes=ann.quotes[:1], claims=[])
    store.put_annotated(fewer)
    assert store.annotated() == [fewer]


def test_changed_text_drops_annotations_same_text_keeps_them(store):
    report = make_report(1)
    store.add_report(report)
    ann = make_annotated(report)
    store.put_annotated(ann)
    store.put_article(replace(ann.article, title="New title"))
    assert store.get_annotated(report.id).mentions == ann.mentions
    store.put_article(replace(ann.article, text="Other text"))
    assert store.get_annotated(report.id) is None


def test_annotation_of_another_report_is_refused(store):
    one, two = make_report(1), make_report(2)
    store.add_report(one)
    ann = make_annotated(one)
    ann.quotes[0].report_id = two.id
    with pytest.raises(StoreError, match="spans of report"):
        store.put_annotated(ann)
    assert store.get_article(one.id) is None  # nothing half-written


def test_stories_round_trip_and_story_of(store):
    reports = [make_report(n) for n in range(5)]
    for r in reports:
        store.add_report(r)
    stories = [make_story("s-b", reports[:3]), make_story("s-a", reports[3:]), Story("s-c", [])]
    store.put_stories(stories)
    assert store.stories() == stories
    assert store.story_of(reports[4].id) == "s-a"
    assert store.story_of(reports[0].id) == "s-b"
    assert store.story_of("nope") is None


def test_put_stories_replaces_the_assignment(store):
    reports = [make_report(n) for n in range(4)]
    for r in reports:
        store.add_report(r)
    store.put_stories([make_story("old", reports)])
    newer = [make_story("n1", reports[:2]), make_story("n2", reports[2:3])]
    store.put_stories(newer)
    assert store.stories() == newer
    assert store.story_of(reports[2].id) == "n2"
    assert store.story_of(reports[3].id) is None
    for table in ("copy_edges", "edge_evidence", "story_reports"):
        assert store._conn.execute(f"SELECT COUNT(*) FROM {table} WHERE story_id = 'old'").fetchone() == (0,)


def test_report_in_two_stories_is_refused_and_old_assignment_kept(store):
    reports = [make_report(n) for n in range(2)]
    for r in reports:
        store.add_report(r)
    store.put_stories([make_story("s", reports)])
    with pytest.raises(StoreError):
        store.put_stories([Story("x", [reports[0].id]), Story("y", [reports[0].id])])
    assert store.stories() == [make_story("s", reports)]


def test_wal_mode_and_foreign_keys_on_file_db(db_path):
    with SQLiteStore(db_path) as s:
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent in the file
    conn.close()


def test_everything_persists_across_close_and_reopen(db_path):
    reports = [make_report(n) for n in range(3)]
    anns = [make_annotated(r) for r in reports]
    stories = [make_story("s1", reports)]
    with SQLiteStore(db_path) as s:
        for r, a in zip(reports, anns):
            s.add_report(r)
            s.put_annotated(a)
        s.record_input(InputStatus("inputs/r0.txt", "ok"))
        s.put_stories(stories)
    with SQLiteStore(str(db_path)) as s:
        assert s.reports() == reports
        assert s.annotated() == anns
        assert s.articles() == [a.article for a in anns]
        assert s.inputs() == [InputStatus("inputs/r0.txt", "ok")]
        assert s.stories() == stories
        assert s.add_report(reports[0]) is False


def test_close_twice_is_harmless(db_path):
    s = SQLiteStore(db_path)
    s.close()
    s.close()


def test_threads_share_one_store(db_path):
    reports = [make_report(n) for n in range(40)]
    with SQLiteStore(db_path) as s:
        def work(chunk):
            for r in chunk:
                s.add_report(r)
                s.add_report(r)
                s.put_article(make_article(r))
                assert s.get_article(r.id) is not None

        threads = [threading.Thread(target=work, args=(reports[i::4],)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(r.id for r in s.reports()) == sorted(r.id for r in reports)
        assert len(s.articles()) == 40


def test_two_connections_to_one_file(db_path):
    one, two = make_report(1), make_report(2)
    with SQLiteStore(db_path) as a, SQLiteStore(db_path) as b:
        a.add_report(one)
        assert b.add_report(one) is False
        b.add_report(two)
        assert a.reports() == [one, two]
