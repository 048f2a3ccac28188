"""Executor specs: each form is read into where documents run; a bad one is refused with the forms that work."""
from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.executor_spec import ExecutorSpec, ExecutorSpecError, choose, document_executor, parse_executor
from newsloom.executors import LocalExecutor, ProcessExecutor
from newsloom.workers import GuardedExecutor, Limits


@pytest.mark.parametrize("text, spec", [
    ("local", ExecutorSpec("local")),
    ("processes:3", ExecutorSpec("processes", 3)),
    ("ray", ExecutorSpec("ray", 0)),
    ("ray:2", ExecutorSpec("ray", 2)),
    ("ray://head.example:10001", ExecutorSpec("ray", 0, "ray://head.example:10001")),
    (" processes:1 ", ExecutorSpec("processes", 1)),
])
def test_specs_are_read(text, spec):
    assert parse_executor(text) == spec
    assert parse_executor(str(spec)) == spec


@pytest.mark.parametrize("text", ["", "threads:2", "processes:0", "processes:x", "ray:0", "ray://nohost", "raylocal"])
def test_bad_specs_are_refused_with_the_forms_that_work(text):
    with pytest.raises(ExecutorSpecError, match="processes:N"):
        parse_executor(text)


def test_choice_order_is_option_then_environment_then_workers(monkeypatch):
    monkeypatch.delenv("NEWSLOOM_EXECUTOR", raising=False)
    assert choose(None, 3) == ExecutorSpec("processes", 3)
    monkeypatch.setenv("NEWSLOOM_EXECUTOR", "local")
    assert choose(None, 3) == ExecutorSpec("local")
    assert choose("processes:2", 3) == ExecutorSpec("processes", 2)


def test_document_executors_of_each_kind():
    fallback = lambda item, reason: reason  # noqa: E731
    assert isinstance(document_executor(ExecutorSpec("local"), fallback, Limits()), LocalExecutor)
    guarded = document_executor(ExecutorSpec("processes", 2), fallback, Limits())
    assert isinstance(guarded, GuardedExecutor) and guarded.workers == 2
    assert isinstance(document_executor(ExecutorSpec("processes", 2), fallback, None), ProcessExecutor)


def test_cli_refuses_a_bad_executor(tmp_path):
    (tmp_path / "a.txt").write_text("Some words.", encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(tmp_path), "--executor", "cluster:9"])
    assert done.exit_code == 1
    assert "cannot read the executor 'cluster:9'" in done.output


def test_cli_runs_in_process_with_local(tmp_path):
    (tmp_path / "a.txt").write_text("Bridge reopens\n\nThe bridge reopened on Monday, the council said.\n",
                                    encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(tmp_path)], env={"NEWSLOOM_EXECUTOR": "local"})
    assert done.exit_code == 0, done.output
    assert '"status": "ok"' in done.output


def test_ray_is_imported_only_when_chosen():
    code = ("import sys; from typer.testing import CliRunner; from newsloom.cli import app; "
            "from newsloom.executor_spec import parse_executor, stage_executor; "
            "r = CliRunner().invoke(app, ['ingest', '--help']); stage_executor(parse_executor('ray')); "
            "print(r.exit_code, 'ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["0", "False"], done.stderr


def test_the_process_pool_reads_items_a_few_chunks_ahead_and_keeps_order():
    from newsloom.executors import IN_FLIGHT_CHUNKS

    pulled: list[int] = []

    def items():
        for i in range(40):
            pulled.append(i)
            yield i

    pool = ProcessExecutor(workers=2, chunksize=3)
    ahead = []
    results = []
    for result in pool.map(abs, items()):
        results.append(result)
        ahead.append(len(pulled) - len(results))
    assert results == list(range(40))
    assert max(ahead) <= IN_FLIGHT_CHUNKS * 2 * 3  # never the whole input at once
    assert list(ProcessExecutor(workers=2).map(abs, iter([-5]))) == [5]
