"""`newsloom extract`: each input's article as JSON lines, and its quick start without the command-line library.

The command body here is the one typer runs. A plain `newsloom extract PATH... [--jsonl|--no-jsonl]
[--workers N]` on the default guarded workers runs it straight from `run_plain`, before typer,
pydantic, rich, the store's command-line helpers and the other commands are imported (about 0.2 s of
CPU, on the way to the first document); any other command line (help, an executor, an error to
report) goes to typer as before. `analyze` starts its first worker here too, before those imports.
"""
from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsloom.executor_spec import ExecutorSpec
    from newsloom.model import InputStatus

ENV = "NEWSLOOM_EXECUTOR"  # the same variable as executor_spec.ENV (not imported: that module is heavier)


def say(text: str) -> None:
    """One line on stderr, as typer.echo(err=True) writes it."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def stop(reason: str) -> None:
    """Exit non-zero with a one-line reason."""
    say(f"error: {reason}")
    raise SystemExit(1)


def check_paths(paths: Sequence[Path]) -> None:
    """Warn about input paths that do not exist (they are listed as failed inputs); fail when none exists."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing and len(missing) == len(paths):
        stop(f"no input could be read: no such file or directory: {', '.join(missing)}")
    for path in missing:
        say(f"warning: no such file or directory: {path} (listed as a failed input)")


def check_read(statuses: Sequence[InputStatus]) -> None:
    """Exit non-zero, saying so, when not one input could be read."""
    if statuses and all(s.status == "failed" for s in statuses):
        stop(f"no input could be read: all {len(statuses)} inputs failed")


def extracted(paths: Sequence[Path], spec: ExecutorSpec) -> Iterator[tuple]:
    """(status, article or None, report or None) per input, each extracted in a worker under the default limits."""
    from newsloom.pipeline import document_executor, process_inputs
    from newsloom.report_steps import warm_extractor
    from newsloom.workers import Limits

    executor = document_executor(spec, Limits(), warm_extractor)
    try:
        yield from process_inputs(paths, executor, annotate=False)
    finally:
        executor.close()


def extract(paths: Sequence[Path], jsonl: bool, spec: ExecutorSpec) -> None:
    """Print each input's clean article text and metadata (a JSON line, or source, status and title).

    The paths are checked first by the caller (`check_paths`).
    """
    statuses = []
    for status, a, _ in extracted(paths, spec):
        statuses.append(status)
        row = {"source": status.source, "status": status.status}
        if status.reason:
            row["reason"] = status.reason
        if a is not None:
            row.update(title=a.title, author=a.author, published=a.published, outlet=a.outlet,
                       url=a.url, lang=a.lang, text=a.text)
        if jsonl:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{status.source}\t{status.status}\t{row.get('title') or status.reason}\n")
    check_read(statuses)


def plain_extract(args: Sequence[str], environ: dict[str, str] | os._Environ = os.environ
                  ) -> tuple[list[Path], bool, int] | None:
    """(paths, jsonl, workers) of a plain `extract` command line on the default workers; None for any other."""
    if not args or args[0] != "extract" or environ.get(ENV):
        return None
    paths, jsonl, workers = [], True, 1
    rest = iter(args[1:])
    for arg in rest:
        name, _, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg in ("--jsonl", "--no-jsonl"):
            jsonl = arg == "--jsonl"
        elif name in ("-w", "--workers") and (value or arg in ("-w", "--workers")):
            value = value or next(rest, "")
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None
            workers = int(value)
        elif arg.startswith("-"):
            return None  # help, an executor, a mistake: typer's to handle
        else:
            paths.append(Path(arg))
    return (paths, jsonl, workers) if paths else None


def start_analyze_worker(args: Sequence[str], environ: dict[str, str] | os._Environ = os.environ) -> bool:
    """Start the first document worker of an `analyze` command line on the default workers now; True when started.

    Its start-up (spaCy and the model) then runs beside this process's imports; the command's executor
    takes it as its first worker (any other command line leaves it to be killed at exit).
    """
    if not args or args[0] != "analyze" or environ.get(ENV):
        return False
    if any(arg in ("--help", "--executor") or arg.startswith("--executor=") for arg in args[1:]):
        return False
    from newsloom.report_steps import warm_parser
    from newsloom.workers import start_early

    start_early(warm_parser)
    return True


def run_plain(args: Sequence[str]) -> int | None:
    """Run a plain `extract` command line here, as typer would, and give its exit status; None for any other."""
    plain = plain_extract(args)
    if plain is None:
        return None
    from newsloom.report_steps import warm_extractor
    from newsloom.workers import start_early

    start_early(warm_extractor)  # its start-up runs beside the imports of the pipeline
    from newsloom.executor_spec import ExecutorSpec

    paths, jsonl, workers = plain
    try:
        check_paths(paths)
        extract(paths, jsonl, ExecutorSpec("processes", workers))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            say(f"error: {type(exc).__name__}: {exc}")
            return 1
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - what is left to flush goes nowhere, as typer does
        return 1
    except Exception as exc:  # the one-line-reason promise of the CLI
        say(f"error: {type(exc).__name__}: {exc}")
        return 1
    return 0
