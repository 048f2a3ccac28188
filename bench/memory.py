"""Memory of `newsloom analyze` as size grows: the whole process tree's peak RSS, wall time and the ratio.

    python bench/memory.py [--sizes 1000,10000] [--seed 3] [--executor SPEC] [--interval 0.25]

For each size, the synthetic reports of bench/scale_out.py are written to a folder and
`newsloom analyze DIR -o OUT --format json` runs as a CLI subprocess. Two peaks are kept: the
sum of the resident memory of the command and all its descendants (workers included), sampled
from /proc every `--interval` seconds; and the largest single process's peak, from
getrusage(RUSAGE_CHILDREN) of a fresh measuring process per size (exact, not sampled). The last
line gives each peak at the largest size over the smallest; the issue asks for 1.2 or less.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hostile import run_measured  # noqa: E402
from bench.scale_out import write_corpus  # noqa: E402

MIB = 2**20


def analyze_command(folder: Path, out: Path, executor: str | None) -> list[str]:
    """The CLI command users run on a folder, writing the JSON brief to `out`."""
    command = [sys.executable, "-m", "newsloom.cli", "analyze", str(folder), "-o", str(out), "--format", "json",
               "--quiet"]
    return command + (["--executor", executor] if executor else [])


def run_tree(command: list[str], interval: float) -> dict[str, Any]:
    """Run `command` to its end; exit code, wall seconds, sampled tree peak and exact largest-process peak (MiB)."""
    done, wall, peak = run_measured(command, timeout=None, interval=interval)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return {"code": done.returncode, "wall_s": wall, "tree_peak_mib": peak / MIB, "largest_mib": largest,
            "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}


def measure_one(folder: Path, interval: float, executor: str | None) -> dict[str, Any]:
    """One size, measured in this (fresh) process: the run's figures and what the brief holds."""
    with tempfile.TemporaryDirectory(prefix="memory-out-") as tmp:
        out = Path(tmp) / "brief.json"
        row = run_tree(analyze_command(folder, out, executor), interval)
        brief = json.loads(out.read_text(encoding="utf-8")) if row["code"] == 0 else {"inputs": [], "stories": []}
        row.update(inputs=len(brief["inputs"]), ok=sum(i["status"] == "ok" for i in brief["inputs"]),
                   stories=len(brief["stories"]), brief_mib=out.stat().st_size / MIB if out.exists() else 0.0)
    return row


def measure(sizes: list[int], seed: int, executor: str | None, interval: float) -> dict[str, Any]:
    """Every size in its own measuring subprocess; rows and the peaks' ratios of the largest size to the smallest."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="memory-") as tmp:
        for n in sizes:
            folder = write_corpus(Path(tmp) / f"reports{n}", n, seed)
            args = [sys.executable, __file__, "--one", str(folder), "--interval", str(interval)]
            done = subprocess.run(args + (["--executor", executor] if executor else []), capture_output=True,
                                  text=True, check=True)
            rows.append({"n": n, **json.loads(done.stdout.strip().splitlines()[-1])})
    first, last = rows[0], rows[-1]
    return {"executor": executor or "default", "rows": rows,
            "tree_ratio": last["tree_peak_mib"] / first["tree_peak_mib"],
            "largest_ratio": last["largest_mib"] / first["largest_mib"]}


def render(result: dict[str, Any]) -> str:
    """The figures as a Markdown table and the ratio line."""
    lines = [f"`newsloom analyze DIR -o OUT --format json` (executor: {result['executor']})",
             "| reports | inputs ok | stories | wall s | tree peak RSS MiB | largest process MiB | brief MiB | exit |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in result["rows"]:
        lines.append(f"| {r['n']} | {r['ok']}/{r['inputs']} | {r['stories']} | {r['wall_s']:.1f} | "
                     f"{r['tree_peak_mib']:.0f} | {r['largest_mib']:.0f} | {r['brief_mib']:.1f} | {r['code']} |")
    first, last = result["rows"][0]["n"], result["rows"][-1]["n"]
    lines.append(f"peak at {last} over {first}: tree {result['tree_ratio']:.2f}x, "
                 f"largest process {result['largest_ratio']:.2f}x")
    return "\n".join(lines)


def main() -> None:
    """Run the bench from the command line (or one measured size, for the subprocesses it starts)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--executor", help="passed to analyze --executor (default: the command's own default)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples of the tree")
    parser.add_argument("--one", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(Path(args.one), args.interval, args.executor)))
    else:
        result = measure([int(n) for n in args.sizes.split(",")], args.seed, args.executor, args.interval)
        print(render(result))


if __name__ == "__main__":
    main()
