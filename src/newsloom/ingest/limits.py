"""Size limits on inputs, and readers that stop at them instead of holding a huge thing in memory."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # a file read whole as one document (WARC and JSONL are streamed record by record)
MAX_RECORD_BYTES = 20 * MB  # one WARC payload or one JSONL line
# Characters of one document: plain text as long as annotation accepts; HTML as long as extraction reads.
MAX_DOCUMENT_CHARS = {"text": 3_000_000, "html": 16_000_000}
CHUNK = 1 * MB


def megabytes(size: int) -> str:
    """Return a byte count for reasons: "20 MB", "0.5 MB", or "100 bytes" when under a tenth of a MB."""
    if size < MB // 10:
        return f"{size:,} bytes"
    return f"{size / MB:.1f}".removesuffix(".0") + " MB"


def too_long(chars: int, media: str) -> str | None:
    """Return why a document of `chars` characters is refused, or None when it is within its limit."""
    limit = MAX_DOCUMENT_CHARS.get(media)
    if limit is None or chars <= limit:
        return None
    return f"document of {chars:,} characters, over the {limit:,} character limit"


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """Read a stream to its end in chunks, or return None as soon as it passes `cap` bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > cap:
            return None
        chunks.append(chunk)


def capped_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield `(line number, line)` per line; a line over `cap` bytes is passed over and yields None."""
    number = 0
    while line := stream.readline(cap + 1):
        number += 1
        if len(line) <= cap or line.endswith(b"\n"):
            yield number, line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(CHUNK)
        yield number, None
