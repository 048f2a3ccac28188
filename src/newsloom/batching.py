"""Steps that can also take a batch of items at once (their models then see the batch), and running such a batch.

Executors give a `Batched` step `size` items per task where they can; any other executor calls it on one
item at a time, as a plain function. A worker imports this module: it imports nothing else.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Outcome = tuple[str, Any]  # ("ok", result) or ("error", "ExceptionType: message")


@dataclass(frozen=True)
class Batched(Generic[T, R]):
    """A step with a batch form: `many(items)` yields the result `one` would give for each item, in order."""

    one: Callable[[T], R]
    many: Callable[[list[T]], Iterable[R]]
    size: int = 8  # items per batch
    alone: Callable[[T], bool] | None = None  # which items to run alone (those that may take long)

    def __call__(self, item: T) -> R:
        return self.one(item)


def batch_size(fn: Callable[..., Any]) -> int:
    """How many items an executor should give `fn` per task: a batched step's size, else one."""
    return max(1, fn.size) if isinstance(fn, Batched) else 1


def runs_alone(fn: Callable[..., Any], item: Any) -> bool:
    """Whether `item` should be given to `fn` alone, never in a batch."""
    return not isinstance(fn, Batched) or (fn.alone is not None and fn.alone(item))


def outcomes(fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Outcome]:
    """Run `fn` over `items`, yielding each item's outcome in order as soon as it is known.

    Several items go through the step's batch form; should the batch itself raise, the items it has not
    answered run one by one, so an item that raises fails alone with its own error.
    """
    done = 0
    if isinstance(fn, Batched) and len(items) > 1:
        try:
            for result in fn.many(items):
                yield "ok", result
                done += 1
                if done == len(items):
                    return
        except Exception:  # noqa: BLE001 - the items the batch left run alone below
            pass
    for item in items[done:]:
        try:
            outcome: Outcome = "ok", fn(item)
        except BaseException as exc:  # noqa: BLE001 - the caller turns it into a failed result
            outcome = "error", f"{type(exc).__name__}: {exc}"
        yield outcome
