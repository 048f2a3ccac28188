"""Progress bars on stderr: per stage, reports done, rate and time left; off when quiet or stderr is no terminal."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

FORCE_ENV = "NEWSLOOM_PROGRESS"  # "1" shows bars even when stderr is no terminal, "0" never shows them
Callback = Callable[[str, int, int], None]


class RateColumn(ProgressColumn):
    """Items done per second in a stage."""

    def render(self, task: Task) -> Text:
        """The stage's current rate, or nothing before it has one."""
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")


def wanted(console: Console, quiet: bool = False) -> bool:
    """Whether to show bars: never when quiet, as NEWSLOOM_PROGRESS says when set, else when stderr is a terminal."""
    if quiet:
        return False
    forced = os.environ.get(FORCE_ENV, "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    return console.is_terminal


def quiet_third_parties() -> None:
    """Keep libraries' own progress bars (model loading, batch encoding) off our users' stderr."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")


@contextmanager
def progress_bars(console: Console, quiet: bool = False) -> Iterator[Callback | None]:
    """A live display of one bar per pipeline stage; yields the pipeline's progress callback (None: no display)."""
    quiet_third_parties()
    if not wanted(console, quiet):
        yield None
        return
    if not console.is_terminal:  # shown on request: draw as a terminal would
        console = Console(file=console.file, force_terminal=True, width=console.width)
    columns = (TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as display:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = display.add_task(stage, total=total)
            display.update(tasks[stage], completed=done, total=total)
            display.refresh()

        yield update
