"""Hostile inputs through `newsloom analyze` (each kind alone, then all together) and kill-and-resume trials.

    python bench/hostile.py [--scale 1.0] [--trials 5] [--reports 24]

Prints two Markdown tables: each hostile kind with what became of it, seconds and the peak resident
memory of the whole process tree; and the kill-and-resume audits (inputs lost and duplicated must be 0).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hostile_corpus import Kind, write_hostile_corpus  # noqa: E402
from bench.kill_resume import trial  # noqa: E402

TIMEOUT = 600  # seconds one analyze run may take before the bench gives up on it
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(tree.get(current, []))
    return total


def run_measured(command: list[str], timeout: float | None = TIMEOUT, interval: float = 0.05
                 ) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run a command (killed after `timeout` s); its result, wall seconds and its process tree's peak resident bytes."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    sampler.join()
    return subprocess.CompletedProcess(command, proc.returncode, out, err), time.monotonic() - started, peak[0]


def analyze(folder: Path) -> tuple[list[dict], int, float, int, str]:
    """`newsloom analyze FOLDER --format json`: its inputs, exit code, seconds, peak tree memory, last stderr line."""
    command = [sys.executable, "-m", "newsloom.cli", "analyze", str(folder), "--format", "json"]
    done, seconds, peak = run_measured(command)
    try:
        inputs = json.loads(done.stdout)["inputs"]
    except (ValueError, KeyError):
        inputs = []
    last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return inputs, done.returncode, seconds, peak, last


def outcome(inputs: list[dict]) -> str:
    """What became of one kind's inputs, in a few words (reasons cut to 70 characters)."""
    if not inputs:
        return "no input row"
    if len(inputs) == 1:
        i = inputs[0]
        return f"{i['status']}: {i['reason'][:70]}" if i.get("reason") else i["status"]
    counts = Counter(i["status"] for i in inputs)
    reasons = sorted({i["reason"][:70] for i in inputs if i.get("reason")})
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + (f" ({'; '.join(reasons)})" if reasons else "")


def kinds_table(work: Path, scale: float) -> list[str]:
    """One analyze run per hostile kind (each in a folder of its own), then one over all of them together."""
    corpus = work / "all"
    written = write_hostile_corpus(corpus, scale)
    rows = ["| kind | what it plants | file size | outcome | exit | seconds | peak MiB (process tree) |",
            "|---|---|---:|---|---:|---:|---:|"]
    for path, kind in written.items():
        alone = work / "alone" / Path(path).stem
        alone.mkdir(parents=True)
        kind.write(alone / kind.file, scale)
        size = os.lstat(alone / kind.file).st_size
        inputs, code, seconds, peak, _ = analyze(alone)
        rows.append(_row(kind, size, outcome(inputs), code, seconds, peak))
    inputs, code, seconds, peak, _ = analyze(corpus)
    accounted = {i["source"].split("#")[0] for i in inputs}
    missing = [p for p in written if p not in accounted]
    whole = f"{len(inputs)} input rows, {len(written) - len(missing)} of {len(written)} files accounted for"
    rows.append(f"| **all kinds in one folder** | | | {whole} | {code} | {seconds:.1f} | {peak / 2**20:.0f} |")
    return rows


def _row(kind: Kind, size: int, what: str, code: int, seconds: float, peak: int) -> str:
    return (f"| {kind.name} | {kind.plants} | {size:,} | {what.replace('|', '/')} | {code} | {seconds:.1f} | "
            f"{peak / 2**20:.0f} |")


def kill_table(work: Path, trials: int, reports: int) -> list[str]:
    """Kill-and-resume trials: two SIGKILLs each at seeded points, then a full re-run and an audit."""
    rows = ["| seed | kills | inputs | accounted for once | lost | duplicated | left unfinished | ok / skipped / failed |",
            "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for seed in range(1, trials + 1):
        folder = work / f"kill-{seed}"
        folder.mkdir()
        a = trial(folder, seed, n=reports, kills=2)
        rows.append(f"| {seed} | {a.kills} | {a.inputs} | {a.accounted} | {a.lost} | {a.duplicated} | {a.pending} "
                    f"| {a.ok} / {a.skipped} / {a.failed} |")
    return rows


def main() -> None:
    """Print both tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the hostile documents (1.0: as reported)")
    parser.add_argument("--trials", type=int, default=5, help="kill-and-resume trials (0: none)")
    parser.add_argument("--reports", type=int, default=24, help="reports per kill-and-resume trial")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsloom-hostile-"))
    try:
        print("\n".join(kinds_table(work, args.scale)))
        if args.trials:
            print()
            print("\n".join(kill_table(work, args.trials, args.reports)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
