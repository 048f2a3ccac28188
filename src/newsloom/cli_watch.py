"""`newsloom watch` polls feeds and pages into a store; `newsloom updates` lists what changed in its stories."""
from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from newsloom.cli_common import DbOpt, _store, err, fail
from newsloom.store import StoreError
from newsloom.model import StoryUpdate
from newsloom.watch.events import utc_iso
from newsloom.watch.fetch import FetchPolicy

DEFAULT = FetchPolicy()


def warc_folder(db: str, given: Optional[Path]) -> Path:
    """Where fetched pages are kept: the folder given, else `<store file>.warc` next to a SQLite store."""
    if given is not None:
        return given
    if "://" not in db:
        return Path(db + ".warc")
    scheme, rest = db.split("://", 1)
    if scheme == "sqlite" and rest.startswith("/") and rest not in ("/", "/:memory:"):
        return Path(rest[1:] + ".warc")
    fail("give --warc-dir: fetched pages are kept as WARC files next to a SQLite store, and this store is not one")
    raise AssertionError  # fail exits


def since_utc(value: str) -> str:
    """The --since time as update times are kept (UTC), or exit naming the bad value."""
    found = utc_iso(value)
    if found is None:
        fail(f"--since {value!r} is not an ISO 8601 time (e.g. 2026-12-01 or 2026-12-01T09:30:00+01:00)")
    return found  # type: ignore[return-value]


def update_line(update: StoryUpdate) -> str:
    """One update event as a JSON line: story, kind, text, reports, at, seq."""
    row = {"story": update.story_id, "kind": update.kind, "text": update.text, "reports": update.reports,
           "at": update.at, "seq": update.seq}
    return json.dumps(row, ensure_ascii=False)


def _interrupt(signum: int, frame: object) -> None:
    """Turn a termination request into the same orderly stop as Ctrl+C."""
    raise KeyboardInterrupt


def stop_on_signals() -> dict[int, object]:
    """Make Ctrl+C and SIGTERM stop the watcher between steps, even where the shell started it ignoring SIGINT.

    Returns the handlers they had, for `restore_signals`.
    """
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    return before


def forget_unhandled_interrupt() -> None:
    """Tell CPython that the Ctrl+C (or SIGTERM) that stopped the watcher was handled.

    A KeyboardInterrupt raised while a C extension runs Python code through PyRun_String (as some model
    and library imports do) marks the interpreter as stopped by Ctrl+C even when the watcher then catches
    it, and the interpreter ends the process with SIGINT (exit status -2) after an orderly stop. The
    flag is CPython's own; where it cannot be found, nothing is done.
    """
    import ctypes

    try:
        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0
    except (AttributeError, ValueError, OSError):
        pass


def hold_signals() -> None:
    """Once the watcher is stopping, let no further Ctrl+C or SIGTERM cut its clean-up short."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def restore_signals(before: dict[int, object]) -> None:
    """Give Ctrl+C and SIGTERM back the handlers they had before the watcher started."""
    for signum, handler in before.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)  # type: ignore[arg-type]


def watch(
    sources: Path = typer.Argument(..., help="File of feed or page URLs, one a line, an outlet name after each; # comments."),
    db: str = DbOpt,
    once: bool = typer.Option(False, "--once", help="Poll every source once and stop (for cron)."),
    interval: float = typer.Option(900.0, "--interval", min=1, help="Seconds between poll rounds when not --once."),
    warc_dir: Optional[Path] = typer.Option(None, "--warc-dir", help="Folder of the WARC files fetched pages are "
                                            "kept in (default: next to a SQLite store, <db>.warc)."),
    timeout: float = typer.Option(DEFAULT.timeout_s, "--timeout", min=0.1, help="Seconds one request may take."),
    retries: int = typer.Option(DEFAULT.retries, "--retries", min=0, help="Tries again after a timeout or 5xx."),
    delay: float = typer.Option(DEFAULT.delay_s, "--delay", min=0, help="Least seconds between requests to one host."),
    max_mb: float = typer.Option(DEFAULT.max_bytes / 2**20, "--max-mb", min=0.001, help="Largest page read, in MB."),
) -> None:
    """Poll feeds and pages: fetch new items once each (kept as WARC), ingest them, print story updates as JSON lines."""
    from newsloom.executors import make_executor
    from newsloom.pipeline import Pipeline, document_executor
    from newsloom.watch.fetch import Fetcher
    from newsloom.watch.poll import Watcher
    from newsloom.watch.sources import SourcesError, read_sources
    from newsloom.watch.warcstore import WarcStore
    from newsloom.workers import Limits

    try:
        listed = read_sources(sources)
    except SourcesError as exc:
        fail(str(exc))
    if not listed:
        fail(f"{sources} lists no URLs")
    policy = FetchPolicy(timeout, retries, DEFAULT.backoff_s, int(max_mb * 2**20), DEFAULT.max_redirects, delay)
    folder, fetcher = warc_folder(db, warc_dir), Fetcher(policy)
    warcs, docs = WarcStore(folder), document_executor(1, Limits())
    before = stop_on_signals()
    try:
        with _store(db, create=True) as store:
            watcher = Watcher(store, listed, warcs, fetcher, Pipeline(store, make_executor(1), documents=docs))
            while True:
                try:
                    summary = watcher.round()
                except StoreError as exc:
                    if once:
                        raise
                    err.print(f"round failed, trying again in {interval:g} s: {exc}")
                    time.sleep(interval)
                    continue
                for update in summary.updates:
                    sys.stdout.write(update_line(update) + "\n")
                sys.stdout.flush()
                err.print(f"{summary.started}: {summary.sources} sources, {summary.not_modified} not modified, "
                          f"{summary.fetched} fetched, {summary.new_reports} new reports, "
                          f"{len(summary.problems)} skipped or failed, {len(summary.updates)} updates "
                          f"({summary.seconds:.1f} s)")
                for row in summary.problems:
                    err.print(f"  {row.status}: {row.source}: {row.reason}")
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        hold_signals()
        forget_unhandled_interrupt()
        err.print("stopped; the next run goes on from what was stored")
    finally:
        hold_signals()
        try:
            warcs.close()
            fetcher.close()
            docs.close()
        finally:
            restore_signals(before)


def updates(
    db: str = DbOpt,
    story: Optional[str] = typer.Option(None, "--story", help="Only this story's updates."),
    since: Optional[str] = typer.Option(None, "--since", help="Only updates at or after this ISO 8601 time."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object a line (story, kind, text, reports, at, seq)."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Most updates to print (newest first)."),
) -> None:
    """List what changed in the stories (new outlets, wordings, positions, stronger claims, corrections), newest first."""
    when = since_utc(since) if since else None
    with _store(db) as store:
        found = store.updates(story, when, limit)
    for update in found:
        line = update_line(update) if jsonl else f"{update.at}\t{update.story_id}\t{update.kind}\t{update.text}"
        sys.stdout.write(line + "\n")
