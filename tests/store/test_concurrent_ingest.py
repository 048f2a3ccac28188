"""Two `newsloom ingest` runs of one folder into one PostgreSQL database at once: nothing lost, nothing done twice."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bench.scale_out import signature, write_corpus
from newsloom.pipeline import Pipeline
from newsloom.store import open_store

PROCESSED = re.compile(r"\((\d+) reports processed in this run")


def _ingest(folder: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsloom.cli", "ingest", str(folder), "--db", url,
                             "--executor", "local", "--quiet"], stderr=subprocess.PIPE, text=True)


def _brief(url: str):
    with open_store(url) as store:
        pipeline = Pipeline(store)
        pipeline.build_stories(rebuild=True)
        return pipeline.brief()


def test_two_concurrent_ingests_lose_and_duplicate_nothing(tmp_path, postgres_server):
    folder = write_corpus(tmp_path / "reports", 30, seed=5)
    shared, alone = postgres_server.new_database(), postgres_server.new_database()
    open_store(shared).close()  # the schema exists before the race
    runs = [_ingest(folder, shared) for _ in range(2)]
    errors = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    processed = [int(PROCESSED.search(e).group(1)) for e in errors]
    assert sum(processed) == 30  # every report processed by exactly one of the two runs
    with open_store(shared) as store:
        assert len(store.reports()) == 30 and store.pending_reports() == []
        inputs = store.inputs()
        assert len(inputs) == 30 and {i.status for i in inputs} == {"ok"}
        assert len({i.source for i in inputs}) == 30
    single = _ingest(folder, alone)
    assert single.wait(timeout=600) == 0
    assert signature(_brief(shared)) == signature(_brief(alone))
