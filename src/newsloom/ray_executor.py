"""Documents on Ray: a pool of actors that load the models once, run batches of items, and stream results back.

Ray is imported only when this executor is built. Each actor calls `warmup` once (the models stay
loaded), then runs batches: `fn` on every item; an item that raises gets the caller's `fallback`.
A batch running past its time budget (the per-document limit times its size), or whose actor dies,
costs its actor (killed and replaced); its items are run again one by one, and the one that is over
the limit again, or kills its actor again, fails alone. Memory is left to Ray's own memory monitor.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Generic, TypeVar

from newsloom.batching import outcomes
from newsloom.executor_spec import ExecutorSpec

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger("newsloom")
BATCH = 8  # items per task: enough to amortise a round trip, few enough to spread a small run
POLL_SECONDS = 0.05
WARMUP_SECONDS = 600.0  # an actor that cannot load its models in this long is given up
RUNTIME_ENV = "NEWSLOOM_RAY_RUNTIME_ENV"  # JSON runtime_env for a cluster, e.g. {"pip": ["newsloom==1.2"]}

Batch = list[tuple[int, Any]]  # (index in the input, item)


class Runner:
    """The actor body: models loaded once by `warmup`, then batches of items."""

    def __init__(self, warmup: Callable[[], object] | None) -> None:
        if warmup is not None:
            warmup()

    def ready(self) -> bool:
        """Answered once the warmup is done."""
        return True

    def run(self, fn: Callable[[Any], Any], items: list) -> list[tuple[str, Any]]:
        """`("ok", fn(item))` or `("error", reason)` per item, in order (a batched step over the items at once)."""
        return list(outcomes(fn, items))


def connect(spec: ExecutorSpec) -> bool:
    """Join the cluster `spec` names, or start a local Ray; True when this call started Ray."""
    import ray

    if ray.is_initialized():
        return False
    runtime_env = json.loads(os.environ[RUNTIME_ENV]) if os.environ.get(RUNTIME_ENV) else None
    options: dict[str, Any] = {"runtime_env": runtime_env, "logging_level": logging.WARNING,
                               "log_to_driver": False}
    if spec.address:
        ray.init(address=spec.address, **options)
    elif os.environ.get("RAY_ADDRESS"):
        ray.init(**options)
    else:
        ray.init(num_cpus=spec.workers or None, include_dashboard=False, **options)
    return True


@dataclass
class _Slot:
    """One actor, the reference that says it is warm (None once it is), and the batch it runs."""

    actor: Any
    warming: Any = None
    batch: Batch = field(default_factory=list)
    ref: Any = None
    started: float = 0.0


class RayExecutor(Generic[T, R]):
    """Maps a function over items on a pool of Ray actors, `batch` items per task, yielding results in input order."""

    def __init__(
        self,
        spec: ExecutorSpec,
        fallback: Callable[[T, str], R] | None = None,
        limits: Any = None,
        warmup: Callable[[], object] | None = None,
        batch: int = BATCH,
        cpus_per_actor: float | None = None,
    ) -> None:
        self.spec = spec
        self.fallback = fallback
        self.seconds = float(getattr(limits, "seconds", 0) or 0)
        self.warmup, self.batch = warmup, max(1, batch)
        # actors that run documents hold a CPU each; whole-story work rides on CPUs the document actors leave idle
        self.cpus = cpus_per_actor if cpus_per_actor is not None else (1.0 if fallback is not None else 0.0)
        self._started_ray = False
        self._slots: list[_Slot] = []

    def _pool_size(self) -> int:
        """One actor per CPU of the cluster (at most the N of a local `ray:N`)."""
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(cpus, self.spec.workers) if self.spec.workers and not self.spec.address else cpus)

    def _start(self) -> None:
        """Connect to Ray and start the actors (their warmup runs while the first items are read)."""
        import ray

        if self._slots:
            return
        self._started_ray = connect(self.spec) or self._started_ray
        self._actor_class = ray.remote(num_cpus=self.cpus)(Runner)
        self._slots = [self._new_slot() for _ in range(self._pool_size())]

    def _new_slot(self) -> _Slot:
        actor = self._actor_class.remote(self.warmup)
        return _Slot(actor, warming=actor.ready.remote(), started=time.monotonic())

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` to every item on the actors, reading items lazily, yielding results in input order."""
        self._start()
        self._drop_busy()
        source = enumerate(items)
        queue: deque[Batch] = deque()
        results: dict[int, R] = {}
        next_out, exhausted = 0, False
        while True:
            while not exhausted and len(queue) < len(self._slots):
                batch = list(islice(source, self.batch))
                exhausted = len(batch) < self.batch
                if batch:
                    queue.append(batch)
            if not queue and not any(s.ref is not None for s in self._slots):
                break
            self._dispatch(fn, queue)
            self._collect(queue, results)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1

    def _dispatch(self, fn: Callable[[T], R], queue: deque[Batch]) -> None:
        """Give each warm, idle actor the oldest waiting batch."""
        for slot in self._slots:
            if not queue:
                return
            if slot.warming is None and slot.ref is None:
                slot.batch = queue.popleft()
                slot.ref = slot.actor.run.remote(fn, [item for _, item in slot.batch])
                slot.started = time.monotonic()

    def _collect(self, queue: deque[Batch], results: dict[int, R]) -> None:
        """Wait briefly; take finished batches and warm actors; replace actors that died or ran over."""
        import ray
        from ray.exceptions import RayError

        waiting = [s.warming or s.ref for s in self._slots if (s.warming or s.ref) is not None]
        done, _ = ray.wait(waiting, num_returns=len(waiting), timeout=POLL_SECONDS) if waiting else ([], [])
        done_ids = {ref.hex() for ref in done}
        for slot in list(self._slots):
            ref = slot.warming or slot.ref
            if ref is not None and ref.hex() in done_ids:
                try:
                    value = ray.get(ref)
                except RayError as exc:
                    self._lose(slot, queue, results, f"worker died ({type(exc).__name__})")
                    continue
                if slot.warming is not None:
                    slot.warming = None
                else:
                    self._take(slot, value, results)
            elif slot.warming is not None and time.monotonic() - slot.started > WARMUP_SECONDS:
                raise RuntimeError(f"a Ray actor did not start within {WARMUP_SECONDS:g} s")
            elif slot.ref is not None and self.seconds and \
                    time.monotonic() - slot.started > self.seconds * len(slot.batch):
                log.warning("stopping a Ray actor: over the time limit (%g s per document)", self.seconds)
                self._lose(slot, queue, results, f"over the time limit ({self.seconds:g} s per document)")

    def _take(self, slot: _Slot, value: list[tuple[str, Any]], results: dict[int, R]) -> None:
        """Store a finished batch's results; an item that raised gets the fallback."""
        for (index, item), (kind, found) in zip(slot.batch, value):
            results[index] = found if kind == "ok" else self._failed(item, f"error: {found}")
        slot.batch, slot.ref = [], None

    def _failed(self, item: T, reason: str) -> R:
        """The fallback result of an item, or the error when this executor has no fallback."""
        if self.fallback is None:
            raise RuntimeError(reason)
        return self.fallback(item, reason)

    def _lose(self, slot: _Slot, queue: deque[Batch], results: dict[int, R], reason: str) -> None:
        """Replace an actor; a batch of several goes back one item per task, a single item fails with `reason`."""
        import ray

        if slot.warming is not None:
            raise RuntimeError(f"a Ray actor could not start: {reason}")
        ray.kill(slot.actor)
        batch = slot.batch
        self._slots[self._slots.index(slot)] = self._new_slot()
        if len(batch) == 1:
            index, item = batch[0]
            results[index] = self._failed(item, reason)
        else:
            queue.extendleft([pair] for pair in reversed(batch))

    def _drop_busy(self) -> None:
        """Replace actors still running batches of an earlier, abandoned map."""
        import ray

        for i, slot in enumerate(self._slots):
            if slot.ref is not None:
                ray.kill(slot.actor)
                self._slots[i] = self._new_slot()

    def close(self) -> None:
        """Stop the actors; shut Ray down when this executor started it."""
        if not self._slots and not self._started_ray:
            return
        import ray

        if ray.is_initialized():  # another executor may have shut down the Ray both used
            for slot in self._slots:
                ray.kill(slot.actor)
        self._slots.clear()
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False
