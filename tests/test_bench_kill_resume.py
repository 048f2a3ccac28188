"""`newsloom ingest` killed with SIGKILL at seeded points and run again accounts for every input exactly once."""
import pytest

from bench.kill_resume import audit, trial, write_corpus


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_ingest_loses_and_duplicates_nothing(tmp_path, seed):
    found = trial(tmp_path, seed, n=12, kills=1)
    assert found.kills == 1
    assert (found.lost, found.duplicated, found.pending) == (0, 0, 0)
    assert found.accounted == found.inputs == 13
    assert (found.ok, found.skipped, found.failed) == (12, 1, 0)  # the exact copy is the one skipped


def test_the_audit_sees_a_lost_input(tmp_path):
    """The audit counts an input with no status row as lost, so the test above can fail."""
    import sqlite3

    files = write_corpus(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE inputs (source TEXT, status TEXT);"
            "CREATE TABLE reports (content_hash TEXT, state TEXT);"
            "CREATE TABLE annotations (report_id TEXT); CREATE TABLE story_reports (report_id TEXT);"
        )
        conn.executemany("INSERT INTO inputs VALUES (?, 'ok')", [(str(f),) for f in files[:2]])
        conn.execute("INSERT INTO inputs VALUES (?, 'ok')", (str(files[0]),))
    found = audit(db, files, seed=0, kills=0)
    assert (found.lost, found.duplicated, found.accounted) == (2, 1, 1)
