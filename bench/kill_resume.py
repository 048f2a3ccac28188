"""Kill `newsloom ingest` with SIGKILL at seeded points, run it again, and audit the store: nothing lost or doubled."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from bench.scale import reports as synthetic_reports

RUN_SECONDS = 300  # a run that has not finished in this long is a failure of the bench


@dataclass
class Audit:
    """What one kill-and-resume trial found in the store."""

    seed: int
    kills: int
    inputs: int  # input files given
    accounted: int  # of them with exactly one status row
    lost: int  # inputs with no status row, or ok reports that are in no story
    duplicated: int  # status rows beyond one per input, or reports stored twice
    pending: int  # reports left neither annotated, skipped nor failed
    ok: int
    skipped: int
    failed: int


def write_corpus(folder: Path, n: int, seed: int = 11) -> list[Path]:
    """Write `n` synthetic reports as plain-text files, and one exact copy of the first (a true duplicate)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for k, (ann, _) in enumerate(islice(synthetic_reports(seed), n)):
        a = ann.article
        path = folder / f"report-{k:03d}.txt"
        path.write_text(f"{a.text.split('.')[0]}\n\nBy Staff\n{a.outlet}\n\n{a.text}\n", encoding="utf-8")
        files.append(path)
    copy = folder / "report-copy.txt"
    shutil.copyfile(files[0], copy)
    return files + [copy]


def _command(db: Path, folder: Path) -> list[str]:
    return [sys.executable, "-m", "newsloom.cli", "ingest", str(folder), "--db", str(db)]


def _count(db: Path, query: str) -> int:
    """One count from the store, read without waiting on a writer (0 when it cannot be read yet)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
            return conn.execute(query).fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_once(db: Path, folder: Path, rng: random.Random, n: int) -> bool:
    """Start an ingest and SIGKILL it at a random point: while reading inputs, or after k reports are annotated.

    Returns False when the run finished before the chosen point came.
    """
    annotated_target = rng.randint(0, n - 1)
    while_reading = rng.random() < 0.25
    proc = subprocess.Popen(_command(db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + RUN_SECONDS
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            stored = _count(db, "SELECT COUNT(*) FROM reports")
            annotated = _count(db, "SELECT COUNT(*) FROM annotations")
            if (while_reading and stored >= 1 + annotated_target // 2) or (
                not while_reading and annotated >= annotated_target and stored > 0
            ):
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.02)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def finish(db: Path, folder: Path) -> None:
    """Run ingest and stories to the end; raise when either fails."""
    subprocess.run(_command(db, folder), check=True, timeout=RUN_SECONDS, capture_output=True)
    stories = [sys.executable, "-m", "newsloom.cli", "stories", "--db", str(db)]
    subprocess.run(stories, check=True, timeout=RUN_SECONDS, capture_output=True)


def audit(db: Path, files: list[Path], seed: int, kills: int) -> Audit:
    """Count every input's status rows, stored copies, unfinished reports and ok reports outside any story."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, status FROM inputs").fetchall()
        per_source: dict[str, int] = {}
        for source, _ in rows:
            per_source[source] = per_source.get(source, 0) + 1
        names = {str(f) for f in files}
        doubled_reports = conn.execute(
            "SELECT COUNT(*) - COUNT(DISTINCT content_hash) FROM reports").fetchone()[0]
        pending = conn.execute(
            "SELECT COUNT(*) FROM reports WHERE state NOT IN ('annotated', 'skipped', 'failed')").fetchone()[0]
        storyless = conn.execute(
            "SELECT COUNT(*) FROM annotations WHERE report_id NOT IN (SELECT report_id FROM story_reports)"
        ).fetchone()[0]
    status = {s: sum(1 for src, st in rows if st == s and src in names) for s in ("ok", "skipped", "failed")}
    return Audit(
        seed=seed, kills=kills, inputs=len(files),
        accounted=sum(1 for n in names if per_source.get(n) == 1),
        lost=sum(1 for n in names if n not in per_source) + storyless,
        duplicated=sum(c - 1 for c in per_source.values()) + doubled_reports + len(set(per_source) - names),
        pending=pending, **status,
    )


def trial(work: Path, seed: int, n: int = 16, kills: int = 1) -> Audit:
    """One trial: a fresh corpus and store, `kills` random SIGKILLs, a full re-run, then the audit."""
    rng = random.Random(seed)
    folder, db = work / "inputs", work / "store.db"
    files = write_corpus(folder, n)
    done = sum(kill_once(db, folder, rng, n) for _ in range(kills))
    finish(db, folder)
    return audit(db, files, seed, done)
