"""Schema versions: upgrades on open, refusal of databases from a newer newsloom."""
from __future__ import annotations

import sqlite3

import pytest

from newsloom.store import SchemaVersionError, SQLiteStore, StoreError
from newsloom.store.migrations import MIGRATIONS, Migration, pending

from .conftest import make_report

NEXT = Migration(len(MIGRATIONS) + 1, "add report notes", "ALTER TABLE reports ADD COLUMN note TEXT")


def versions(path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    finally:
        conn.close()


def test_new_db_gets_every_migration(db_path):
    with SQLiteStore(db_path) as s:
        assert s.schema_version == len(MIGRATIONS)
    assert versions(db_path) == [m.version for m in MIGRATIONS]


def test_older_db_is_migrated_on_open_and_keeps_its_data(db_path):
    report = make_report(1)
    with SQLiteStore(db_path) as s:  # the code of today: version 1
        s.add_report(report)
    with SQLiteStore(db_path, migrations=MIGRATIONS + (NEXT,)) as s:  # newer code
        assert s.schema_version == NEXT.version
        assert s.reports() == [report]
        cols = [r[1] for r in s._conn.execute("PRAGMA table_info(reports)")]
        assert "note" in cols
    assert versions(db_path) == [*(m.version for m in MIGRATIONS), NEXT.version]
    with SQLiteStore(db_path, migrations=MIGRATIONS + (NEXT,)) as s:  # reopening applies nothing
        assert s.reports() == [report]


def test_claims_stored_before_facets_load_without_them(db_path):
    report = make_report(1)
    with SQLiteStore(db_path, migrations=MIGRATIONS[:1]) as s:  # a database of schema version 1
        s.add_report(report)
        s._conn.execute(
            "INSERT INTO articles (report_id, source, text) VALUES (?, ?, ?)", (report.id, "a.txt", "Jo Lee said.")
        )
        s._conn.execute("INSERT INTO annotations (report_id) VALUES (?)", (report.id,))
        s._conn.execute(
            'INSERT INTO claims (report_id, idx, "start", "end", text, speaker, entities, numbers) '
            "VALUES (?, 0, 0, 12, 'Jo Lee said.', NULL, '[]', '[]')", (report.id,)
        )
        s._conn.commit()
    with SQLiteStore(db_path) as s:
        [ann] = s.annotated()
    assert ann.claims[0].text == "Jo Lee said."
    assert ann.claims[0].facets == [] and ann.claims[0].vectors is None


def test_db_from_newer_code_is_refused(db_path):
    with SQLiteStore(db_path, migrations=MIGRATIONS + (NEXT,)):
        pass
    with pytest.raises(SchemaVersionError, match=rf"version {NEXT.version} is newer .*upgrade newsloom"):
        SQLiteStore(db_path)


def test_failed_migration_leaves_db_untouched(db_path):
    with SQLiteStore(db_path):
        pass
    script = "ALTER TABLE reports ADD COLUMN x TEXT; CREATE TABLE reports (id TEXT)"  # second statement fails
    broken = Migration(NEXT.version, "broken", script)
    with pytest.raises(StoreError):
        SQLiteStore(db_path, migrations=MIGRATIONS + (broken,))
    assert versions(db_path) == [m.version for m in MIGRATIONS]
    conn = sqlite3.connect(db_path)
    assert "x" not in [r[1] for r in conn.execute("PRAGMA table_info(reports)")]
    conn.close()


def test_migrations_must_be_numbered_in_order():
    with pytest.raises(StoreError, match="numbered"):
        pending(0, [Migration(2, "skips one", "SELECT 1")])


def test_scripts_fill_in_dialect_types():
    sqlite_sql = " ".join(MIGRATIONS[0].statements("sqlite"))
    postgres_sql = " ".join(MIGRATIONS[0].statements("postgresql"))
    assert "BLOB" in sqlite_sql and "BYTEA" in postgres_sql and "{bytes}" not in postgres_sql


def test_not_a_database_is_a_store_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(junk)
