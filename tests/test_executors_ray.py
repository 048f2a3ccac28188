"""The Ray executor on a local Ray of two CPUs: same brief as in one process; a bad document fails alone."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from newsloom.brief import render
from newsloom.executor_spec import ExecutorSpec, stage_executor
from newsloom.executors import LocalExecutor
from newsloom.pipeline import Pipeline, document_executor, warm_worker
from newsloom.store import SQLiteStore
from newsloom.workers import Limits

ray = pytest.importorskip("ray")
CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray of two CPUs for this module (the executors join it rather than start their own)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def double(n: int) -> int:
    """Twice n; 3 hangs, 5 raises and 7 kills its worker."""
    if n == 3:
        time.sleep(120)
    if n == 5:
        raise ValueError("five is bad")
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 2


def failed(n: int, reason: str) -> str:
    return f"failed {n}: {reason}"


def test_a_bad_item_fails_alone_and_the_run_goes_on(local_ray):
    from newsloom.ray_executor import RayExecutor

    # 6 s: a replaced actor's first task also imports this module, which takes seconds on a loaded machine
    executor = RayExecutor(ExecutorSpec("ray"), fallback=failed, limits=Limits(6.0, 0), batch=3)
    try:
        found = list(executor.map(double, range(10)))
        assert found[:3] == [0, 2, 4] and found[4] == 8 and found[6] == 12 and found[8:] == [16, 18]
        assert found[3] == "failed 3: over the time limit (6 s per document)"
        assert found[5] == "failed 5: error: ValueError: five is bad"
        assert found[7].startswith("failed 7: worker died")
        assert list(executor.map(double, [1, 2])) == [2, 4]  # the replaced actors work
    finally:
        executor.close()
    assert ray.is_initialized()  # it joined the Ray it found, so it leaves it running


def _brief(documents, stages) -> str:
    with SQLiteStore(":memory:") as store:
        return render(Pipeline(store, stages, None, documents).run([CORPUS]), "json")


def test_brief_on_ray_is_the_local_brief(local_ray):
    spec = ExecutorSpec("ray")
    documents, stages = document_executor(spec, Limits(), warm_worker), stage_executor(spec)
    try:
        on_ray = _brief(documents, stages)
    finally:
        documents.close()
        stages.close()
    assert on_ray == _brief(LocalExecutor(), LocalExecutor())
    assert '"status": "ok"' in on_ray


def test_extract_on_ray_prints_what_it_prints_locally(local_ray):
    from typer.testing import CliRunner

    from newsloom.cli import app

    runner = CliRunner()
    on_ray = runner.invoke(app, ["extract", str(CORPUS), "--executor", "ray"])
    local = runner.invoke(app, ["extract", str(CORPUS), "--executor", "local"])
    assert on_ray.exit_code == local.exit_code == 0, on_ray.output
    assert on_ray.stdout == local.stdout and on_ray.stdout.count('"source"') >= 11
