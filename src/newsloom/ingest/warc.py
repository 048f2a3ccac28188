"""Read WARC files with warcio: each HTML or text `response` record becomes one report."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsloom.ingest.sniff import sniff
from newsloom.model import InputStatus, Report

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def _payload_media(content_type: str, payload: bytes) -> str | None:
    """Return "html" or "text" for a payload worth reading, from its Content-Type or its bytes."""
    mime = content_type.split(";")[0].strip().lower()
    if mime in _MEDIA:
        return _MEDIA[mime]
    if mime:
        return None
    kind = sniff(payload)[0]
    return kind if kind in ("html", "text") else None


def _record_report(record: Any, source: str) -> Report | None:
    """Build a report from one response record, or None when it holds no HTML/text document."""
    http = record.http_headers
    if http is not None and not (http.get_statuscode() or "200").startswith("2"):
        return None
    content_type = (http.get_header("Content-Type") if http is not None else None) or ""
    payload = record.content_stream().read()
    media = _payload_media(content_type, payload) if payload.strip() else None
    if media is None:
        return None
    hints: dict[str, Any] = {}
    charset = _CHARSET.search(content_type)
    if charset:
        hints["charset"] = charset.group(1)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    return Report.make(source, payload, media, url=url, hints=hints)


def read_warc(path: Path, source: str) -> Iterator[Report | InputStatus]:
    """Yield a report per HTML/text response record (`source#N`, N = 1-based response number)."""
    found = 0
    number = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                report = _record_report(record, f"{source}#{number}")
                if report is not None:
                    found += 1
                    yield report
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError) as error:  # warcio on broken input
        yield InputStatus(source, "failed", f"unreadable WARC after {number} response records: {error}")
        return
    if not found:
        reason = "WARC has no response records" if not number else "WARC has no HTML or text response records"
        yield InputStatus(source, "skipped", reason)
