"""Whole-command throughput on real pages, newsloom next to trafilatura.extract: docs/s, ratios, stage split, workers.

    python bench/throughput.py [--pages 100] [--runs 3] [--source DIR] [--workers 1,2] [--extract-only]

The pages are the first N of shared/eval/extraction/scrapinghub-aeb (real news pages; see that
folder's README), or the .html / .html.gz files of --source. They are copied into a temporary
folder as .html files, and every row runs a fresh command on that same folder, as a user would:
`newsloom extract --jsonl`, `newsloom analyze --workers W` (one per W of --workers), and the
stage split `newsloom ingest`, `newsloom stories`, `newsloom brief` on a new store. trafilatura
runs in the same way, as a fresh `python -c` that imports it and extracts every page with its
defaults. Wall seconds are medians over --runs; CPU seconds are those of the command's processes. trafilatura
and `newsloom extract` alternate within each run, so a busy machine weighs on both alike.
Every command first runs once untimed, and all of them run with one bytecode cache of their own
(PYTHONPYCACHEPREFIX in the temporary folder, PYTHONDONTWRITEBYTECODE unset), so that each is timed
with its modules compiled, as an installed program runs: where PYTHONDONTWRITEBYTECODE is set (as on
some shared machines) an editable newsloom would otherwise compile its own sources at every start
while trafilatura's come compiled from site-packages. --cold times them as the environment is instead.
With --extract-only only trafilatura and `newsloom extract --jsonl` run (the same commands, no analyze or stages).
Without the shared data and without --source the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "eval" / "extraction" / "scrapinghub-aeb" / "html"
TRAFILATURA = ("import sys, pathlib, trafilatura\n"
               "for page in sorted(pathlib.Path(sys.argv[1]).glob('*.html')):\n"
               "    trafilatura.extract(page.read_bytes())\n")


@dataclass
class Timing:
    """Median wall and CPU seconds of one command over the runs."""

    label: str
    wall: float
    cpu: float


def copy_pages(source: Path, count: int, dest: Path) -> int:
    """Copy the first `count` pages of `source` (.html or .html.gz) into `dest` as .html files; returns how many."""
    pages = sorted(p for p in source.iterdir() if p.name.endswith((".html", ".html.gz")))[:count]
    for page in pages:
        data = gzip.decompress(page.read_bytes()) if page.name.endswith(".gz") else page.read_bytes()
        (dest / (page.name.removesuffix(".gz"))).write_bytes(data)
    return len(pages)


def compiled_env(work: Path) -> dict[str, str]:
    """This environment with a bytecode cache in `work` that every command writes and reads."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


ENV: dict[str, str] | None = None  # the commands' environment (None: this one)


def run_command(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command (its processes and their children), which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(args)}\n{done.stderr.decode(errors='replace')[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_timing(
    label: str, commands: list[list[str]], runs: int, fresh: Path | None = None, warm: bool = True
) -> list[Timing]:
    """Medians over `runs` of each command of a sequence run in order (`fresh` is removed before each sequence).

    With `warm` the sequence first runs once untimed (it compiles the commands' modules into their cache).
    """
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    if warm:
        if fresh is not None:
            fresh.unlink(missing_ok=True)
        for args in commands:
            run_command(args)
    for _ in range(runs):
        if fresh is not None:
            fresh.unlink(missing_ok=True)
        for i, args in enumerate(commands):
            wall, cpu = run_command(args)
            walls[i].append(wall)
            cpus[i].append(cpu)
    names = [label] if len(commands) == 1 else label.split("|")
    return [Timing(n, statistics.median(w), statistics.median(c)) for n, w, c in zip(names, walls, cpus)]


def newsloom(*args: str) -> list[str]:
    """A `newsloom` command line run with this interpreter."""
    return [sys.executable, "-m", "newsloom.cli", *args]


def measure(
    folder: Path, runs: int, workers: list[int], work: Path, extract_only: bool = False, warm: bool = True
) -> tuple[Timing, list[Timing], list[Timing]]:
    """Time trafilatura, the commands, and the stage split (ingest, stories, brief) on the pages in `folder`."""
    base, extract = median_timing("trafilatura.extract|newsloom extract --jsonl", [
        [sys.executable, "-c", TRAFILATURA, str(folder)], newsloom("extract", str(folder), "--jsonl")], runs,
        warm=warm)
    rows = [extract]
    if extract_only:
        return base, rows, []
    for w in workers:
        rows += median_timing(f"newsloom analyze --workers {w}",
                              [newsloom("analyze", str(folder), "--workers", str(w), "--quiet")], runs, warm=warm)
    db = work / "bench.db"
    stages = median_timing("ingest (extract + parse)|stories|brief (compare, claim embeddings)", [
        newsloom("ingest", str(folder), "--db", str(db), "--quiet"),
        newsloom("stories", "--db", str(db)),
        newsloom("brief", "--db", str(db), "--format", "json"),
    ], runs, fresh=db, warm=warm)
    return base, rows, stages


def report(
    pages: int, source: str, runs: int, base: Timing, rows: list[Timing], stages: list[Timing], warm: bool = True
) -> str:
    """The results as Markdown tables."""
    how = ("after one untimed run, modules compiled" if warm
           else "cold: no untimed run, the environment's own bytecode caching")
    lines = [f"{pages} HTML pages from {source}, median of {runs} runs, whole commands (start-up and models included)"
             f", {how}",
             "", "| command | wall s | CPU s | docs/s | vs trafilatura |", "|---|---:|---:|---:|---:|"]
    for row in [base, *rows]:
        lines.append(f"| {row.label} | {row.wall:.2f} | {row.cpu:.2f} | {pages / row.wall:.2f} "
                     f"| {base.wall / row.wall:.2f}x |")
    analyses = {r.label.rsplit(" ", 1)[-1]: r for r in rows if r.label.startswith("newsloom analyze")}
    if "1" in analyses and len(analyses) > 1:
        most = max(analyses, key=int)
        lines += ["", f"analyze --workers {most} vs --workers 1: {analyses['1'].wall / analyses[most].wall:.2f}x "
                  "faster (wall)"]
    if not stages:
        return "\n".join(lines)
    total = sum(s.wall for s in stages) or 1.0
    lines += ["", "stage split (newsloom ingest, stories, brief on a new store, --workers 1)", "",
              "| stage | wall s | CPU s | share |", "|---|---:|---:|---:|"]
    lines += [f"| {s.label} | {s.wall:.2f} | {s.cpu:.2f} | {100 * s.wall / total:.0f}% |" for s in stages]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Copy the pages, time every command and print the tables."""
    global ENV
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, help="A folder of .html or .html.gz pages (default: the Zyte set).")
    parser.add_argument("--workers", default="1,2", help="Comma-separated --workers values for analyze.")
    parser.add_argument("--extract-only", action="store_true",
                        help="Time only trafilatura and newsloom extract (no analyze, no stage split).")
    parser.add_argument("--cold", action="store_true",
                        help="No untimed first run and no bytecode cache of the bench's own (the environment as it is).")
    args = parser.parse_args(argv)
    source = args.source or PAGES
    if not source.is_dir():
        print(f"no pages: {source} is absent (give --source DIR)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsloom-throughput-"))
    try:
        folder = work / "pages"
        folder.mkdir()
        pages = copy_pages(source, args.pages, folder)
        if not pages:
            print(f"no .html or .html.gz pages in {source}")
            return 0
        workers = [int(w) for w in args.workers.split(",") if w.strip()]
        ENV = None if args.cold else compiled_env(work)
        base, rows, stages = measure(folder, args.runs, workers, work, args.extract_only, warm=not args.cold)
        shown = source.resolve().relative_to(ROOT.parent) if source.resolve().is_relative_to(ROOT.parent) else source
        print(report(pages, str(shown), args.runs, base, rows, stages, warm=not args.cold))
    finally:
        ENV = None
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
