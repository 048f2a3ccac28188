"""Read JSON documents (one record or a list) and JSONL files (one record per line) into reports."""
from __future__ import annotations

import json
from collections.abc import Iterator
from io import BytesIO
from typing import Any, BinaryIO

from newsloom.ingest import limits
from newsloom.ingest.encoding import decode
from newsloom.ingest.sniff import looks_html
from newsloom.model import InputStatus, Report

BODY_FIELDS = ("text", "html", "content")
HINT_FIELDS = {"title": "title", "author": "author", "published": "published", "date": "published", "outlet": "outlet"}


def record_to_report(record: Any, source: str) -> Report | InputStatus:
    """Turn one `{text|html|content, url?, title?, author?, published?, outlet?}` record into a report."""
    if not isinstance(record, dict):
        return InputStatus(source, "skipped", f"record is a JSON {type(record).__name__}, not an object")
    field = next((f for f in BODY_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if field is None:
        return InputStatus(source, "skipped", "record has no non-empty text, html or content field")
    body: str = record[field]
    media = field if field != "content" else ("html" if looks_html(body) else "text")
    refused = limits.too_long(len(body), media)
    if refused:
        return InputStatus(source, "skipped", refused)
    hints: dict[str, Any] = {}
    for key, hint in HINT_FIELDS.items():
        value = record.get(key)
        if value not in (None, "", []) and hint not in hints:
            hints[hint] = value if isinstance(value, str) else str(value)
    url = record.get("url") if isinstance(record.get("url"), str) and record["url"].strip() else None
    return Report.make(source, body.encode("utf-8"), media, url=url, hints=hints)


def read_json_text(text: str, source: str) -> Iterator[Report | InputStatus]:
    """Yield reports from a JSON document (object or list, `FILE#N` per list item) or JSONL (`FILE#LINE`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as whole_error:
        yield from read_jsonl(BytesIO(text.encode("utf-8")), source, whole_error)
        return
    if isinstance(data, list):
        if not data:
            yield InputStatus(source, "skipped", "JSON list is empty")
        for index, record in enumerate(data, 1):
            yield record_to_report(record, f"{source}#{index}")
    else:
        yield record_to_report(data, source)


def read_jsonl(stream: BinaryIO, source: str, whole_error: Exception | None = None) -> Iterator[Report | InputStatus]:
    """Yield one report per JSONL line, read line by line; a malformed or oversized line gets its own status.

    When the first record is not JSON the whole input fails (with `whole_error`, the error of reading
    it as one JSON document, when there is one).
    """
    first = True
    for number, line in limits.capped_lines(stream, limits.MAX_RECORD_BYTES):
        line_source = f"{source}#{number}"
        if line is None:
            first = False
            yield InputStatus(line_source, "skipped", f"record over {limits.megabytes(limits.MAX_RECORD_BYTES)}")
            continue
        text = decode(line.replace(b"\x00", b"")).strip()
        if not text:
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            if first:
                yield InputStatus(source, "failed", f"malformed JSON: {whole_error or error}")
                return
            yield InputStatus(line_source, "failed", f"malformed JSON line: {error}")
            continue
        first = False
        yield record_to_report(record, line_source)
    if first:
        yield InputStatus(source, "skipped", "no JSON records")
