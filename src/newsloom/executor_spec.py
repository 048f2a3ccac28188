"""Executor spec strings (`local`, `processes:N`, `ray`, `ray:N`, `ray://HOST:PORT`), read like store URLs."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, Literal, TypeVar

from newsloom.executors import Executor, LocalExecutor, ProcessExecutor

T = TypeVar("T")
R = TypeVar("R")
ENV = "NEWSLOOM_EXECUTOR"  # the spec used when a command is given no --executor
SPECS_HELP = ("local, processes:N, ray (a local Ray, or the cluster RAY_ADDRESS names), ray:N (a local Ray of N CPUs) "
              "or ray://HOST:PORT")
_PROCESSES = re.compile(r"processes(?::(\d+))?")
_LOCAL_RAY = re.compile(r"ray(?::(\d+))?")
_RAY_CLIENT = re.compile(r"ray://[^\s/:]+:\d+")

Kind = Literal["local", "processes", "ray"]


class ExecutorSpecError(ValueError):
    """An executor spec that cannot be read; the message lists the forms that can."""


@dataclass(frozen=True)
class ExecutorSpec:
    """Where documents run: in this process, in N guarded worker processes, or on Ray (local or a cluster)."""

    kind: Kind
    workers: int = 1  # processes, or CPUs of a local Ray (0: all of this machine's)
    address: str | None = None  # ray://HOST:PORT of a cluster; None starts or joins a local one

    def __str__(self) -> str:
        if self.kind == "local":
            return "local"
        if self.kind == "processes":
            return f"processes:{self.workers}"
        return self.address or (f"ray:{self.workers}" if self.workers else "ray")


def parse_executor(spec: str) -> ExecutorSpec:
    """Read an executor spec; a spec that is none of the known forms raises ExecutorSpecError."""
    text = spec.strip()
    if text == "local":
        return ExecutorSpec("local")
    if match := _PROCESSES.fullmatch(text):
        return ExecutorSpec("processes", _count(match.group(1), spec, os.cpu_count() or 1))
    if match := _LOCAL_RAY.fullmatch(text):
        return ExecutorSpec("ray", _count(match.group(1), spec, 0))
    if _RAY_CLIENT.fullmatch(text):
        return ExecutorSpec("ray", 0, text)
    raise ExecutorSpecError(f"cannot read the executor {spec!r}: use {SPECS_HELP}")


def _count(digits: str | None, spec: str, default: int) -> int:
    """The N of a spec (at least 1), or `default` when it is not given."""
    if digits is None:
        return default
    if int(digits) < 1:
        raise ExecutorSpecError(f"cannot read the executor {spec!r}: the count must be at least 1 ({SPECS_HELP})")
    return int(digits)


def choose(executor: str | None, workers: int = 1) -> ExecutorSpec:
    """The spec a command runs with: `executor` if given, else $NEWSLOOM_EXECUTOR, else `processes:workers`."""
    chosen = executor or os.environ.get(ENV)
    return parse_executor(chosen) if chosen else ExecutorSpec("processes", max(1, workers))


def document_executor(
    spec: ExecutorSpec,
    fallback: Callable[[T, str], R],
    limits: object | None,
    warmup: Callable[[], object] | None = None,
) -> Executor:
    """The executor documents run on; a document over `limits` or one that raises gets `fallback(item, reason)`.

    `local` runs in this process with no limits; `processes:N` are guarded workers (time and memory
    limits); on Ray each actor runs `warmup` once and time limits hold per batch (see ray_executor).
    """
    if spec.kind == "ray":
        from newsloom.ray_executor import RayExecutor

        return RayExecutor(spec, fallback=fallback, limits=limits, warmup=warmup)  # type: ignore[arg-type]
    if spec.kind == "local" or limits is None:
        return stage_executor(spec)
    from newsloom.workers import GuardedExecutor

    return GuardedExecutor(fallback, workers=spec.workers, limits=limits, warmup=warmup)  # type: ignore[arg-type]


def stage_executor(spec: ExecutorSpec) -> Executor:
    """The executor of whole-story work (compare): unguarded, on the same kind of workers as the documents."""
    if spec.kind == "ray":
        from newsloom.ray_executor import RayExecutor

        return RayExecutor(spec)
    if spec.kind == "local" or spec.workers <= 1:
        return LocalExecutor()
    return ProcessExecutor(spec.workers)
