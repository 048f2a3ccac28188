"""Batched steps: executors give them batches, each item's result is the one it gets alone, failures stay apart."""
from __future__ import annotations

from newsloom.batching import Batched, batch_size, outcomes
from newsloom.executors import LocalExecutor, ProcessExecutor


def square(n: int) -> int:
    if n == 4:
        raise ValueError("four")
    return n * n


def squares(ns: list[int]):
    """The batch form: it gives up at 4, as a batch whose model fails would."""
    for n in ns:
        yield square(n)


def squares_seen(ns: list[int]) -> list[tuple[int, int]]:
    """The batch form that says how big each batch was."""
    return [(n * n, len(ns)) for n in ns]


def square_seen(n: int) -> tuple[int, int]:
    return n * n, 1


def test_a_batched_step_is_its_one_item_step():
    step = Batched(square, squares, size=3)
    assert step(3) == 9 and batch_size(step) == 3 and batch_size(square) == 1


def test_outcomes_run_the_items_a_failed_batch_left_one_by_one():
    step = Batched(square, squares, size=8)
    assert list(outcomes(step, [1, 2, 4, 5, 6])) == [
        ("ok", 1), ("ok", 4), ("error", "ValueError: four"), ("ok", 25), ("ok", 36)]
    assert list(outcomes(square, [3, 4])) == [("ok", 9), ("error", "ValueError: four")]


def test_the_local_executor_gives_a_batched_step_batches_lazily():
    pulled: list[int] = []

    def items():
        for n in range(10):
            pulled.append(n)
            yield n

    results = LocalExecutor().map(Batched(square_seen, squares_seen, size=4), items())
    assert next(results) == (0, 4) and pulled == [0, 1, 2, 3]
    assert list(results) == [(n * n, 4 if n < 8 else 2) for n in range(1, 10)]


def test_the_process_pool_gives_a_batched_step_batches():
    found = list(ProcessExecutor(workers=2).map(Batched(square_seen, squares_seen, size=3), range(7)))
    assert found == [(n * n, 3 if n < 6 else 1) for n in range(7)]
