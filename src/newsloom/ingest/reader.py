"""Walk input paths (files, directories) and dispatch each file to the reader its bytes call for."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsloom.ingest.feeds import read_feed
from newsloom.ingest.records import read_json_text
from newsloom.ingest.sniff import is_warc, sniff
from newsloom.ingest.warc import read_warc
from newsloom.model import InputStatus, Report

_SKIP_REASONS = {
    "empty": "empty file",
    "binary": "binary or unsupported content",
    "xml": "XML document that is neither a feed nor HTML",
}


def read_file(path: Path, source: str) -> Iterator[Report | InputStatus]:
    """Yield the reports one file holds (or one status saying why it holds none)."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    if is_warc(head):
        yield from read_warc(path, source)
        return
    raw = path.read_bytes()
    kind, text = sniff(raw)
    if kind in _SKIP_REASONS:
        yield InputStatus(source, "skipped", _SKIP_REASONS[kind])
    elif kind == "json":
        yield from read_json_text(text, source)
    elif kind == "feed":
        yield from read_feed(raw, source)
    else:
        yield Report.make(source, raw, kind)


def _safe_read(path: Path, source: str) -> Iterator[Report | InputStatus]:
    """Read one file, turning any error into a failed status after what was already read."""
    try:
        yield from read_file(path, source)
    except OSError as error:
        yield InputStatus(source, "failed", f"unreadable: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - bad input must never stop a run
        yield InputStatus(source, "failed", f"{type(error).__name__}: {error}")


def _walk(directory: Path, seen: set[str]) -> Iterator[Report | InputStatus]:
    """Yield everything under a directory, in sorted name order, skipping hidden entries."""
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(e for e in os.listdir(directory) if not e.startswith("."))
    except OSError as error:
        yield InputStatus(str(directory), "failed", f"unreadable directory: {error.strerror or error}")
        return
    for name in entries:
        child = directory / name
        if child.is_dir():
            yield from _walk(child, seen)
        elif child.is_file():
            yield from _safe_read(child, str(child))


def _read_path(path: Path) -> Iterator[Report | InputStatus]:
    """Yield the items of one input path, or a status when it yields nothing."""
    if path.is_dir():
        produced = False
        for item in _walk(path, set()):
            produced = True
            yield item
        if not produced:
            yield InputStatus(str(path), "skipped", "directory holds no files")
    elif path.is_file():
        yield from _safe_read(path, str(path))
    elif path.exists():
        yield InputStatus(str(path), "skipped", "not a regular file or directory")
    else:
        yield InputStatus(str(path), "failed", "no such file or directory")


def read_paths(paths: Sequence[str | Path]) -> Iterator[Report | InputStatus]:
    """Yield a Report per document found under `paths` and a status per input that yields nothing."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    arrival = 0
    for path in paths:
        for item in _read_path(Path(path)):
            if isinstance(item, Report):
                item.arrival = arrival
                arrival += 1
            yield item
