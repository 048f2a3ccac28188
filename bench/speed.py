"""Pipeline speed on a folder of reports: seconds per stage and reports per second, median of runs.

    python bench/speed.py [PATH ...] [--runs 3] [--commands]

Prints a Markdown table. Stages run in one process (LocalExecutor) so the figures are per core.
With --commands it times whole `newsloom` commands instead (wall time, imports and model loading included).
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsloom.annotate import annotate, load_nlp
from newsloom.compare import analyze_story
from newsloom.annotate.embeddings import fill_story_vectors, load_encoder
from newsloom.extract import ExtractionError, extract_article
from newsloom.ingest import read_paths
from newsloom.model import InputStatus
from newsloom.stories import group

ROOT = Path(__file__).resolve().parents[1]


def run_once(paths: list[Path]) -> dict[str, float]:
    """Time each stage once over the inputs; returns seconds per stage and the report count."""
    times: dict[str, float] = {}
    t = time.perf_counter()
    reports = [r for r in read_paths(paths) if not isinstance(r, InputStatus)]
    times["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    articles = []
    for r in reports:
        try:
            articles.append(extract_article(r))
        except ExtractionError:
            pass
    times["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    anns = [annotate(a, vectors=False) for a in articles]  # as the pipeline: claims are embedded at compare time
    times["annotate"] = time.perf_counter() - t
    t = time.perf_counter()
    stories = group(anns)
    times["stories"] = time.perf_counter() - t
    t = time.perf_counter()
    by_id = {a.report_id: a for a in anns}
    for story in stories:
        members = [by_id[r] for r in story.report_ids if r in by_id]
        if len(members) >= 2:  # as the pipeline: only stories of two or more reports need claim embeddings
            fill_story_vectors(members)
        analyze_story(story, anns)
    times["compare"] = time.perf_counter() - t
    times["reports"] = len(anns)
    return times


def shown(paths: list[Path]) -> list[str]:
    """Paths as given in the table: relative to the repository when inside it."""
    return [str(p.resolve().relative_to(ROOT)) if p.resolve().is_relative_to(ROOT) else str(p) for p in paths]


def command_seconds(args: list[str], runs: int) -> float:
    """Median wall time of a `newsloom` command line, run afresh each time."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsloom.cli", *args], check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def print_commands(paths: list[Path], runs: int) -> None:
    """Print the wall time of the commands a user runs first."""
    inputs = shown(paths)
    print(f"`newsloom` commands, wall time, median of {runs} runs\n")
    print("| command | seconds |")
    print("|---|---:|")
    for args in (["--help"], ["extract", "--help"], ["extract", *inputs, "--jsonl"]):
        print(f"| newsloom {' '.join(args)} | {command_seconds(args, runs):.2f} |")


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "samples" / "corpus"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--commands", action="store_true", help="Time whole CLI commands instead of stages.")
    args = parser.parse_args()
    if args.commands:
        print_commands(args.paths, args.runs)
        return
    t = time.perf_counter()
    load_nlp()
    load_encoder()
    warm = time.perf_counter() - t
    runs = [run_once(args.paths) for _ in range(args.runs)]
    n = int(runs[0]["reports"])
    stages = ["ingest", "extract", "annotate", "stories", "compare"]  # compare includes claim embeddings
    print(f"inputs: {', '.join(shown(args.paths))} ({n} reports), median of {args.runs} runs, one process")
    print(f"model loading (once per process): {warm:.1f} s\n")
    print("| stage | seconds | reports/s |")
    print("|---|---:|---:|")
    total = 0.0
    for stage in stages:
        secs = statistics.median(r[stage] for r in runs)
        total += secs
        print(f"| {stage} | {secs:.2f} | {n / secs if secs else float('inf'):.1f} |")
    print(f"| **all** | {total:.2f} | {n / total:.1f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
