"""What the `newsloom` command does before its own imports: start the extraction worker it is going to need.

`newsloom extract` runs each document in a guarded worker that needs about 0.4 s to import the extractors.
Started here, before the command-line, store and typer imports of the parent, that start-up runs beside them
instead of after them; the worker pool then takes it as its first worker (see `workers.start_early`).
"""
from __future__ import annotations

import os
from collections.abc import Sequence

ENV = "NEWSLOOM_EXECUTOR"  # the same variable as executor_spec.ENV (not imported: that module is heavier)


def wants_early_worker(args: Sequence[str], environ: dict[str, str] | os._Environ = os.environ) -> bool:
    """Whether these command arguments run `extract` on guarded local workers (the default executor, no --help)."""
    if not args or args[0] != "extract" or environ.get(ENV):
        return False
    options = [a.split("=", 1)[0] for a in args[1:] if a.startswith("-")]
    return not any(o in ("--help", "--executor") for o in options)


def start_early_worker(args: Sequence[str]) -> bool:
    """Start the extraction worker now when `args` (the command line after the program) will use it; whether it did."""
    if not wants_early_worker(args):
        return False
    from newsloom.report_steps import warm_extractor
    from newsloom.workers import start_early

    start_early(warm_extractor)
    return True
