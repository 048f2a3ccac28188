"""Read one input file: sniff what its bytes are and dispatch it to the reader they call for."""
from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

from newsloom.ingest import limits
from newsloom.ingest.feeds import read_feed
from newsloom.ingest.records import read_json_text, read_jsonl
from newsloom.ingest.sniff import is_warc, sniff
from newsloom.ingest.sourcecode import looks_like_code
from newsloom.ingest.warc import read_warc
from newsloom.model import InputStatus, Report

_SKIP_REASONS = {
    "empty": "empty file",
    "binary": "binary or unsupported content",
    "xml": "XML document that is neither a feed nor HTML",
}
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
CODE_REASON = "source code or script, not a news report"
_HEAD = 64 * 1024


def _special_file(mode: int) -> str | None:
    """Return why a file of this mode is not read (a FIFO, socket or device), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "special file")
    return f"{kind}, not a regular file"


def read_document(raw: bytes, source: str, name: str = "") -> Iterator[Report | InputStatus]:
    """Yield the reports a whole document's bytes hold (or one status saying why they hold none)."""
    kind, text, raw = sniff(raw)
    if kind in _SKIP_REASONS:
        yield InputStatus(source, "skipped", _SKIP_REASONS[kind])
    elif kind == "json":
        yield from read_json_text(text, source)
    elif kind == "feed":
        yield from read_feed(raw, source)
    elif refused := limits.too_long(len(text), kind):
        yield InputStatus(source, "skipped", refused)
    elif looks_like_code(text if kind == "text" else "", name):
        yield InputStatus(source, "skipped", CODE_REASON)
    else:
        yield Report.make(source, raw, kind)


def _opens_jsonl(head: bytes) -> bool:
    """True when the first bytes of a file start a JSON object (read on as JSON Lines)."""
    return head.replace(b"\x00", b"").decode("utf-8", "replace").lstrip("\ufeff \t\r\n").startswith("{")


def read_file(path: Path, source: str) -> Iterator[Report | InputStatus]:
    """Yield the reports one file holds (or one status saying why it holds none); large files are not read whole."""
    info = path.stat()
    special = _special_file(info.st_mode)
    if special is not None:
        yield InputStatus(source, "skipped", special)  # never opened: opening a FIFO would block
        return
    with path.open("rb") as stream:
        head = stream.read(_HEAD)
        if is_warc(head):
            stream.seek(0)
            yield from read_warc(stream, source)
            return
        size = info.st_size
        if size > limits.MAX_FILE_BYTES:
            if _opens_jsonl(head):
                stream.seek(0)
                yield from read_jsonl(stream, source)
            else:
                limit = limits.megabytes(limits.MAX_FILE_BYTES)
                yield InputStatus(source, "skipped", f"file of {limits.megabytes(size)}, over the {limit} limit")
            return
        raw = head + stream.read()
    yield from read_document(raw, source, path.name)


def safe_read(path: Path, source: str) -> Iterator[Report | InputStatus]:
    """Read one file, turning any error into a failed status after what was already read."""
    try:
        yield from read_file(path, source)
    except OSError as error:
        yield InputStatus(source, "failed", f"unreadable: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - bad input must never stop a run
        yield InputStatus(source, "failed", f"{type(error).__name__}: {error}")
