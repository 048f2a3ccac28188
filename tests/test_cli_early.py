"""`newsloom extract` starts its worker before the command's own imports, and the pool takes that worker."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.cli_early import wants_early_worker

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
loaded = [m for m in ("newsloom.web", "newsloom.watch.fetch", "uvicorn", "starlette") if m in sys.modules]
print(json.dumps([code, started, loaded]), file=sys.stderr)
"""


def spied(args: list[str], env: dict | None = None) -> tuple[int, list[bool], list[str]]:
    """Exit code, workers started (was typer loaded then) and heavy modules loaded by `newsloom ARGS`."""
    done = subprocess.run([sys.executable, "-c", SPY, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})
    code, started, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return code, started, loaded


@pytest.mark.parametrize("args, wanted", [
    (["extract", "in"], True),
    (["extract", "in", "--jsonl", "-w", "2"], True),
    (["extract", "in", "--executor", "local"], False),
    (["extract", "in", "--executor=processes:2"], False),
    (["extract", "--help"], False),
    (["analyze", "in"], False),
    (["quotes", "in"], False),
    ([], False),
])
def test_only_extract_on_guarded_workers_starts_one_early(args, wanted):
    assert wants_early_worker(args, {}) is wanted


def test_the_executor_variable_turns_the_early_worker_off():
    assert wants_early_worker(["extract", "in"], {"NEWSLOOM_EXECUTOR": "local"}) is False


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge to reopen\n\nOfficials said on Monday that the bridge would reopen.\n",
                                  encoding="utf-8")
    return folder


def test_extract_starts_its_one_worker_before_its_own_imports(page):
    code, started, _ = spied(["extract", str(page), "--jsonl"])
    assert code == 0
    assert started == [False]  # one worker only (the pool took the early one), started before typer loaded


def test_extract_with_two_workers_takes_the_early_one_and_starts_one_more(page):
    code, started, _ = spied(["extract", str(page), "--jsonl", "--workers", "2"])
    assert code == 0
    assert started == [False, True]


def test_extract_on_the_local_executor_starts_no_worker(page):
    code, started, _ = spied(["extract", str(page), "--jsonl", "--executor", "local"])
    assert (code, started) == (0, [])


def test_a_bad_extract_command_line_leaves_no_worker_behind(page):
    done = subprocess.run([sys.executable, "-m", "newsloom.cli", "extract", str(page / "missing.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "no input could be read" in done.stderr
