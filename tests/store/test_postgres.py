"""What only the PostgreSQL store has to show: several writers at once, shared migrations, reopening."""
from __future__ import annotations

import threading

import psycopg
import pytest

from newsloom.model import InputStatus
from newsloom.store import SchemaVersionError, StoreError
from newsloom.store.migrations import MIGRATIONS, Migration
from newsloom.store.postgres import PostgresStore

from .conftest import make_annotated, make_report, make_story

NEXT = Migration(len(MIGRATIONS) + 1, "add report notes", "ALTER TABLE reports ADD COLUMN note TEXT")


def rows(url: str, query: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


def run_together(work, *args_per_thread) -> list:
    """Run `work` once per argument tuple, all threads released at the same moment; re-raise any failure."""
    start = threading.Barrier(len(args_per_thread))
    results: list = [None] * len(args_per_thread)
    errors: list[BaseException] = []

    def run(i, args):
        try:
            start.wait()
            results[i] = work(*args)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(args_per_thread)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


def test_two_writers_with_overlapping_reports_lose_and_duplicate_nothing(postgres_url):
    reports = [make_report(n) for n in range(90)]
    PostgresStore(postgres_url).close()  # the schema exists before the race

    def ingest(chunk, index):
        added = 0
        with PostgresStore(postgres_url) as s:
            s.state_part = 3
            for r in chunk:
                if s.add_report(r):
                    added += 1
                    s.finish_report(r.id, "annotated", InputStatus(r.source, "ok"), make_annotated(r))
                else:
                    s.record_input(InputStatus(r.source, "ok"))
            s.put_state("story_index", index * 40)
        return added

    one, two = reports[:60], list(reversed(reports[30:]))
    added = run_together(ingest, (one, b"one"), (two, b"two"))
    assert sum(added) == len(reports)
    with PostgresStore(postgres_url) as s:
        assert sorted(r.id for r in s.reports()) == sorted(r.id for r in reports)
        assert len(s.annotated_ids()) == len(reports) and s.pending_reports() == []
        assert sorted(i.source for i in s.inputs()) == sorted(r.source for r in reports)
        assert s.get_state("story_index") in (b"one" * 40, b"two" * 40)
    numbering = "SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM reports"
    assert rows(postgres_url, numbering) == [(90, 90, 1, 90)]
    assert rows(postgres_url, "SELECT COUNT(DISTINCT seq) FROM inputs") == [(90,)]


def test_two_stores_opening_a_new_database_at_once_migrate_it_once(postgres_url):
    def open_and_add(n):
        with PostgresStore(postgres_url) as s:
            return s.schema_version, s.add_report(make_report(n))

    assert run_together(open_and_add, (1,), (2,)) == [(len(MIGRATIONS), True)] * 2
    assert rows(postgres_url, "SELECT version FROM schema_version ORDER BY version") == [
        (m.version,) for m in MIGRATIONS
    ]


def test_stories_replaced_by_two_writers_are_one_writers_whole_assignment(postgres_url):
    reports = [make_report(n) for n in range(6)]
    with PostgresStore(postgres_url) as s:
        for r in reports:
            s.add_report(r)
    assignments = [[make_story("a", reports[:3]), make_story("b", reports[3:])], [make_story("c", reports)]]

    def put(stories):
        with PostgresStore(postgres_url) as s:
            for _ in range(5):
                s.put_stories(stories)

    run_together(put, *[(a,) for a in assignments])
    with PostgresStore(postgres_url) as s:
        assert s.stories() in assignments


def test_everything_persists_and_state_is_bytes(postgres_url):
    reports = [make_report(n) for n in range(3)]
    with PostgresStore(postgres_url) as s:
        for r in reports:
            s.add_report(r)
            s.put_annotated(make_annotated(r))
        s.put_stories([make_story("s1", reports)])
        s.put_state("story_index", b"\x00\xffindex")
    with PostgresStore(postgres_url) as s:
        assert s.reports() == reports
        assert s.annotated() == [make_annotated(r) for r in reports]
        assert s.stories() == [make_story("s1", reports)]
        assert s.get_state("story_index") == b"\x00\xffindex"
    query = "SELECT data_type FROM information_schema.columns WHERE table_name = 'state' AND column_name = 'value'"
    assert rows(postgres_url, query) == [("bytea",)]


def test_older_schema_is_migrated_and_newer_refused(postgres_url):
    report = make_report(1)
    with PostgresStore(postgres_url, migrations=MIGRATIONS[:1]) as s:
        s.add_report(report)
    with PostgresStore(postgres_url, migrations=MIGRATIONS + (NEXT,)) as s:
        assert s.schema_version == NEXT.version and s.reports() == [report]
    with pytest.raises(SchemaVersionError, match="upgrade newsloom"):
        PostgresStore(postgres_url)


def test_failed_migration_leaves_the_database_untouched(postgres_url):
    PostgresStore(postgres_url).close()
    broken = Migration(NEXT.version, "broken", "ALTER TABLE reports ADD COLUMN x TEXT; CREATE TABLE reports (id TEXT)")
    with pytest.raises(StoreError, match="cannot open store"):
        PostgresStore(postgres_url, migrations=MIGRATIONS + (broken,))
    assert rows(postgres_url, "SELECT MAX(version) FROM schema_version") == [(len(MIGRATIONS),)]
    query = "SELECT 1 FROM information_schema.columns WHERE table_name = 'reports' AND column_name = 'x'"
    assert rows(postgres_url, query) == []
