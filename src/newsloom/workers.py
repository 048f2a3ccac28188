"""Worker processes that run documents (one, or a batch) under a time and memory budget, replaced when killed."""
from __future__ import annotations

import atexit
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from math import ceil
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

from newsloom.batching import batch_size, outcomes, runs_alone

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger("newsloom")
POLL_SECONDS = 0.05  # how often busy workers are checked against their budget
WARMUP_SECONDS = 300.0  # a worker that cannot load its models in this long is given up
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# What a fresh worker interpreter runs: first ask Linux to kill it when its parent dies (PR_SET_PDEATHSIG) and
# leave if the parent is already gone (it may have died before the request was made), then take the parent's
# import path from the pipe and serve. A worker that outlived its parent would hold the parent's stdout and
# stderr open. It imports only this module and what its functions need, never the caller's main script. Told to
# stop, it exits without the interpreter's teardown (`_leave`).
_BOOT = ("import ctypes, os, sys\ntry:\n    ctypes.CDLL(None, use_errno=True).prctl(1, 9)\n"
         "except (OSError, AttributeError):\n    pass\nif os.getppid() != int(sys.argv[2]):\n    sys.exit(0)\n"
         "from multiprocessing.connection import Connection\nconn = Connection(int(sys.argv[1]))\n"
         "sys.path[:] = conn.recv()\nfrom newsloom.workers import _serve, _leave\n_serve(conn)\n_leave()\n")


@dataclass(frozen=True)
class Limits:
    """What one document may cost: wall-clock seconds and memory growth of its worker (0: no limit)."""

    seconds: float = 30.0
    memory_mb: int = 1024

    def describe(self) -> str:
        """The limits in words, for logs and help."""
        time_part = f"{self.seconds:g} s" if self.seconds else "no time limit"
        memory_part = f"{self.memory_mb} MB" if self.memory_mb else "no memory limit"
        return f"{time_part}, {memory_part} per document"


def resident_bytes(pid: int) -> int:
    """Resident memory of a process (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as stat:
            return int(stat.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _serve(conn: Connection) -> None:
    """A worker's loop: receive the warm-up and run it, say so, then run `(indices, fn, items)` tasks until told to stop.

    Each item's outcome goes back as `(index, outcome)` as soon as it is known (see `batching.outcomes`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    warmup = conn.recv()
    if warmup is not None:
        warmup()
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        indices, fn, items = task
        for index, outcome in zip(indices, outcomes(fn, items)):
            conn.send((index, outcome))


def _leave() -> None:
    """End a worker told to stop: flush its output, then exit at once, skipping the interpreter's teardown.

    A worker holds no files or resources of its own to release, and the parent waits for it to exit
    (tens of milliseconds of unloading trafilatura, lxml and numpy otherwise).
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(0)


class _Worker:
    """One worker process (a fresh interpreter on a socket pair, with no resource-tracker process beside it as
    multiprocessing's spawn starts), its pipe, and the task it is running."""

    def __init__(self, warmup: Callable[[], object] | None):
        self.warmup = warmup
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, *subprocess._args_from_interpreter_flags(), "-c", _BOOT, str(theirs.fileno()),
                 str(os.getpid())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        self.conn = Connection(ours.detach())
        self.conn.send(list(sys.path))
        self.conn.send(warmup)
        self.ready = False
        self.started_at = time.monotonic()
        self.task: list[int] = []  # the items of the running task not answered yet
        self.batch = 0  # how many items the running task was given
        self.baseline = 0

    def give(self, indices: list[int], fn: Callable, items: list[object]) -> None:
        """Send a task of one item or a batch, and start its clock and memory baseline."""
        self.task, self.batch, self.started_at = list(indices), len(indices), time.monotonic()
        self.baseline = resident_bytes(self.process.pid)
        self.conn.send((indices, fn, items))

    def over(self, limits: Limits) -> str | None:
        """Which limit the running task is over, or None (a batch has the limits of one document, all together)."""
        if not self.task:
            return None
        if limits.seconds and time.monotonic() - self.started_at > limits.seconds:
            return f"over the time limit ({limits.seconds:g} s per document)"
        grown = resident_bytes(self.process.pid) - self.baseline
        if limits.memory_mb and grown > limits.memory_mb * 2**20:
            return f"over the memory limit ({limits.memory_mb} MB per document)"
        return None

    def exit_code(self, timeout: float) -> int | None:
        """The process's exit status once it has ended within `timeout` seconds (minus the signal that ended it)."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """Stop the process at once and release its pipe."""
        if self.process.poll() is None:
            self.process.kill()
        self.exit_code(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        """Ask the process to finish, then make sure it has."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.exit_code(timeout=2)
        self.kill()


_EARLY: list[_Worker] = []  # workers started ahead of their executor, waiting to be adopted


def start_early(warmup: Callable[[], object] | None) -> None:
    """Start one worker now, running `warmup`, for the next executor with that same warm-up to take as its first.

    A command calls this before its own imports, so that the worker's start-up runs beside them; a worker
    that no executor takes is killed when this process exits.
    """
    if not _EARLY:
        atexit.register(_kill_early)
    _EARLY.append(_Worker(warmup))


def _adopt(warmup: Callable[[], object] | None) -> _Worker | None:
    """An early worker started with `warmup` (taken off the waiting list), or None."""
    for worker in _EARLY:
        if worker.warmup is warmup:
            _EARLY.remove(worker)
            return worker
    return None


def drop_early(warmup: Callable[[], object] | None) -> None:
    """Kill the workers started early with `warmup` that no executor has taken."""
    while (worker := _adopt(warmup)) is not None:
        worker.kill()


def _kill_early() -> None:
    """Kill the early workers no executor took."""
    while _EARLY:
        _EARLY.pop().kill()


class GuardedExecutor(Generic[T, R]):
    """Maps a function over items in worker processes; an item over its limits gets `fallback(item, reason)`.

    A worker running an item past its time or memory budget is killed and replaced, so one bad
    document costs at most its limit and the run goes on. Results come back in input order.
    A batched step (`batching.Batched`) gets a batch of items per task, with the limits of one
    document for the whole batch; a batch over them, or whose worker dies, costs its worker, and the
    items it had not answered run again one per task, where the one at fault fails alone as before.
    """

    def __init__(
        self,
        fallback: Callable[[T, str], R],
        workers: int = 1,
        limits: Limits = Limits(),
        warmup: Callable[[], object] | None = None,
    ):
        self.fallback = fallback
        self.workers = max(1, workers)
        self.limits = limits
        self.warmup = warmup
        self._pool: list[_Worker] = []
        self._alone: set[int] = set()  # items of a lost batch, to run one per task

    def start(self) -> None:
        """Start the workers now, so that they warm up while the caller does other work (`map` starts them otherwise)."""
        self._fill()

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` to every item in the workers, reading items lazily, yielding results in order."""
        self._drop_busy()
        self._alone.clear()
        size = batch_size(fn)
        source = iter(items)
        queued: dict[int, T] = {}
        results: dict[int, R] = {}
        next_in, next_out, exhausted = 0, 0, False
        while not exhausted or queued:
            while not exhausted and len(queued) < 2 * self.workers * size:
                try:
                    queued[next_in] = next(source)
                    next_in += 1
                except StopIteration:
                    exhausted = True
            if not queued:
                break
            self._fill()
            self._dispatch(fn, queued, size if not exhausted else self._share(queued, size))
            self._collect(queued, results)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1

    def _drop_busy(self) -> None:
        """Stop workers still running items of an earlier, abandoned map."""
        for worker in [w for w in self._pool if w.task]:
            worker.kill()
            self._pool.remove(worker)

    def _fill(self) -> None:
        """Start workers up to the pool size, first taking any started early with this warm-up."""
        while len(self._pool) < self.workers:
            self._pool.append(_adopt(self.warmup) or _Worker(self.warmup))

    def _share(self, queued: dict[int, T], size: int) -> int:
        """The batch size once every item is read: smaller as the items left run out, so that workers end together."""
        if self.workers == 1:
            return size
        running = sum(len(w.task) for w in self._pool)
        return max(1, min(size, ceil((len(queued) - running) / (2 * self.workers))))

    def _dispatch(self, fn: Callable[[T], R], queued: dict[int, T], size: int) -> None:
        """Give each idle, ready worker the oldest items nobody runs yet: up to `size` of them, or one to run alone."""
        running = {i for w in self._pool for i in w.task}
        waiting = [i for i in sorted(queued) if i not in running]
        alone = [i in self._alone or runs_alone(fn, queued[i]) for i in waiting]
        for worker in self._pool:
            if worker.ready and not worker.task:
                if not waiting:
                    return
                take = 1 if alone[0] else next((n for n in range(1, min(size, len(waiting))) if alone[n]),
                                               min(size, len(waiting)))
                batch, waiting, alone = waiting[:take], waiting[take:], alone[take:]
                worker.give(batch, fn, [queued[i] for i in batch])

    def _collect(self, queued: dict[int, T], results: dict[int, R]) -> None:
        """Wait briefly for messages; take results, replace dead or over-budget workers."""
        ready = wait([w.conn for w in self._pool], timeout=POLL_SECONDS)
        for worker in list(self._pool):
            if worker.conn in ready:
                self._receive(worker, queued, results)
                continue
            reason = worker.over(self.limits)
            if reason is None and not worker.ready and time.monotonic() - worker.started_at > WARMUP_SECONDS:
                raise RuntimeError(f"a worker process did not start within {WARMUP_SECONDS:g} s")
            if reason is not None:
                if worker.batch > 1:
                    log.warning("stopping a worker: a batch of %d documents is %s; they run again one by one",
                                worker.batch, reason)
                else:
                    log.warning("stopping a worker: %s", reason)
                self._lose(worker, queued, results, reason)

    def _receive(self, worker: _Worker, queued: dict[int, T], results: dict[int, R]) -> None:
        """Take every message a worker has sent: it is ready, or an item's outcome; a closed pipe loses the worker."""
        while True:
            try:
                index, message = worker.conn.recv()
            except (EOFError, OSError):
                self._lose(worker, queued, results, self._death_reason(worker))
                return
            if index == "ready":
                worker.ready = True
            else:
                worker.task.remove(index)
                self._alone.discard(index)
                kind, value = message
                item = queued.pop(index)
                results[index] = value if kind == "ok" else self.fallback(item, f"error: {value}")
            if not worker.conn.poll():
                return

    @staticmethod
    def _death_reason(worker: _Worker) -> str:
        """Why a worker's pipe closed, in words."""
        code = worker.exit_code(timeout=1)
        if code is not None and code < 0:
            return f"worker process died (signal {signal.Signals(-code).name})"
        return f"worker process died (exit code {code})"

    def _lose(self, worker: _Worker, queued: dict[int, T], results: dict[int, R], reason: str) -> None:
        """Drop a worker; its item (if any) fails with `reason`, or its batch's unanswered items run again alone.

        A worker that never warmed up is fatal.
        """
        was_ready, unanswered, batch = worker.ready, worker.task, worker.batch
        worker.kill()
        self._pool.remove(worker)
        if batch > 1:
            self._alone.update(unanswered)
        elif unanswered:
            index = unanswered[0]
            results[index] = self.fallback(queued.pop(index), reason)
        elif not was_ready:
            raise RuntimeError(f"a worker process could not start: {reason}")

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._pool:
            worker.stop()
        self._pool.clear()

    def __enter__(self) -> GuardedExecutor[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
