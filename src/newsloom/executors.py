"""Executors run a step over items; steps never know which executor runs them."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

from newsloom.batching import Batched, batch_size

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_CHUNKS = 2  # chunks submitted per worker before the oldest result is awaited


class Executor(Protocol):
    """Maps a picklable function over items, yielding results in input order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` to every item."""
        ...

    def close(self) -> None:
        """Release any worker processes the executor holds."""
        ...


class LocalExecutor:
    """Runs every item in this process, one after another (a batched step a batch at a time)."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` lazily, in order."""
        if not isinstance(fn, Batched):
            return map(fn, items)
        source = iter(items)
        batches = iter(lambda: list(islice(source, batch_size(fn))), [])
        return (result for batch in batches for result in fn.many(batch))

    def close(self) -> None:
        """Nothing to release."""


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run `fn` over one chunk of items in a worker (a batched step over the chunk at once)."""
    return list(fn.many(chunk)) if isinstance(fn, Batched) else [fn(item) for item in chunk]


class ProcessExecutor:
    """Runs items across a pool of worker processes (each loads the NLP model once).

    Workers start from a clean server process, not forked from this one: a fork of a process whose
    torch or BLAS thread pools are running can inherit a held lock and hang.
    """

    def __init__(self, workers: int | None = None, chunksize: int = 4):
        self.workers = workers or max(1, (os.cpu_count() or 2))
        self.chunksize = chunksize

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` in worker processes, reading items lazily (a few chunks ahead), yielding results in input order."""
        source = iter(items)
        head = list(islice(source, 2))
        if len(head) <= 1 or self.workers == 1:
            yield from LocalExecutor().map(fn, chain(head, source))
            return
        context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
        stream = chain(head, source)
        size = batch_size(fn) if isinstance(fn, Batched) else self.chunksize  # a batched step's batch is a chunk
        chunks = iter(lambda: list(islice(stream, size)), [])
        ahead: deque[Future[list[R]]] = deque()
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            for chunk in chunks:
                ahead.append(pool.submit(_apply, fn, chunk))
                if len(ahead) >= IN_FLIGHT_CHUNKS * self.workers:
                    yield from ahead.popleft().result()
            while ahead:
                yield from ahead.popleft().result()

    def close(self) -> None:
        """Nothing to release: each map call's pool ends with it."""


def make_executor(workers: int) -> Executor:
    """An in-process executor for one worker, a process pool for more."""
    return LocalExecutor() if workers <= 1 else ProcessExecutor(workers)
