"""A plain `newsloom extract` runs before typer and the other commands load, its worker started first; the rest
goes to typer, and both ways print the same bytes and exit the same way."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.cli_extract import plain_extract

# Runs the command as the `newsloom` program does, noting for every worker started whether typer (the first of
# the command's own heavy imports) was already loaded, and which modules the command loaded in the end.
SPY = """import json, runpy, sys
import newsloom.workers as workers
started = []
real = workers._Worker.__init__
def spy(self, warmup):
    started.append("typer" in sys.modules)
    real(self, warmup)
workers._Worker.__init__ = spy
sys.argv = ["newsloom", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("newsloom.cli", run_name="__main__")
except SystemExit as exc:
    code = exc.code
loaded = [m for m in ("typer", "pydantic", "rich", "newsloom.cli_common", "newsloom.web", "newsloom.watch.fetch",
                      "uvicorn", "spacy", "torch") if m in sys.modules]
print(json.dumps([code, started, loaded]), file=sys.stderr)
"""


def spied(args: list[str], env: dict | None = None) -> tuple[int, list[bool], list[str]]:
    """Exit code, workers started (was typer loaded then) and heavy modules loaded by `newsloom ARGS`."""
    done = subprocess.run([sys.executable, "-c", SPY, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})
    code, started, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return code, started, loaded


@pytest.mark.parametrize("args, plain", [
    (["extract", "in"], ([Path("in")], True, 1)),
    (["extract", "a", "--no-jsonl", "b", "-w", "2"], ([Path("a"), Path("b")], False, 2)),
    (["extract", "a", "--workers=3", "--no-jsonl", "--jsonl"], ([Path("a")], True, 3)),
    (["extract", "in", "--executor", "local"], None),
    (["extract", "in", "--executor=processes:2"], None),
    (["extract", "in", "-w", "0"], None),
    (["extract", "in", "-w", "two"], None),
    (["extract", "in", "-w"], None),
    (["extract", "in", "-w2"], None),
    (["extract", "--help"], None),
    (["extract", "in", "--", "-x"], None),
    (["extract"], None),
    (["analyze", "in"], None),
    (["quotes", "in"], None),
    ([], None),
])
def test_only_a_plain_extract_on_guarded_workers_runs_before_typer(args, plain):
    assert plain_extract(args, {}) == plain


def test_the_executor_variable_leaves_extract_to_typer():
    assert plain_extract(["extract", "in"], {"NEWSLOOM_EXECUTOR": "local"}) is None


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge to reopen\n\nOfficials said on Monday that the bridge would reopen.\n",
                                  encoding="utf-8")
    return folder


def test_a_plain_extract_starts_its_one_worker_first_and_loads_no_command_line_library(page):
    code, started, loaded = spied(["extract", str(page), "--jsonl"])
    assert code == 0
    assert started == [False]  # one worker only (the pool took the early one), started before anything else
    assert loaded == []  # no typer, pydantic, rich, store helpers, web, watch or NLP modules


def test_extract_with_two_workers_takes_the_early_one_and_starts_one_more(page):
    code, started, loaded = spied(["extract", str(page), "--jsonl", "--workers", "2"])
    assert (code, started, loaded) == (0, [False, False], [])


def test_extract_on_the_local_executor_goes_to_typer_and_starts_no_worker(page):
    code, started, loaded = spied(["extract", str(page), "--jsonl", "--executor", "local"])
    assert (code, started) == (0, [])
    assert "typer" in loaded


def run_both(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """`newsloom ARGS` as run plain, and through typer (an executor of the same guarded workers given)."""
    command = [sys.executable, "-m", "newsloom.cli", *args]
    plain = subprocess.run(command, capture_output=True, cwd=cwd, timeout=300)
    typer = subprocess.run(command, capture_output=True, cwd=cwd, timeout=300,
                           env={**os.environ, "NEWSLOOM_EXECUTOR": "processes:1"})
    return plain, typer


@pytest.mark.parametrize("args", [
    ["extract", "in", "--jsonl"],
    ["extract", "in/a.txt", "in/missing.txt", "--no-jsonl"],
    ["extract", "in/missing.txt", "in/gone.txt"],
    ["extract", "in/empty.txt"],
])
def test_plain_and_typer_extract_print_the_same_and_exit_the_same(page, args):
    (page / "empty.txt").write_bytes(b"")
    plain, typer = run_both(args, page.parent)
    assert plain.returncode == typer.returncode
    assert plain.stdout == typer.stdout and plain.stderr == typer.stderr
    assert plain.stdout or plain.stderr


def test_a_bad_extract_command_line_leaves_no_worker_behind(page):
    done = subprocess.run([sys.executable, "-m", "newsloom.cli", "extract", str(page / "missing.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "no input could be read" in done.stderr


def test_analyze_starts_its_first_worker_before_typer_and_loads_no_model_itself(page, tmp_path):
    (page / "b.txt").write_text("Bridge to reopen\n\nOfficials said on Tuesday that the bridge would reopen.\n",
                                encoding="utf-8")
    code, started, loaded = spied(["analyze", str(page), "-o", str(tmp_path / "brief.json"), "--quiet"])
    assert code == 0 and json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))["stories"]
    # the document worker, taken by the pool; then, once there are two reports, the claim encoder's worker
    assert started == [False, True]
    assert "typer" in loaded and "spacy" not in loaded and "torch" not in loaded


def test_analyze_on_the_local_executor_starts_no_worker(page, tmp_path):
    code, started, loaded = spied(["analyze", str(page), "--executor", "local", "-o", str(tmp_path / "b.json")])
    assert (code, started) == (0, [])
    assert "spacy" in loaded


@pytest.mark.parametrize("args, environ", [
    (["analyze", "in", "--executor", "local"], {}),
    (["analyze", "in", "--executor=ray"], {}),
    (["analyze", "--help"], {}),
    (["analyze", "in"], {"NEWSLOOM_EXECUTOR": "local"}),
    (["extract", "in"], {}),
    ([], {}),
])
def test_only_analyze_on_the_default_workers_starts_a_worker_early(args, environ):
    from newsloom import workers
    from newsloom.cli_extract import start_analyze_worker

    assert start_analyze_worker(args, environ) is False and workers._EARLY == []
