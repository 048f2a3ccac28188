"""Guarded worker processes: a document over its time or memory budget fails alone and the run goes on."""
import os
import signal
import time

import pytest

from newsloom.workers import GuardedExecutor, Limits


def double(n: int) -> int:
    return n * 2


def slow_on_three(n: int) -> int:
    if n == 3:
        time.sleep(60)
    return n * 2


def hungry_on_two(n: int) -> int:
    if n == 2:
        hoard = bytearray(400 * 2**20)  # touched pages count as resident
        for at in range(0, len(hoard), 4096):
            hoard[at] = 1
        time.sleep(60)
    return n * 2


def dies_on_one(n: int) -> int:
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 2


def raises_on_zero(n: int) -> int:
    if n == 0:
        raise ValueError("bad item")
    return n * 2


def failed(n: int, reason: str) -> str:
    return f"failed {n}: {reason}"


@pytest.fixture
def guarded():
    executors = []

    def make(**kw) -> GuardedExecutor:
        executors.append(GuardedExecutor(failed, **kw))
        return executors[-1]

    yield make
    for executor in executors:
        executor.close()


def test_results_come_back_in_input_order(guarded):
    assert list(guarded(workers=2).map(double, range(10))) == [n * 2 for n in range(10)]


def test_a_slow_item_fails_on_time_and_the_rest_go_on(guarded):
    started = time.monotonic()
    out = list(guarded(workers=1, limits=Limits(seconds=1.5, memory_mb=0)).map(slow_on_three, range(6)))
    assert out[3] == "failed 3: over the time limit (1.5 s per document)"
    assert [o for i, o in enumerate(out) if i != 3] == [0, 2, 4, 8, 10]
    assert time.monotonic() - started < 30


def test_a_hungry_item_fails_on_memory(guarded):
    out = list(guarded(workers=1, limits=Limits(seconds=20, memory_mb=100)).map(hungry_on_two, range(4)))
    assert out == [0, 2, "failed 2: over the memory limit (100 MB per document)", 6]


def test_a_worker_that_dies_is_replaced(guarded):
    out = list(guarded(workers=2).map(dies_on_one, range(4)))
    assert out[1] == "failed 1: worker process died (signal SIGKILL)"
    assert [out[0], out[2], out[3]] == [0, 4, 6]


def test_an_exception_is_a_failed_result(guarded):
    out = list(guarded().map(raises_on_zero, range(3)))
    assert out == ["failed 0: error: ValueError: bad item", 2, 4]


def test_items_are_read_lazily(guarded):
    read = []

    def items():
        for n in range(100):
            read.append(n)
            yield n

    results = guarded(workers=1).map(double, items())
    assert next(results) == 0
    assert len(read) <= 4


def test_limits_describe_themselves():
    assert Limits(30, 1024).describe() == "30 s, 1024 MB per document"
    assert Limits(0, 0).describe() == "no time limit, no memory limit per document"


def test_a_script_without_a_main_guard_can_use_workers(tmp_path):
    """A spawned worker does not run the caller's main script again (it would start workers of its own)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    script = tmp_path / "script.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(root)!r})\n"
        "from newsloom.workers import GuardedExecutor\nfrom tests.test_workers import double, failed\n"
        "with GuardedExecutor(failed, workers=2) as pool:\n    print(list(pool.map(double, range(4))))\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[0, 2, 4, 6]"


def test_workers_start_without_a_resource_tracker_process():
    """A worker is one fresh interpreter: no multiprocessing resource tracker is started beside it."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = (f"import sys\nsys.path.insert(0, {str(root)!r})\nfrom multiprocessing import resource_tracker\n"
            "from newsloom.workers import GuardedExecutor\nfrom tests.test_workers import double, failed\n"
            "with GuardedExecutor(failed, workers=1) as pool:\n    print(list(pool.map(double, range(3))))\n"
            "print(resource_tracker._resource_tracker._pid)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["[0, 2, 4]", "None"]


def test_a_worker_whose_parent_is_already_gone_leaves_at_once() -> None:
    """A worker started for a parent that died before it could ask to die with it exits instead of serving."""
    import socket
    import subprocess
    import sys

    from newsloom.workers import _BOOT

    ours, theirs = socket.socketpair()
    with ours, theirs:
        gone = subprocess.run([sys.executable, "-c", _BOOT, str(theirs.fileno()), "1"], pass_fds=(theirs.fileno(),),
                              timeout=30, stdin=subprocess.DEVNULL)
    assert gone.returncode == 0  # it never waited for the import path on the pipe


def warm_nothing() -> None:
    """A warm-up that loads nothing."""


def warm_nothing_else() -> None:
    """Another warm-up that loads nothing."""


def test_an_early_worker_is_taken_by_the_first_executor_with_its_warmup(guarded):
    from newsloom import workers

    workers.start_early(warm_nothing)
    early = workers._EARLY[-1]
    other = guarded(workers=1, warmup=warm_nothing_else)
    assert list(other.map(double, range(2))) == [0, 2]
    assert early in workers._EARLY and early not in other._pool  # another warm-up: not taken
    same = guarded(workers=2, warmup=warm_nothing)
    assert list(same.map(double, range(4))) == [0, 2, 4, 6]
    assert early in same._pool and early not in workers._EARLY
    assert len(same._pool) == 2  # the early worker and one started as before


def test_an_early_worker_nobody_takes_is_killed():
    from newsloom import workers

    workers.start_early(warm_nothing)
    early = workers._EARLY[-1]
    workers._kill_early()
    assert workers._EARLY == [] and early.process.poll() is not None


def test_a_stopped_worker_exits_cleanly_and_at_once(guarded):
    pool = guarded(workers=1)
    assert list(pool.map(double, range(2))) == [0, 2]
    worker = pool._pool[0]
    started = time.monotonic()
    pool.close()
    assert worker.process.returncode == 0
    assert time.monotonic() - started < 2


def double_all(ns: list[int]) -> list[int]:
    """The batch form of `double`, all at once."""
    return [n * 2 for n in ns]


def double_until_bad(ns: list[int]):
    """A batch form that meets an item it cannot take (0 raises, 1 kills its worker, 3 hangs) as `double` does."""
    for n in ns:
        if n == 0:
            raise ValueError("bad item")
        if n == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        if n == 3:
            time.sleep(60)
        yield n * 2


def raises_or_dies(n: int) -> int:
    """One item at a time: 0 raises, 1 kills its worker, 3 hangs."""
    return next(double_until_bad([n]))


def test_a_batched_step_runs_in_batches_with_results_in_input_order(guarded, monkeypatch):
    from newsloom import workers
    from newsloom.batching import Batched

    given: list[list[int]] = []
    real_give = workers._Worker.give
    monkeypatch.setattr(workers._Worker, "give",
                        lambda worker, indices, *task: given.append(list(indices)) or real_give(worker, indices, *task))
    step = Batched(double, double_all, size=4)
    assert list(guarded(workers=2).map(step, range(19))) == [n * 2 for n in range(19)]
    assert max(map(len, given)) == 4 and sorted(i for batch in given for i in batch) == list(range(19))


def test_a_bad_item_in_a_batch_fails_alone(guarded):
    from newsloom.batching import Batched

    step = Batched(raises_or_dies, double_until_bad, size=4)
    out = list(guarded(workers=2, limits=Limits(seconds=3, memory_mb=0)).map(step, range(10)))
    assert out[0] == "failed 0: error: ValueError: bad item"
    assert out[1] == "failed 1: worker process died (signal SIGKILL)"
    assert out[3] == "failed 3: over the time limit (3 s per document)"
    assert [o for i, o in enumerate(out) if i not in (0, 1, 3)] == [n * 2 for n in (2, 4, 5, 6, 7, 8, 9)]


def is_five(n: int) -> bool:
    return n == 5


def test_an_item_the_step_marks_runs_alone(guarded, monkeypatch):
    from newsloom import workers
    from newsloom.batching import Batched

    given: list[list[int]] = []
    real_give = workers._Worker.give
    monkeypatch.setattr(workers._Worker, "give",
                        lambda worker, indices, *task: given.append(list(indices)) or real_give(worker, indices, *task))
    step = Batched(double, double_all, size=4, alone=is_five)
    assert list(guarded(workers=1).map(step, range(10))) == [n * 2 for n in range(10)]
    assert [5] in given and all(5 not in batch for batch in given if len(batch) > 1)
