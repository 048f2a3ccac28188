"""Read WARC files with warcio: each HTML or text `response` record becomes one report.

Payloads are read in chunks up to `limits.MAX_RECORD_BYTES`; a larger record is passed over without
being held in memory. A cut or damaged archive keeps the records read before the damage and says
where the rest was lost.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsloom.ingest import limits
from newsloom.ingest.encoding import decode
from newsloom.ingest.sniff import sniff, text_bytes
from newsloom.model import InputStatus, Report

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_DETAIL = 120  # characters of a reader error quoted in a reason
_BROKEN = (OSError, ValueError, EOFError, AttributeError, TypeError, zlib.error)


def _sniffed(payload: bytes) -> tuple[str | None, bytes]:
    """An undeclared payload's media from its bytes ("html", "text" or None) and its bytes, stray NULs dropped."""
    found = sniff(payload)
    return (found.kind if found.kind in ("html", "text") else None), found.raw


def _record_item(record: Any, source: str) -> Report | InputStatus | None:
    """Build a report from one response record, a status when it is too large, or None when it holds no document."""
    http = record.http_headers
    if http is not None and not (http.get_statuscode() or "200").startswith("2"):
        return None
    content_type = (http.get_header("Content-Type") if http is not None else None) or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in _MEDIA:
        return None
    payload = limits.read_capped(record.content_stream(), limits.MAX_RECORD_BYTES)
    if payload is None:
        return InputStatus(source, "skipped", f"record payload over {limits.megabytes(limits.MAX_RECORD_BYTES)}")
    if not payload.strip():
        return None
    if mime:  # stray NULs dropped; a binary payload holds no document
        media, payload = _MEDIA[mime], text_bytes(payload)
    else:
        media, payload = _sniffed(payload)
    if media is None or payload is None:
        return None
    refused = limits.too_long(len(payload), media) and limits.too_long(len(decode(payload)), media)
    if refused:  # bytes bound characters from above: decoded only when the bytes pass the limit
        return InputStatus(source, "skipped", refused)
    hints: dict[str, Any] = {}
    charset = _CHARSET.search(content_type)
    if charset:
        hints["charset"] = charset.group(1)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    return Report.make(source, payload, media, url=url, hints=hints)


def _whole(record: Any) -> bool:
    """True when a record read to its end had its headers and all the bytes its Content-Length declares."""
    declared = record.rec_headers.get_header("Content-Length") or ""
    return record.rec_type is not None and declared.strip().isdigit() and getattr(record.raw_stream, "limit", 1) == 0


def _gzip_cut(stream: BinaryIO) -> bool:
    """True when a gzip member starting here runs to the end of the file unfinished; False when it is corrupt."""
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while chunk := stream.read(limits.CHUNK):
            member.decompress(chunk, limits.CHUNK)
            while member.unconsumed_tail and not member.eof:
                member.decompress(member.unconsumed_tail, limits.CHUNK)
            if member.eof:
                return False
    except zlib.error:
        return False
    return True


def _tail(stream: BinaryIO, end: int) -> str | None:
    """Say what follows the last whole record: only blank lines (None), a "truncated" record, or "damaged" bytes."""
    stream.seek(end)
    start = stream.read(limits.CHUNK)
    while start and not start.strip():
        end += len(start)
        start = stream.read(limits.CHUNK)
    if not start:
        return None
    end += len(start) - len(start.lstrip())
    start = start.lstrip()
    if b"\x1f\x8b".startswith(start[:2]):
        stream.seek(end)
        return "truncated" if _gzip_cut(stream) else "damaged"
    return "truncated" if b"WARC/".startswith(start[:5]) else "damaged"


def read_warc(stream: BinaryIO, source: str) -> Iterator[Report | InputStatus]:
    """Yield a report or status per HTML/text response record (`source#N`, N = 1-based response number)."""
    from warcio.archiveiterator import ArchiveIterator  # imported on a WARC's first read: start-up stays light
    from warcio.exceptions import ArchiveLoadFailed

    broken = (ArchiveLoadFailed, *_BROKEN)
    yielded = records = number = end = 0
    detail = ""
    archive = ArchiveIterator(stream)
    try:
        for record in archive:
            item = None
            if record.rec_type == "response":
                number += 1
                item = _record_item(record, f"{source}#{number}")
            archive.read_to_end()
            if not _whole(record):
                break
            records += 1
            offset, length = archive.member_info
            end = offset + length
            if item is not None:
                yielded += 1
                yield item
    except broken as error:
        detail = f" ({type(error).__name__}: {str(error)[:_DETAIL]})"
    cut = _tail(stream, end) or ("truncated" if detail else None)
    if cut:
        reason = f"{cut} archive: {records} records read, the rest lost at byte {end}"
        yield InputStatus(source, "failed", reason + detail if cut == "damaged" else reason)
    elif not yielded:
        reason = "WARC has no HTML or text response records" if number else "WARC has no response records"
        yield InputStatus(source, "skipped", reason)
