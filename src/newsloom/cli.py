"""The `newsloom` command: analyse reports, keep a store, print articles, quotes and stories."""
from __future__ import annotations

import os
import sys

from newsloom.cli_extract import (
    check_paths as _check_paths, check_read as _check_read, run_plain, start_analyze_worker,
)

if __name__ == "__main__" or os.path.basename(getattr(sys, "argv", [""])[0]) == "newsloom":
    _plain = run_plain(sys.argv[1:])  # run as the command: a plain `extract` runs now, before the imports below
    if _plain is not None:
        sys.exit(_plain)
    start_analyze_worker(sys.argv[1:])  # `analyze`: its first worker loads spaCy during the imports below

import json  # noqa: E402 - after the plain extract command, on purpose
import shutil
import tempfile
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer

from newsloom.cli_common import NO_STORE_HINT, DbOpt, _store, err, fail
from newsloom.cli_desk import entity, follow, stories, unfollow
from newsloom.cli_find import export, search
from newsloom.cli_fix import fix_app
from newsloom.cli_watch import updates, watch
from newsloom.executor_spec import SPECS_HELP, ExecutorSpec, ExecutorSpecError, choose
from newsloom.executors import make_executor
from newsloom.progress import progress_bars
from newsloom.pipeline import Pipeline, document_executor, process_inputs, warm_extractor, warm_parser
from newsloom.store import MissingStoreError, StoreError
from newsloom.workers import Limits

app = typer.Typer(
    help="newsloom: turn many news reports into stories and sourced briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Fmt(str, Enum):
    """Output formats of a brief."""

    json = "json"
    md = "md"
    html = "html"
    all = "all"


PathsArg = typer.Argument(..., help="Files, directories (recursed), WARC, RSS/Atom, JSON or JSONL inputs.")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for extraction and analysis.")
ExecutorOpt = typer.Option(
    None, "--executor", envvar="NEWSLOOM_EXECUTOR", show_default=False,
    help=f"Where documents run: {SPECS_HELP}. Default: processes:WORKERS.",
)
CreateOpt = typer.Option(False, "--create", help="Start an empty store when --db names none (else that is an error).")
TimeLimitOpt = typer.Option(
    Limits.seconds, "--time-limit", min=0, help="Seconds one document may take before it fails (0: no limit)."
)
FollowLinksOpt = typer.Option(
    False, "--follow-links", help="Read symbolic links in input folders that lead out of them."
)
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bars (they show only when stderr is a terminal).")
MemoryLimitOpt = typer.Option(
    Limits.memory_mb, "--memory-limit", min=0, help="Megabytes one document may add to its worker (0: no limit)."
)


def _executor(executor: Optional[str], workers: int) -> ExecutorSpec:
    """The executor spec a command runs with (--executor, $NEWSLOOM_EXECUTOR, else --workers processes)."""
    try:
        return choose(executor, workers)
    except ExecutorSpecError as exc:
        fail(str(exc))
        raise


@contextmanager
def documents(
    spec: ExecutorSpec, seconds: float, memory_mb: int, warmup: Callable[[], None] = warm_parser
) -> Iterator:
    """Workers as `spec` says, running each document under its time and memory limits after their `warmup`."""
    executor = document_executor(spec, Limits(seconds, memory_mb), warmup)
    try:
        yield executor
    finally:
        executor.close()


def _emit(text: str, out: Optional[Path]) -> None:
    """Write to a file (saying where) or to stdout."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    err.print(f"wrote {out}")


@app.command()
def analyze(
    paths: List[Path] = PathsArg,
    fmt: Fmt = typer.Option(Fmt.json, "--format", "-f", help="Brief format: json, md, html, or all (into -o DIR)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the brief here instead of stdout."),
    workers: int = WorkersOpt,
    executor: Optional[str] = ExecutorOpt,
    time_limit: float = TimeLimitOpt,
    memory_limit: int = MemoryLimitOpt,
    follow_links: bool = FollowLinksOpt,
    quiet: bool = QuietOpt,
) -> None:
    """One shot, no store needed: read the inputs, group stories and print the sourced brief."""
    from newsloom.brief import render
    from newsloom.pipeline import analyze as run

    _check_paths(paths)
    spec = _executor(executor, workers)
    if fmt is Fmt.all and out is None:
        fail("--format all writes brief.json, brief.md and brief.html into a directory: give it with -o DIR")
    options = dict(workers=workers, limits=Limits(time_limit, memory_limit), follow_links=follow_links,
                   executor=str(spec))
    if fmt is Fmt.json:
        _check_read(_analyze_json(paths, out, quiet, options))
        return
    with progress_bars(err, quiet) as progress:
        brief = run(paths, progress=progress, **options)
    if fmt is Fmt.all:
        for name in ("json", "md", "html"):
            _emit(render(brief, name), out / f"brief.{name}")
    else:
        _emit(render(brief, fmt.value), out)
    _check_read(brief.inputs)


def _analyze_json(paths: List[Path], out: Optional[Path], quiet: bool, options: dict) -> List[InputStatus]:
    """Write the JSON brief story by story (to OUT once complete, or to stdout after the progress bars); the inputs.

    Stories are written to a file as they are compared, so no more than one story's brief is held.
    """
    from newsloom.brief import write_json
    from newsloom.pipeline import analysis

    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial") if out is not None else None
    try:
        with (open(partial, "w+", encoding="utf-8") if partial else tempfile.TemporaryFile("w+", encoding="utf-8")
              ) as file:
            with progress_bars(err, quiet) as progress, analysis(paths, progress=progress, **options) as found:
                inputs, stories = found
                write_json(inputs, stories, file)
            if partial is None:
                file.seek(0)
                shutil.copyfileobj(file, sys.stdout)
                sys.stdout.write("\n")
        if partial is not None and out is not None:
            os.replace(partial, out)
            err.print(f"wrote {out}")
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
    return inputs


@app.command()
def ingest(
    paths: List[Path] = PathsArg,
    db: str = DbOpt,
    workers: int = WorkersOpt,
    executor: Optional[str] = ExecutorOpt,
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="Process again the reports that failed or gave no article (after an upgrade)."
    ),
    time_limit: float = TimeLimitOpt,
    memory_limit: int = MemoryLimitOpt,
    follow_links: bool = FollowLinksOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Add inputs to the store (extracted and annotated); a re-run finishes what an interrupted run left."""
    _check_paths(paths)
    spec = _executor(executor, workers)
    with _store(db, create=True) as store, progress_bars(err, quiet) as progress, \
            documents(spec, time_limit, memory_limit) as docs:
        pipeline = Pipeline(store, make_executor(workers), progress, docs)
        statuses = pipeline.ingest(paths, retry_failed, follow_links)
    counts = {s: sum(1 for x in statuses if x.status == s) for s in ("ok", "skipped", "failed")}
    err.print(f"ingested: {counts['ok']} ok, {counts['skipped']} skipped, {counts['failed']} failed "
              f"({pipeline.processed} reports processed in this run; the rest were done before)")
    for s in statuses:
        if s.status != "ok":
            err.print(f"  {s.status}: {s.source}: {s.reason}")
    _check_read(statuses)


@app.command()
def brief(
    db: str = DbOpt,
    fmt: Fmt = typer.Option(Fmt.md, "--format", "-f", help="Brief format: json, md or html."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the brief here instead of stdout."),
    story: Optional[List[str]] = typer.Option(None, "--story", help="Only these story ids."),
    workers: int = WorkersOpt,
    create: bool = CreateOpt,
) -> None:
    """Write the sourced brief of the stored stories (run `stories` first after ingesting)."""
    from newsloom.brief import render

    with _store(db, create) as store:
        pipeline = Pipeline(store, make_executor(workers))
        if not store.stories():
            pipeline.build_stories()
        result = pipeline.brief(story)
    _emit(render(result, fmt.value), out)


def _records(paths: List[Path], spec: ExecutorSpec, annotate: bool = True):
    """Process inputs one-shot under the default limits: (status, annotated or None, report) per input, in order.

    With `annotate` off only the extracted article is given (no NLP model is loaded); claims get no embeddings.
    """
    with documents(spec, Limits.seconds, Limits.memory_mb, warm_parser if annotate else warm_extractor) as docs:
        yield from process_inputs(paths, docs, annotate=annotate)


def _all_read(rows: Iterator[tuple]) -> Iterator[tuple]:
    """Pass on `_records` rows; after the last, fail when not one input could be read."""
    statuses = []
    for row in rows:
        statuses.append(row[0])
        yield row
    _check_read(statuses)


def _jsonl(row: dict) -> None:
    """Print one JSON line."""
    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


JsonlOpt = typer.Option(True, "--jsonl/--no-jsonl", help="One JSON line per input (the default).")


@app.command()
def extract(
    paths: List[Path] = PathsArg, jsonl: bool = JsonlOpt, workers: int = WorkersOpt,
    executor: Optional[str] = ExecutorOpt,
) -> None:
    """Print each input's clean article text and metadata."""
    from newsloom.cli_extract import extract as run

    _check_paths(paths)
    run(paths, jsonl, _executor(executor, workers))


@app.command()
def quotes(
    paths: List[Path] = PathsArg, jsonl: bool = JsonlOpt, workers: int = WorkersOpt,
    executor: Optional[str] = ExecutorOpt,
) -> None:
    """Print each input's quotes with cue, kind and speaker (offsets index plain-text inputs' own text)."""
    _check_paths(paths)
    for status, ann, report in _all_read(_records(paths, _executor(executor, workers))):
        row: dict = {"source": status.source, "status": status.status, "quotes": []}
        if status.reason:
            row["reason"] = status.reason
        if ann is not None:
            titled = any(q.part == "title" for q in ann.quotes)
            plain = report is not None and report.media_type == "text"
            at = _title_in_input(ann.article, report) if titled and plain else None
            row["quotes"] = [_quote_row(q, ann.article, report, at) for q in ann.quotes]
        if jsonl:
            _jsonl(row)
        else:
            for q in row["quotes"]:
                sys.stdout.write(f"{status.source}\t{q['speaker']}\t{q['kind']}\t{q['text']}\n")


def _quote_row(q, article, report, title_at: int | None = None) -> dict:
    """A quote as the `quotes --jsonl` contract gives it, offsets mapped to the input text when plain (a headline's
    quotation by `title_at`, where the input writes the headline)."""
    plain = report is not None and report.media_type == "text" and article.segments

    def off(pos):
        if pos is None or not plain:
            return pos
        mapped = article.to_source_offset(pos)
        return mapped if mapped is not None else pos

    from newsloom.model import SPEAKER_THRESHOLD

    start, end = off(q.start), off(q.end)
    if q.part == "title":  # offsets in the headline; in the input itself where the input is plain text
        at = title_at if plain else None
        start, end = (q.start + at, q.end + at) if at is not None else (q.start, q.end)
    row = {
        "text": q.text, "start": start, "end": end, "speaker": q.shown_speaker,
        "speaker_start": off(q.speaker_start), "speaker_end": off(q.speaker_end), "cue": q.cue, "kind": q.kind,
        "speaker_role": q.speaker_role, "basis": q.basis, "confidence": q.confidence,
    }
    if q.speaker is not None and q.shown_speaker is None:  # as the brief shows it: unattributed, the guess apart
        row["candidate_speaker"] = q.speaker
        row["why"] = f"unattributed: confidence {q.confidence:.2f} is below {SPEAKER_THRESHOLD}"
        if q.doubt:
            row["why"] += f" ({q.doubt})"
    elif q.shown_speaker is None and q.doubt:
        row["why"] = f"unattributed: {q.doubt}"
    if q.part != "text":
        row["part"] = q.part
    return row


def _title_in_input(article, report) -> int | None:
    """Where a plain-text input writes the article's headline, or None."""
    from newsloom.ingest.encoding import decode

    if not article.title:
        return None
    at = decode(report.raw, report.hints.get("charset")).find(article.title)
    return at if at >= 0 else None


@app.command()
def cluster(
    paths: List[Path] = PathsArg, jsonl: bool = JsonlOpt, workers: int = WorkersOpt,
    executor: Optional[str] = ExecutorOpt,
) -> None:
    """Print the story id of each input."""
    from newsloom.stories import group

    _check_paths(paths)
    rows = list(_records(paths, _executor(executor, workers)))
    found = group([ann for _, ann, _ in rows if ann is not None])
    story_of = {rid: s.id for s in found for rid in s.report_ids}
    for status, ann, _ in rows:
        row = {"source": status.source, "story": story_of.get(ann.report_id) if ann else None}
        if ann is None:
            row.update(status=status.status, reason=status.reason)
        _jsonl(row) if jsonl else sys.stdout.write(f"{status.source}\t{row['story']}\n")
    _check_read([status for status, _, _ in rows])


@app.command()
def serve(
    db: str = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (keep 127.0.0.1 to stay local)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    max_upload_mb: float = typer.Option(100.0, "--max-upload-mb", min=0.001,
                                        help="Largest upload accepted, in MB (all files of one request together)."),
    create: bool = CreateOpt,
) -> None:
    """Run the local web app: browse stories and their sourced briefs, upload reports."""
    import uvicorn

    from newsloom.web import create_app, local_hosts

    try:
        web_app = create_app(db, create=create, max_upload_mb=max_upload_mb, allowed_hosts=local_hosts(host))
    except MissingStoreError as exc:
        fail(f"{exc}: {NO_STORE_HINT}")
    except StoreError as exc:
        fail(str(exc))
    err.print(f"newsloom web app on http://{host}:{port}/ (store: {db}); Ctrl+C stops it")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


app.command()(stories)
app.command()(search)
app.command()(entity)
app.command()(follow)
app.command()(unfollow)
app.command()(export)
app.command()(watch)
app.command()(updates)
app.add_typer(fix_app, name="fix")


def main() -> None:
    """Entry point that turns unexpected errors into a one-line reason and exit code 1."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # the one-line-reason promise of the CLI
        typer.echo(f"error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
